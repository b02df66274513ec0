/* The TUI's state shared by the views, and the services the main loop
 * gives them: messages, prompts, confirmations, opening views, drawing
 * text through core/text. */
#ifndef TTHC_TUI_APP_H
#define TTHC_TUI_APP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "tui_curses.h"
#include "logic/decide.h"
#include "logic/keymap.h"
#include "sync_hook.h"
#include "view.h"

#define VIEW_DEPTH 8

struct app {
	struct store *st;
	const struct config *cfg;
	struct decider *dec;
	struct keymap km;
	const struct sync_hook *sync;
	struct sync_status sync_status;
	struct {
		const struct view_ops *ops;
		void *self;
	} stack[VIEW_DEPTH];
	int depth;
	char msg[512];
	bool msg_error;
	bool msg_sync;                  /* msg is the sync hook's: the next may replace it */
	int64_t pending, attention;
	int64_t last_sync;
	int keyq[MACRO_MAX * 4];        /* keys a macro typed, still to read */
	int kq_n, kq_pos;
	bool quit;
	bool color;
};

/* Message line. */
void app_message(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void app_error(struct app *app, const struct tthc_err *err);

/* Open a view on top; false (with a message) when it could not. */
bool app_push(struct app *app, const struct view_ops *ops, const void *arg);
/* Every view reloads and the counts too: after a change to the store. */
void app_changed(struct app *app);

/* Read one key (a macro's first, then the terminal): a key of logic/keys.h,
 * KEY_RESIZE_CODE, or -1 on timeout. */
#define KEY_RESIZE_CODE (-2)
int app_read_key(struct app *app, int timeout_ms);

/* Ask a yes/no question on the message line, details (up to 6 lines,
 * may be NULL) above it.  Only y/Y is yes (y/N). */
bool app_confirm(struct app *app, const char *question, const char *const *details,
		 int n_details);

/* Edit a line on the message line.  on_change (may be NULL) sees the NFC
 * text after every key (incremental search).  Returns the NFC text (caller
 * frees) or NULL when cancelled with ESC. */
char *app_prompt(struct app *app, const char *label, const char *initial,
		 void (*on_change)(struct app *app, void *ctx, const char *text), void *ctx);

/* Draw UTF-8 text at (y, x) in at most cols columns: control bytes removed
 * (term_sanitize), cut at a character boundary, converted to the terminal's
 * charset (term_render: no marks where it has none); pad fills the rest
 * with spaces.  Returns the columns used. */
int app_put(WINDOW *w, int y, int x, const char *s, int cols, bool pad);

/* The whole screen again (after the view stack or data changed). */
void app_draw(struct app *app);

/* Text that is being edited: wide chars as get_wch gives them, to UTF-8. */
char *app_wide_to_utf8(const int *keys, int n);

/* Attributes for a selected row, a heading, a warning: colour when the
 * terminal has it, else reverse/bold (monochrome, DESIGN.md section 6). */
int app_attr_cursor(const struct app *app);
int app_attr_warn(const struct app *app);
/* A monotonic clock, for "longer than half a second". */
int64_t app_now_ms(void);

#endif
