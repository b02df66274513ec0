/* A case (issue 7): its fields, deadline and the actions core/proc opens
 * to this user now.  Opened for a set of cases (the tag prefix), it shows
 * the first and applies the chosen action to all of them. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "util/date.h"
#include "model/case.h"
#include "views/bulk.h"

#define MAX_OPEN 32

struct caseview {
	struct case_set *set;
	struct model_case c;
	bool loaded;
	const struct proc_action *open[MAX_OPEN];
	size_t n_open, cur, top;
	size_t queued;          /* its actions waiting in the outbox */
	char title[128];
};

static void load(struct app *app, struct caseview *cv)
{
	struct tthc_err err = { 0 };
	char *json;

	if (cv->loaded)
		model_case_free(&cv->c);
	cv->loaded = false;
	json = store_row_json(app->st, ENTITY_CASE, cv->set->ids[0], &err);
	if (json && model_case_parse(json, strlen(json), JSON_TOLERANT, &cv->c, &err) == 0)
		cv->loaded = true;
	else
		app_error(app, &err);
	free(json);
	cv->queued = decider_queued(app->dec, cv->set->ids[0]);
	cv->n_open = decider_open(app->dec, cv->set->ids[0], cv->open, MAX_OPEN, &err);
	if (cv->n_open > MAX_OPEN)
		cv->n_open = MAX_OPEN;
	if (cv->cur >= cv->n_open)
		cv->cur = 0;
}

static void *case_open(struct app *app, const void *arg)
{
	struct caseview *cv = calloc(1, sizeof *cv);

	if (!cv || !(cv->set = case_set_copy(arg))) {
		free(cv);
		return NULL;
	}
	if (cv->set->n > 1)
		snprintf(cv->title, sizeof cv->title, _("%s and %zu more"), cv->set->ids[0],
			 cv->set->n - 1);
	else
		snprintf(cv->title, sizeof cv->title, "%s", cv->set->ids[0]);
	load(app, cv);
	return cv;
}

static const char *case_title(void *self)
{
	return ((struct caseview *)self)->title;
}

static int field(int y, const char *label, const char *value, int w)
{
	int used = app_put(stdscr, y, 2, label, 24, true);

	app_put(stdscr, y, 2 + used, value ? value : "", w - used - 2, true);
	return y + 1;
}

static void case_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct caseview *cv = self;
	const struct model_case *c = &cv->c;
	const struct proc_machine *m;
	int y = y0, s, end = y0 + h;
	char buf[256];
	const cJSON *f;

	if (!cv->loaded)
		return;
	m = proc_machine((enum procedure)c->procedure);
	s = m ? proc_state_find(m, c->state) : -1;
	y = field(y, _("Member"), cv->set->names[0] ? cv->set->names[0] : c->member, w);
	y = field(y, _("State"), s >= 0 ? _(m->states[s].label) : c->state, w);
	snprintf(buf, sizeof buf, "%lld", (long long)c->version);
	y = field(y, _("Version"), buf, w);
	for (size_t i = 0; i < c->n_orgs && y < end - 4; i++)
		y = field(y, c->orgs[i].relation, c->orgs[i].org, w);
	for (size_t i = 0; i < c->n_deadlines && y < end - 4; i++) {
		instant_format_vn(c->deadlines[i].due, buf);
		y = field(y, _("Deadline"), buf, w);
	}
	cJSON_ArrayForEach(f, c->fields) {
		char *v = cJSON_IsString(f) ? NULL : cJSON_PrintUnformatted(f);

		if (y >= end - 4) {
			free(v);
			break;
		}
		y = field(y, f->string, v ? v : f->valuestring, w);
		free(v);
	}
	wattron(stdscr, A_BOLD);
	if (cv->queued) {
		snprintf(buf, sizeof buf, _("%zu queued; the actions below follow them"),
			 cv->queued);
		y = field(y, _("Outbox"), buf, w);
	}
	app_put(stdscr, ++y, 2, cv->n_open ? _("Actions open to you now:")
					   : _("No action is open to you now."), w - 2, true);
	wattroff(stdscr, A_BOLD);
	y++;
	for (size_t i = 0; i < cv->n_open && y < end; i++, y++) {
		if (i == cv->cur)
			wattron(stdscr, app_attr_cursor(app));
		app_put(stdscr, y, 4, _(cv->open[i]->label), w - 6, true);
		wattroff(stdscr, app_attr_cursor(app));
	}
}

/* The form also asks "on behalf of" when staff may take the action for the
 * member. */
static bool needs_form(const struct app *app, const struct proc_action *a)
{
	return decider_needs_form(a) || (a->delegates & decider_roles(app->dec));
}

static enum view_result case_handle(struct app *app, void *self, enum action a)
{
	struct caseview *cv = self;
	const struct proc_action *pa;

	switch (a) {
	case ACT_MOVE_DOWN:
		if (cv->cur + 1 < cv->n_open)
			cv->cur++;
		break;
	case ACT_MOVE_UP:
		if (cv->cur > 0)
			cv->cur--;
		break;
	case ACT_BACK:
		return VIEW_CLOSE;
	case ACT_HISTORY: {
		struct history_arg h = { cv->set->ids[0], cv->loaded ? cv->c.procedure : -1 };

		app_push(app, &view_history, &h);
		break;
	}
	case ACT_APPROVE:
		bulk_act(app, cv->set->ids, cv->set->names, cv->set->n, NULL, NULL, NULL, NULL);
		break;
	case ACT_SELECT:
	case ACT_ACT:
		if (cv->n_open == 0)
			break;
		pa = cv->open[cv->cur];
		if (needs_form(app, pa)) {
			struct form_arg arg = { cv->set, pa, cv->loaded ? cv->c.member : NULL };

			app_push(app, &view_form, &arg);
		} else {
			bulk_act(app, cv->set->ids, cv->set->names, cv->set->n, pa->name,
				 _(pa->label), NULL, NULL);
		}
		break;
	default:
		break;
	}
	return VIEW_STAY;
}

static void case_refresh(struct app *app, void *self)
{
	load(app, self);
}

static void case_close(void *self)
{
	struct caseview *cv = self;

	if (cv->loaded)
		model_case_free(&cv->c);
	case_set_free(cv->set);
	free(cv);
}

static const enum action case_keys[] = {
	ACT_HELP, ACT_SELECT, ACT_APPROVE, ACT_HISTORY, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_BACK,
	ACT_UNDO, ACT_OUTBOX, ACT_NONE,
};

const struct view_ops view_case = {
	VIEW_CASE, case_open, case_title, case_draw, case_handle, NULL, case_refresh, case_keys,
	case_close,
};
