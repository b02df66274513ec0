/* The main loop: read a key (never blocking longer than a sync poll
 * interval), find its binding in the current view, let the view act, draw
 * what changed. */
#include "tui.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "login.h"
#include "logic/keys.h"
#include "store/query.h"
#include "text/term.h"

/* Between two polls of the sync hook while no key comes. */
#define POLL_MS 250

static const struct {
	int curses;
	int key;
} special[] = {
	{ KEY_DOWN, KEY_OF(TK_DOWN) }, { KEY_UP, KEY_OF(TK_UP) },
	{ KEY_LEFT, KEY_OF(TK_LEFT) }, { KEY_RIGHT, KEY_OF(TK_RIGHT) },
	{ KEY_NPAGE, KEY_OF(TK_PAGEDOWN) }, { KEY_PPAGE, KEY_OF(TK_PAGEUP) },
	{ KEY_HOME, KEY_OF(TK_HOME) }, { KEY_END, KEY_OF(TK_END) },
	{ KEY_IC, KEY_OF(TK_INSERT) }, { KEY_DC, KEY_OF(TK_DELETE) },
	{ KEY_BACKSPACE, KEY_OF(TK_BACKSPACE) }, { KEY_BTAB, KEY_OF(TK_BACKTAB) },
	{ KEY_ENTER, KEY_ENTER_CODE },
};

/* A key from the terminal, or -1 after timeout_ms (or for a key that
 * means nothing here). */
static int read_terminal(int timeout_ms)
{
	wint_t wc;
	int rc;

	timeout(timeout_ms);
	rc = get_wch(&wc);
	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_RESIZE)
			return KEY_RESIZE_CODE;
		if (wc >= KEY_F(1) && wc <= KEY_F(12))
			return KEY_OF(TK_F1 + (int)(wc - KEY_F(1)));
		for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
			if ((int)wc == special[i].curses)
				return special[i].key;
		return -1;
	}
	return wc == '\r' ? KEY_ENTER_CODE : (int)wc;
}

/* A key, or -1 after about POLL_MS: the sync hook drives the network
 * meanwhile and wakes on the terminal (curses' own buffer is read first). */
static int key_or_sync(struct app *app)
{
	struct pollfd keys = { .fd = STDIN_FILENO, .events = POLLIN };
	int key = read_terminal(0);

	if (key != -1)
		return key;
	app->sync->wait(app->sync->ctx, POLL_MS, &keys);
	return read_terminal(0);
}

int app_read_key(struct app *app, int timeout_ms)
{
	int key;

	if (app->kq_pos < app->kq_n)
		return app->keyq[app->kq_pos++];
	if (timeout_ms >= 0)
		return read_terminal(timeout_ms);
	/* A prompt waiting for its key must not stall a transfer under way
	 * (DESIGN.md section 6). */
	while ((key = key_or_sync(app)) == -1)
		;
	return key;
}

bool app_push(struct app *app, const struct view_ops *ops, const void *arg)
{
	void *self;

	if (app->depth == VIEW_DEPTH)
		return false;
	self = ops->open(app, arg);
	if (!self)
		return false;
	app->stack[app->depth].ops = ops;
	app->stack[app->depth++].self = self;
	return true;
}

static void pop(struct app *app)
{
	app->depth--;
	app->stack[app->depth].ops->close(app->stack[app->depth].self);
}

static void counts(struct app *app)
{
	struct store_status s;

	if (store_status(app->st, &s, NULL) == 0) {
		app->pending = s.pending;
		app->attention = s.attention;
		app->last_sync = s.last_sync;
		store_status_free(&s);
	}
}

void app_changed(struct app *app)
{
	counts(app);
	for (int i = 0; i < app->depth; i++)
		if (app->stack[i].ops->reload)
			app->stack[i].ops->reload(app, app->stack[i].self);
}

/* Actions every view shares, after the view declined them. */
static void common(struct app *app, enum action a)
{
	struct tthc_err err = { 0 };
	size_t n = 0;

	switch (a) {
	case ACT_QUIT:
		app->quit = true;
		break;
	case ACT_HELP:
		app_push(app, &view_help, app->stack[app->depth - 1].ops);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_OUTBOX:
		if (app->stack[app->depth - 1].ops != &view_outbox)
			app_push(app, &view_outbox, NULL);
		break;
	case ACT_UNDO:
		if (store_outbox_undo_last_batch(app->st, &n, &err) < 0) {
			app_error(app, &err);
		} else {
			app_message(app, _("Took back %zu queued actions."), n);
			app_changed(app);
		}
		break;
	case ACT_SYNC:
		if (app->sync_status.need_login)
			login_form(app);
		else if (app->sync->start(app->sync->ctx, &err) < 0)
			app_error(app, &err);
		break;
	default:
		break;
	}
}

static void dispatch(struct app *app, int key)
{
	const struct view_ops *ops = app->stack[app->depth - 1].ops;
	void *self = app->stack[app->depth - 1].self;
	const struct binding *b;

	/* A view that types (the form) gets printable keys first, so that
	 * `q` or `t` can be typed into a field. */
	if (ops->input && key >= 0x20 && key < KEY_SPECIAL && key != 0x7f &&
	    ops->input(app, self, key))
		return;
	b = keymap_lookup(&app->km, ops->id, key);
	if (!b) {
		if (ops->input && ops->input(app, self, key))
			return;
		app_message(app, "%s", _("That key does nothing here; ? lists the keys."));
		return;
	}
	if (b->n_macro) {
		/* The macro's keys are read before the terminal's. */
		app->kq_n = 0;
		app->kq_pos = 0;
		for (size_t i = 0; i < b->n_macro; i++)
			app->keyq[app->kq_n++] = b->macro[i];
		return;
	}
	app->msg[0] = '\0';
	app->msg_error = false;
	if (ops->handle(app, self, b->action) == VIEW_CLOSE) {
		if (app->depth > 1)
			pop(app);
		else
			app->quit = true;
		return;
	}
	common(app, b->action);
}

static void start_screen(struct app *app, const struct config *cfg)
{
	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* ESC acts at once (DESIGN.md section 6); the setting is in ms. */
	set_escdelay((int)config_number(cfg, CONFIG_ESCAPE_DELAY));
	curs_set(0);
	app->color = has_colors();
	if (app->color) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_BLACK, COLOR_CYAN);
		init_pair(2, COLOR_RED, -1);
	}
}

/* The first error of the configuration, for the message line. */
static void config_errors(struct app *app, const struct config *cfg, const struct tthc_err *km)
{
	size_t n = config_error_count(cfg);

	if (n > 0) {
		const struct config_error *e = config_error_at(cfg, 0);

		app_error(app, &e->err);
		if (n > 1)
			snprintf(app->msg + strlen(app->msg), sizeof app->msg - strlen(app->msg),
				 _(" (and %zu more)"), n - 1);
	} else if (km->code) {
		app_error(app, km);
	}
}

/* A sync step ended: the store may have changed, and the hook says how. */
static void sync_poll(struct app *app)
{
	if (!app->sync->poll(app->sync->ctx, &app->sync_status))
		return;
	app_changed(app);
	/* A sync that went well does not hide an error the user may not have
	 * read yet (tthcrc's, a refusal); one that failed says so at once. */
	if (!app->sync_status.message[0] ||
	    (app->sync_status.state == HOOK_IDLE && app->msg_error && !app->msg_sync))
		return;
	app_message(app, "%s", app->sync_status.message);
	app->msg_error = app->sync_status.state != HOOK_IDLE;
	app->msg_sync = true;
}

int tui_run(struct store *st, const struct config *cfg, const struct sync_hook *hook,
	    struct tthc_err *err)
{
	struct app *app = calloc(1, sizeof *app);
	struct tthc_err kmerr = { 0 };
	int rc = 0;

	if (!app)
		return tthc_fail(err, TTHC_E_NOMEM, "tui", "%s", _("out of memory"));
	app->st = st;
	app->cfg = cfg;
	app->sync = hook;
	term_set_charset(config_string(cfg, CONFIG_CHARSET));
	if (keymap_init(&app->km, config_string(cfg, CONFIG_KEYMAP), err) < 0 ||
	    !(app->dec = decider_new(st, err))) {
		keymap_free(&app->km);
		free(app);
		return -1;
	}
	keymap_apply_config(&app->km, cfg, &kmerr);
	counts(app);
	start_screen(app, cfg);
	if (!app_push(app, &view_menu, NULL)) {
		rc = tthc_fail(err, TTHC_E_NOMEM, "tui", "%s", _("out of memory"));
		app->quit = true;
	}
	config_errors(app, cfg, &kmerr);
	while (!app->quit) {
		int key;

		sync_poll(app);
		app_draw(app);
		key = app->kq_pos < app->kq_n ? app_read_key(app, 0) : key_or_sync(app);
		if (key == KEY_RESIZE_CODE)
			clearok(curscr, TRUE);
		else if (key >= 0 && (LINES < 10 || COLS < 40))
			app->quit = key == 'Q';
		else if (key == KEY_ESC_CODE && app->sync_status.state == HOOK_RUNNING)
			app->sync->cancel(app->sync->ctx);
		else if (key >= 0)
			dispatch(app, key);
	}
	while (app->depth > 0)
		pop(app);
	endwin();
	decider_free(app->dec);
	keymap_free(&app->km);
	free(app);
	return rc;
}
