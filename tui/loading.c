/* The online screens' waiter (loading.h): a small key loop of its own
 * under core/sync's sync_request, which polls the network and stdin at
 * once as the main loop's sync hook does. */
#include "loading.h"

#include <string.h>
#include <unistd.h>

#include "logic/keys.h"
#include "util/i18n.h"

/* As the sync's progress bar (sync_hook.h): a quick answer shows nothing. */
#define SHOW_AFTER_MS 500

static void say(struct loading *l, const char *msg)
{
	app_message(l->app, "%s", msg);
	l->shown = true;
	app_draw(l->app);
}

static bool tick(void *ctx)
{
	struct loading *l = ctx;
	int key;

	/* A macro's keys wait for the screen it meant them for. */
	while (l->app->kq_pos >= l->app->kq_n && (key = app_read_key(l->app, 0)) != -1) {
		if (key == KEY_ESC_CODE)
			return false;
		say(l, key == KEY_RESIZE_CODE ? _("loading… (Esc cancels)")
					      : _("Still loading: wait, or Esc cancels."));
	}
	if (!l->shown && app_now_ms() - l->started_ms >= SHOW_AFTER_MS)
		say(l, _("loading… (Esc cancels)"));
	return true;
}

void loading_begin(struct loading *l, struct app *app, struct sync_client *c)
{
	*l = (struct loading){ app, c, app_now_ms(), false };
	sync_client_set_waiter(c, &(struct sync_waiter){ STDIN_FILENO, tick, l });
}

void loading_end(struct loading *l)
{
	sync_client_set_waiter(l->c, NULL);
	if (l->shown && (!strcmp(l->app->msg, _("loading… (Esc cancels)")) ||
			 !strcmp(l->app->msg, _("Still loading: wait, or Esc cancels."))))
		app_message(l->app, "%s", "");
}
