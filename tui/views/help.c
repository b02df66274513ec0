/* Help (? and F1): every action of the table with its keys in the view it
 * was opened from, and its description -- generated, never written by
 * hand, so it cannot miss an action or show a stale key -- then the user's
 * macros there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "logic/keys.h"
#include "views/rows.h"

struct help {
	enum view_id from;
	size_t rows, cur, top, page;    /* rows: the actions, then the macros */
};

static void *help_open(struct app *app, const void *arg)
{
	struct help *h = calloc(1, sizeof *h);

	(void)app;
	if (h)
		h->from = ((const struct view_ops *)arg)->id;
	return h;
}

static const char *help_title(void *self)
{
	(void)self;
	return _("Help");
}

/* The user's macros in the view, after the actions: key, keys, description. */
static size_t macros(const struct app *app, enum view_id v, const struct binding **out,
		     size_t max)
{
	enum view_id order[2] = { v, VIEW_GENERIC };
	size_t n = 0;

	for (int o = 0; o < (v == VIEW_GENERIC ? 1 : 2); o++)
		for (size_t i = 0; i < app->km.n[order[o]]; i++) {
			const struct binding *b = &app->km.b[order[o]][i];

			if (b->n_macro && keymap_lookup(&app->km, v, b->key) == b && n < max)
				out[n++] = b;
		}
	return n;
}

static void macro_line(const struct binding *b, int y, int w, bool cur, const struct app *app)
{
	char key[24], keys[256] = "", one[24];

	key_notation(b->key, key, sizeof key);
	for (size_t k = 0; k < b->n_macro; k++) {
		key_notation(b->macro[k], one, sizeof one);
		snprintf(keys + strlen(keys), sizeof keys - strlen(keys), "%s", one);
	}
	if (cur)
		wattron(stdscr, app_attr_cursor(app));
	app_put(stdscr, y, 1, key, 16, true);
	app_put(stdscr, y, 18, keys, 14, true);
	app_put(stdscr, y, 33, b->description ? b->description : _("(macro)"), w - 34, true);
	wattroff(stdscr, app_attr_cursor(app));
}

#define MAX_MACROS 64

static void help_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct help *hp = self;
	const struct binding *mac[MAX_MACROS];
	size_t n_mac = macros(app, hp->from, mac, MAX_MACROS);

	hp->rows = ACT_COUNT + n_mac;
	hp->page = h > 0 ? (size_t)h : 1;
	rows_scroll(hp->cur, &hp->top, hp->page);
	for (size_t m = hp->top > ACT_COUNT ? hp->top - ACT_COUNT : 0; m < n_mac; m++) {
		size_t row = ACT_COUNT + m;

		if (row >= hp->top && (int)(row - hp->top) < h)
			macro_line(mac[m], y0 + (int)(row - hp->top), w, row == hp->cur, app);
	}
	for (size_t a = hp->top; a < ACT_COUNT && (int)(a - hp->top) < h; a++) {
		int keys[4], y = y0 + (int)(a - hp->top);
		size_t n = keymap_keys_for(&app->km, hp->from, (enum action)a, keys, 4);
		char line[96] = "", one[24];

		for (size_t k = 0; k < n && k < 4; k++) {
			key_notation(keys[k], one, sizeof one);
			snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", k ? " " : "",
				 one);
		}
		if (a == hp->cur)
			wattron(stdscr, app_attr_cursor(app));
		app_put(stdscr, y, 1, line, 16, true);
		app_put(stdscr, y, 18, action_name((enum action)a), 14, true);
		app_put(stdscr, y, 33, _(action_help((enum action)a)), w - 34, true);
		wattroff(stdscr, app_attr_cursor(app));
	}
}

static enum view_result help_handle(struct app *app, void *self, enum action a)
{
	struct help *hp = self;

	(void)app;
	if (rows_move(a, hp->rows ? hp->rows : ACT_COUNT, &hp->cur, &hp->top, hp->page))
		return VIEW_STAY;
	return a == ACT_BACK || a == ACT_HELP ? VIEW_CLOSE : VIEW_STAY;
}

static void help_close(void *self)
{
	free(self);
}

static const enum action help_keys[] = {
	ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_BACK, ACT_QUIT, ACT_NONE,
};

const struct view_ops view_help = {
	VIEW_HELP, help_open, help_title, help_draw, help_handle, NULL, NULL, help_keys,
	help_close,
};
