/* One small interface per screen (STYLE.md, tig's view_ops): the main loop
 * knows only this.  Adding a view is adding a file in tui/views/ and its
 * ops here. */
#ifndef TTHC_TUI_VIEW_H
#define TTHC_TUI_VIEW_H

#include <stdbool.h>

#include "logic/actions.h"

struct app;

enum view_result { VIEW_STAY, VIEW_CLOSE };

struct view_ops {
	enum view_id id;
	/* A new view's state from arg (each view says what it takes); NULL
	 * with a message set on app when it cannot open. */
	void *(*open)(struct app *app, const void *arg);
	const char *(*title)(void *self);       /* translated, UTF-8 */
	/* Draw the body: rows y0..y0+h-1, w columns (the main loop erases
	 * nothing: ncurses sends only what changed, DESIGN.md section 6). */
	void (*draw)(struct app *app, void *self, int y0, int h, int w);
	enum view_result (*handle)(struct app *app, void *self, enum action a);
	/* A key no binding took (the form types it); true when used.  May be
	 * NULL. */
	bool (*input)(struct app *app, void *self, int key);
	/* The store changed (an action queued, undone, a sync): reload. */
	void (*reload)(struct app *app, void *self);
	/* The actions in the key menu, ACT_NONE-ended. */
	const enum action *menu;
	void (*close)(void *self);
};

/* view_history's argument. */
struct history_arg {
	const char *case_id;
	int procedure;                  /* enum procedure, -1 when unknown */
};

extern const struct view_ops view_menu, view_index, view_case, view_form, view_outbox,
	view_attention, view_help, view_settings, view_history, view_accounts, view_orgs,
	view_reports;

#endif
