/* Settings: what tthcrc set, read-only (the file is the one place to
 * change them, tthcrc(5)): each setting's value, where it was set, and its
 * description, from core/config's table. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "config/settings.h"
#include "views/rows.h"

struct settings {
	size_t cur, top, page;
};

static void *settings_open(struct app *app, const void *arg)
{
	(void)app, (void)arg;
	return calloc(1, sizeof(struct settings));
}

static const char *settings_title(void *self)
{
	(void)self;
	return _("Settings");
}

static void settings_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct settings *s = self;
	const char *file = config_file(app->cfg);
	char head[512];

	snprintf(head, sizeof head, _("Read from %s; change them there (man tthcrc)."),
		 file ? file : _("no file"));
	wattron(stdscr, A_BOLD);
	app_put(stdscr, y0, 0, head, w, true);
	wattroff(stdscr, A_BOLD);
	s->page = h > 1 ? (size_t)(h - 1) / 2 : 1;
	rows_scroll(s->cur, &s->top, s->page);
	for (size_t i = s->top; i < CONFIG_COUNT && (int)(2 * (i - s->top)) < h - 2; i++) {
		const char *value = config_string(app->cfg, (enum config_id)i);
		const char *origin = config_origin(app->cfg, (enum config_id)i);
		int y = y0 + 1 + 2 * (int)(i - s->top);
		char line[512];

		snprintf(line, sizeof line, "%-16s %s%s%s%s", config_settings[i].name,
			 *value ? value : _("(not set)"), origin ? "  (" : "", origin ? origin : "",
			 origin ? ")" : "");
		if (i == s->cur)
			wattron(stdscr, app_attr_cursor(app));
		app_put(stdscr, y, 1, line, w - 2, true);
		wattroff(stdscr, app_attr_cursor(app));
		app_put(stdscr, y + 1, 4, _(config_settings[i].help), w - 5, true);
	}
}

static enum view_result settings_handle(struct app *app, void *self, enum action a)
{
	struct settings *s = self;

	(void)app;
	if (rows_move(a, CONFIG_COUNT, &s->cur, &s->top, s->page))
		return VIEW_STAY;
	return a == ACT_BACK ? VIEW_CLOSE : VIEW_STAY;
}

static void settings_close(void *self)
{
	free(self);
}

static const enum action settings_keys[] = {
	ACT_HELP, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_BACK, ACT_QUIT, ACT_NONE,
};

const struct view_ops view_settings = {
	VIEW_MENU, settings_open, settings_title, settings_draw, settings_handle, NULL, NULL,
	settings_keys, settings_close,
};
