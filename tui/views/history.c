/* A case's history (issue 7): who did what on it, for whom, from which
 * state to which, read from the server's audit log when the screen opens
 * (online only: the log is the server's, nothing of it is cached). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "loading.h"
#include "online.h"
#include "proc/proc.h"
#include "util/date.h"
#include "views/rows.h"

struct history {
	struct sync_history h;
	const struct proc_machine *m;   /* the case's procedure, for labels */
	char title[128];
	size_t cur, top, page;
};

/* A state's or action's label when the procedure has it, else its wire
 * name (an entry written by another version of the rules). */
static const char *state_label(const struct proc_machine *m, const char *name)
{
	int s = m && name ? proc_state_find(m, name) : -1;

	return s >= 0 ? _(m->states[s].label) : name ? name : "";
}

static const char *action_text(const struct proc_machine *m, const char *name)
{
	for (int i = 0; m && i < m->n_actions; i++)
		if (!strcmp(m->actions[i].name, name))
			return _(m->actions[i].label);
	return name;
}

/* Say why the screen cannot open (app_push then shows it). */
static void *fail(struct app *app, const struct tthc_err *err)
{
	char msg[512];

	online_message(msg, sizeof msg, _("The history"), err);
	app_message(app, "%s", msg);
	app->msg_error = true;
	return NULL;
}

static void *history_open(struct app *app, const void *arg)
{
	const struct history_arg *a = arg;
	struct history *v;
	struct sync_client *c;
	struct loading ld;
	struct tthc_err err = { 0 };
	int rc;

	if (!(c = online_open(app->cfg, &err)))
		return fail(app, &err);
	if (!(v = calloc(1, sizeof *v))) {
		online_close(c);
		return NULL;
	}
	loading_begin(&ld, app, c);
	rc = sync_history_fetch(c, a->case_id, &v->h, &err);
	loading_end(&ld);
	online_close(c);
	if (rc < 0) {
		free(v);
		return fail(app, &err);
	}
	v->m = a->procedure >= 0 ? proc_machine((enum procedure)a->procedure) : NULL;
	snprintf(v->title, sizeof v->title, _("History of %s"), a->case_id);
	return v;
}

static const char *history_title(void *self)
{
	return ((struct history *)self)->title;
}

static void history_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct history *v = self;
	char line[512], when[17], who[160];

	/* The case's id in full: the status line may cut the title. */
	wattron(stdscr, A_BOLD);
	app_put(stdscr, y0++, 0, v->title, w, true);
	wattroff(stdscr, A_BOLD);
	h--;
	if (v->h.n == 0) {
		app_put(stdscr, y0, 1, _("Nothing has been done on this case yet."), w - 2, true);
		return;
	}
	v->page = (size_t)h;
	rows_scroll(v->cur, &v->top, v->page);
	for (size_t i = v->top; i < v->h.n && (int)(i - v->top) < h; i++) {
		const struct sync_history_entry *e = &v->h.e[i];

		/* Times as people in Vietnam read them (DESIGN.md section 8). */
		instant_format_vn(e->at, when);
		if (e->on_behalf_of)
			snprintf(who, sizeof who, _("%s for %s"), e->actor, e->on_behalf_of);
		else
			snprintf(who, sizeof who, "%s", e->actor);
		/* What happened first, who last: a long account name is what a
		 * narrow terminal cuts. */
		if (e->to)
			snprintf(line, sizeof line, "%s  %s: %s \xe2\x86\x92 %s  %s", when,
				 action_text(v->m, e->action), state_label(v->m, e->from),
				 state_label(v->m, e->to), who);
		else
			snprintf(line, sizeof line, "%s  %s  %s", when, action_text(v->m, e->action),
				 who);
		if (i == v->cur)
			wattron(stdscr, app_attr_cursor(app));
		app_put(stdscr, y0 + (int)(i - v->top), 1, line, w - 2, true);
		wattroff(stdscr, app_attr_cursor(app));
	}
}

static enum view_result history_handle(struct app *app, void *self, enum action a)
{
	struct history *v = self;

	(void)app;
	if (rows_move(a, v->h.n, &v->cur, &v->top, v->page))
		return VIEW_STAY;
	return a == ACT_BACK ? VIEW_CLOSE : VIEW_STAY;
}

static void history_close(void *self)
{
	struct history *v = self;

	sync_history_free(&v->h);
	free(v);
}

static const enum action history_keys[] = {
	ACT_HELP, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_BACK, ACT_QUIT, ACT_NONE,
};

const struct view_ops view_history = {
	VIEW_CASE, history_open, history_title, history_draw, history_handle, NULL, NULL,
	history_keys, history_close,
};
