/* Drawing: the status line, the message line, the two-line key menu
 * (Alpine), text through core/text, prompts and confirmations. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "logic/keys.h"
#include "text/nfc.h"
#include "text/term.h"
#include "text/utf8.h"
#include "util/buf.h"
#include "util/date.h"

/* Below this the layout cannot hold (issue 7): a notice instead. */
#define MIN_COLS 40
#define MIN_ROWS 10

int app_put(WINDOW *w, int y, int x, const char *s, int cols, bool pad)
{
	size_t len, cut, width = 0;
	char *clean, *shown;

	if (cols <= 0)
		return 0;
	clean = term_sanitize(s ? s : "", s ? strlen(s) : 0, &len);
	if (!clean)
		return 0;
	cut = term_cut(clean, len, (size_t)cols, &width);
	shown = term_render(clean, cut, term_charset());
	if (shown)
		mvwaddstr(w, y, x, shown);
	for (int c = (int)width; pad && c < cols; c++)
		waddch(w, ' ');
	free(shown);
	free(clean);
	return pad ? cols : (int)width;
}

/* Reverse, in colour too: a colour pair costs its foreground and
 * background to set and to reset at every cursor move, some 20 bytes of
 * the 64 a move may write (issue 7, "Benchmarks"). */
int app_attr_cursor(const struct app *app)
{
	(void)app;
	return A_REVERSE;
}

int app_attr_warn(const struct app *app)
{
	return app->color ? (int)(COLOR_PAIR(2) | A_BOLD) : A_BOLD;
}

void app_message(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof app->msg, fmt, ap);
	va_end(ap);
	app->msg_error = false;
	app->msg_sync = false;
}

void app_error(struct app *app, const struct tthc_err *err)
{
	if (err->where[0])
		snprintf(app->msg, sizeof app->msg, "%s: %s", err->where, err->msg);
	else
		snprintf(app->msg, sizeof app->msg, "%s", err->msg);
	app->msg_error = true;
	app->msg_sync = false;
}

int64_t app_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A bar once a sync step has run half a second (issue 7), with the key
 * that cancels it, in front of the counts: at 80 columns the title and
 * the last sync give way to it.  Without a known size, the seconds. */
static bool progress(const struct app *a, char *line, size_t size)
{
	const struct sync_status *s = &a->sync_status;
	int64_t ran = app_now_ms() - s->started_ms;
	char bar[11];

	if (s->state != HOOK_RUNNING || ran < 500)
		return false;
	if (s->progress < 0) {
		snprintf(line, size, _(" tthc: syncing %llds (Esc cancels) | pending %lld | "
				       "conflicts %lld"),
			 (long long)(ran / 1000), (long long)a->pending, (long long)a->attention);
		return true;
	}
	for (int i = 0; i < 10; i++)
		bar[i] = i < s->progress / 10 ? '#' : '.';
	bar[10] = '\0';
	snprintf(line, size, _(" tthc: syncing [%s] %d%% (Esc cancels) | pending %lld | "
			       "conflicts %lld"),
		 bar, s->progress, (long long)a->pending, (long long)a->attention);
	return true;
}

/* "22:32" for a sync today, "24/11 22:32" for an older one, in Vietnam's
 * time whatever TZ says; the year only when it is not this year's. */
static void last_sync_label(int64_t t, char out[32])
{
	char full[17], today[17];

	if (t <= 0) {
		snprintf(out, 32, "%s", _("never"));
		return;
	}
	instant_format_vn(t, full);
	instant_format_vn((int64_t)time(NULL), today);
	if (!memcmp(full, today, 10))
		snprintf(out, 32, "%s", full + 11);
	else if (!memcmp(full + 6, today + 6, 4))
		snprintf(out, 32, "%.5s %s", full, full + 11);
	else
		snprintf(out, 32, "%s", full);
}

static void draw_status(struct app *app, int cols)
{
	const struct app *a = app;
	char line[512], when[32] = "";
	const char *title = a->depth ? a->stack[a->depth - 1].ops->title(a->stack[a->depth - 1].self)
				     : "";
	const char *net = a->sync_status.need_login ? _("log in again")
			: a->sync_status.state == HOOK_OFFLINE ? _("offline")
			: a->sync_status.state == HOOK_RUNNING ? _("syncing")
			: a->sync_status.state == HOOK_FAILED ? _("sync failed") : _("online");

	last_sync_label(a->last_sync, when);
	if (!progress(a, line, sizeof line)) {
		char facts[256];
		size_t room, keep;

		snprintf(facts, sizeof facts, _(" | %s | pending %lld | conflicts %lld | last sync %s"),
			 net, (long long)a->pending, (long long)a->attention, when);
		/* At 80 columns in Vietnamese it is the title that gives way, never
		 * the state of the sync. */
		room = (size_t)cols > term_width(facts, strlen(facts)) + 7
			       ? (size_t)cols - term_width(facts, strlen(facts)) - 7 : 0;
		keep = term_cut(title, strlen(title), room, NULL);
		snprintf(line, sizeof line, " tthc: %.*s%s", (int)keep, title, facts);
	}
	wattron(stdscr, A_REVERSE);
	app_put(stdscr, 0, 0, line, cols, true);
	wattroff(stdscr, A_REVERSE);
}

/* Two lines of "KEY Label" cells, six to a line at 80 columns, from the
 * current view's menu and the keymap: rebinding a key changes the menu. */
static void draw_menu(struct app *app, const struct view_ops *ops, int rows, int cols)
{
	int cell = cols / 6 > 12 ? cols / 6 : 12, per_line = cols / cell, i = 0;

	for (int y = rows - 2; y < rows; y++) {
		wmove(stdscr, y, 0);
		wclrtoeol(stdscr);
	}
	for (const enum action *a = ops->menu; *a != ACT_NONE && i < 2 * per_line; a++) {
		int key, y = rows - 2 + i / per_line, x = (i % per_line) * cell, used;
		char label[32];

		if (keymap_keys_for(&app->km, ops->id, *a, &key, 1) == 0)
			continue;
		key_label(key, label, sizeof label);
		wattron(stdscr, A_REVERSE);
		used = app_put(stdscr, y, x, label, cell - 2, false);
		wattroff(stdscr, A_REVERSE);
		app_put(stdscr, y, x + used, " ", 1, false);
		app_put(stdscr, y, x + used + 1, _(action_label(*a)), cell - used - 2, false);
		i++;
	}
}

static void draw_too_small(int rows, int cols)
{
	werase(stdscr);
	app_put(stdscr, 0, 0, _("Terminal too small (40x10 at least)"), cols, false);
	if (rows > 1)
		app_put(stdscr, 1, 0, _("Enlarge the window, or Q to quit."), cols, false);
}

void app_draw(struct app *app)
{
	int rows = LINES, cols = COLS;
	const struct view_ops *ops;

	if (rows < MIN_ROWS || cols < MIN_COLS) {
		draw_too_small(rows, cols);
	} else if (app->depth > 0) {
		ops = app->stack[app->depth - 1].ops;
		draw_status(app, cols);
		for (int y = 1; y < rows - 3; y++) {
			wmove(stdscr, y, 0);
			wclrtoeol(stdscr);
		}
		ops->draw(app, app->stack[app->depth - 1].self, 1, rows - 4, cols);
		if (app->msg_error)
			wattron(stdscr, app_attr_warn(app));
		app_put(stdscr, rows - 3, 0, app->msg, cols, true);
		wattroff(stdscr, app_attr_warn(app));
		draw_menu(app, ops, rows, cols);
	}
	/* The cursor is hidden: parking it after each update would cost a
	 * move (8 bytes) for nothing. */
	leaveok(stdscr, TRUE);
	wnoutrefresh(stdscr);
	doupdate();
}

bool app_confirm(struct app *app, const char *question, const char *const *details,
		 int n_details)
{
	int rows = LINES, cols = COLS, key;

	for (;;) {
		app_draw(app);
		for (int i = 0; i < n_details && i < 6 && rows - 4 - n_details + i > 0; i++) {
			app_put(stdscr, rows - 4 - n_details + i, 0, "", 2, true);
			app_put(stdscr, rows - 4 - n_details + i, 2, details[i], cols - 2, true);
		}
		wattron(stdscr, A_BOLD);
		app_put(stdscr, rows - 3, 0, question, cols, true);
		wattroff(stdscr, A_BOLD);
		wnoutrefresh(stdscr);
		doupdate();
		key = app_read_key(app, -1);
		if (key != KEY_RESIZE_CODE)
			break;
	}
	return key == 'y' || key == 'Y';
}

char *app_wide_to_utf8(const int *keys, int n)
{
	struct buf b = BUF_INIT;
	char u[4];

	for (int i = 0; i < n; i++)
		buf_append(&b, u, utf8_encode(keys[i], u));
	buf_append(&b, "", 0);
	return buf_failed(&b) ? (buf_free(&b), NULL) : buf_detach(&b);
}

static char *nfc_of(const int *keys, int n)
{
	char *raw = app_wide_to_utf8(keys, n), *nfc;

	if (!raw)
		return NULL;
	/* Input may come precomposed or as letter plus combining marks
	 * (DESIGN.md section 5): NFC at the edge. */
	nfc = text_nfc(raw, strlen(raw), NULL, NULL);
	free(raw);
	return nfc;
}

#define PROMPT_MAX 256

char *app_prompt(struct app *app, const char *label, const char *initial,
		 void (*on_change)(struct app *app, void *ctx, const char *text), void *ctx)
{
	int keys[PROMPT_MAX], n = 0, key, rows, used;
	const char *p = initial ? initial : "";
	int32_t cp;
	size_t k;

	while (*p && n < PROMPT_MAX && (k = utf8_decode(p, strlen(p), &cp)) > 0) {
		keys[n++] = cp;
		p += k;
	}
	for (;;) {
		char *text = app_wide_to_utf8(keys, n);

		app_draw(app);
		rows = LINES;
		used = app_put(stdscr, rows - 3, 0, label, COLS / 2, false);
		app_put(stdscr, rows - 3, used, text ? text : "", COLS - used - 1, true);
		free(text);
		wnoutrefresh(stdscr);
		doupdate();
		key = app_read_key(app, -1);
		if (key == KEY_ESC_CODE)
			return NULL;
		if (key == KEY_ENTER_CODE)
			return nfc_of(keys, n);
		if (key == KEY_RESIZE_CODE || key < 0)
			continue;
		if (key == KEY_OF(TK_BACKSPACE) || key == 127 || key == 8) {
			if (n > 0)
				n--;
		} else if (key >= 0x20 && key < KEY_SPECIAL && n < PROMPT_MAX) {
			keys[n++] = key;
		} else {
			continue;
		}
		if (on_change) {
			char *nfc = nfc_of(keys, n);

			if (nfc)
				on_change(app, ctx, nfc);
			free(nfc);
		}
	}
}
