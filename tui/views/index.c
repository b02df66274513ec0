/* The cases of one procedure (issue 7): the store's order (Vietnamese, by
 * given name), search as you type ignoring accents, filters by state and
 * organisation, tags, and deadlines near or past marked. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "util/date.h"
#include "logic/listmodel.h"
#include "proc/proc.h"
#include "store/query.h"
#include "views/bulk.h"

struct index {
	int proc;
	struct listmodel lm;
	char title[128];
	size_t page;
};

static void *index_open(struct app *app, const void *arg)
{
	struct index *ix = calloc(1, sizeof *ix);
	struct tthc_err err = { 0 };

	if (!ix)
		return NULL;
	ix->proc = *(const int *)arg;
	snprintf(ix->title, sizeof ix->title, "%s", _(vocab_procedures.labels[ix->proc]));
	if (listmodel_init(&ix->lm, app->st, ix->proc, &err) < 0) {
		app_error(app, &err);
		free(ix);
		return NULL;
	}
	return ix;
}

/* After the store changed: read again, keeping the search and the filters
 * (the tags went with the action they were for). */
static void index_refresh(struct app *app, void *self)
{
	struct index *ix = self;
	struct tthc_err err = { 0 };

	if (listmodel_reload(&ix->lm, &err) < 0)
		app_error(app, &err);
	listmodel_move(&ix->lm, 0, ix->page);
}

static const char *index_title(void *self)
{
	return ((struct index *)self)->title;
}

static const char *state_label(int proc, const char *state)
{
	const struct proc_machine *m = proc_machine((enum procedure)proc);
	int s = m ? proc_state_find(m, state) : -1;

	return s >= 0 ? _(m->states[s].label) : state;
}

/* "dd/mm/yyyy", with "!" within a day and "late" past it. */
static int deadline_text(const struct store_case_row *c, char *out, size_t size)
{
	int64_t now = (int64_t)time(NULL), due = c->deadline;
	char day[17];

	if (!c->has_deadline) {
		out[0] = '\0';
		return 0;
	}
	instant_format_vn(due, day);    /* Vietnam's date, whatever TZ says */
	day[10] = '\0';
	if (due < now) {
		snprintf(out, size, "%s %s", day, _("late"));
		return 2;
	}
	snprintf(out, size, "%s%s", day, due - now < 86400 ? " !" : "");
	return due - now < 86400;
}

static void index_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct index *ix = self;
	struct listmodel *lm = &ix->lm;
	char head[512];
	int name_w = w - 2 - 26 - 18 - 2;

	snprintf(head, sizeof head, _("%zu of %zu shown, %zu tagged"), lm->n_visible, lm->n,
		 lm->n_tagged);
	if (lm->state)
		snprintf(head + strlen(head), sizeof head - strlen(head), _(", state: %s"),
			 state_label(ix->proc, lm->state));
	if (lm->org)
		snprintf(head + strlen(head), sizeof head - strlen(head), _(", organisation: %s"),
			 lm->org);
	if (lm->search[0])
		snprintf(head + strlen(head), sizeof head - strlen(head), _(", search: %s"),
			 lm->search);
	if (lm->prefix)
		snprintf(head + strlen(head), sizeof head - strlen(head), "%s",
			 _("  [next action on the tagged cases]"));
	wattron(stdscr, A_BOLD);
	app_put(stdscr, y0, 0, head, w, true);
	wattroff(stdscr, A_BOLD);
	ix->page = h > 1 ? (size_t)(h - 1) : 1;
	if (lm->n_visible == 0) {
		app_put(stdscr, y0 + 1, 2, _("No case here."), w - 2, true);
		return;
	}
	listmodel_move(lm, 0, ix->page);
	for (size_t v = lm->top; v < lm->n_visible && (int)(v - lm->top) < h - 1; v++) {
		struct tthc_err err = { 0 };
		const struct store_case_row *c = listmodel_row(lm, v, &err);
		int y = y0 + 1 + (int)(v - lm->top), warn, used;
		char dl[48];

		if (!c) {
			if (err.code != TTHC_E_OK)
				app_error(app, &err);
			break;
		}
		app_put(stdscr, y, 0, listmodel_tagged(lm, c->id) ? "*" : " ", 1, false);
		app_put(stdscr, y, 1, c->attention ? "!" : c->pending ? "~" : " ", 1, false);
		/* The cursor is the name in reverse, not a bar across the row: a
		 * move then rewrites two names, not two whole lines (DESIGN.md
		 * section 6, bytes over a slow SSH link). */
		if (v == lm->cur)
			wattron(stdscr, app_attr_cursor(app));
		used = app_put(stdscr, y, 2, c->member_name ? c->member_name : c->member, name_w,
			       false);
		wattroff(stdscr, app_attr_cursor(app));
		app_put(stdscr, y, 2 + used, "", name_w - used, true);
		app_put(stdscr, y, 2 + name_w + 1, state_label(ix->proc, c->state), 26, true);
		warn = deadline_text(c, dl, sizeof dl);
		if (warn)
			wattron(stdscr, app_attr_warn(app));
		app_put(stdscr, y, 2 + name_w + 28, dl, w - (2 + name_w + 28), true);
		wattroff(stdscr, app_attr_warn(app));
	}
}

static void on_search(struct app *app, void *ctx, const char *text)
{
	struct index *ix = ctx;
	struct tthc_err err = { 0 };

	if (listmodel_search(&ix->lm, text, &err) < 0)
		app_error(app, &err);
}

static void search(struct app *app, struct index *ix)
{
	char *old = strdup(ix->lm.search), *text;
	struct tthc_err err = { 0 };

	text = app_prompt(app, _("Search: "), ix->lm.search, on_search, ix);
	if (listmodel_search(&ix->lm, text ? text : old ? old : "", &err) < 0)
		app_error(app, &err);
	free(text);
	free(old);
}

/* The names of the first cases of set, which the confirmation (and the
 * case view, for one) shows; the rest stay unread.  named[] keeps the rows
 * the names are in. */
static void name_first(struct app *app, int proc, const struct store_strings *set,
		       struct store_case_list named[BULK_SHOWN], const char **names)
{
	for (size_t i = 0; i < set->n && i < BULK_SHOWN; i++) {
		struct store_case_query q = { .procedure = proc, .id = set->v[i] };
		struct tthc_err err = { 0 };

		if (store_cases(app->st, &q, &named[i], &err) < 0)
			app_error(app, &err);
		else if (named[i].n)
			names[i] = named[i].rows[0].member_name;
	}
}

/* The set the action applies to: tagged after the prefix, else current. */
static void act_on_set(struct app *app, struct index *ix, enum action a)
{
	struct store_strings set;
	struct store_case_list named[BULK_SHOWN] = { 0 };
	struct tthc_err err = { 0 };
	const char **names;

	if (listmodel_targets(&ix->lm, &set, &err) < 0) {
		app_error(app, &err);
		return;
	}
	names = calloc(set.n ? set.n : 1, sizeof *names);
	if (names) {
		name_first(app, ix->proc, &set, named, names);
		if (a == ACT_APPROVE) {
			bulk_act(app, (const char *const *)set.v, names, set.n, NULL, NULL, NULL,
				 NULL);
		} else if (set.n == 0) {
			app_message(app, "%s", _("No case to act on: tag some, or move to one."));
		} else {
			struct case_set arg = { (const char *const *)set.v, names, set.n };

			app_push(app, &view_case, &arg);
		}
	}
	free(names);
	for (size_t i = 0; i < BULK_SHOWN; i++)
		store_case_list_free(&named[i]);
	store_strings_free(&set);
}

static enum view_result index_handle(struct app *app, void *self, enum action a)
{
	struct index *ix = self;
	struct listmodel *lm = &ix->lm;
	struct tthc_err err = { 0 };
	size_t before = lm->n_tagged;

	switch (a) {
	case ACT_BACK:
		return VIEW_CLOSE;
	case ACT_SEARCH:
		search(app, ix);
		break;
	case ACT_SELECT:
	case ACT_APPROVE:
	case ACT_ACT:
		act_on_set(app, ix, a);
		break;
	case ACT_TAG_PREFIX:
		listmodel_act(lm, a, ix->page, &err);
		if (!lm->prefix)
			app_message(app, "%s", _("No case is tagged."));
		break;
	default:
		if (listmodel_act(lm, a, ix->page, &err) < 0)
			app_error(app, &err);
		else if (a == ACT_TAG_MATCHING)
			app_message(app, _("Tagged %zu more; %zu tagged."), lm->n_tagged - before,
				    lm->n_tagged);
		break;
	}
	return VIEW_STAY;
}

static void index_close(void *self)
{
	listmodel_free(&((struct index *)self)->lm);
	free(self);
}

static const enum action index_keys[] = {
	ACT_HELP, ACT_SEARCH, ACT_TAG, ACT_TAG_MATCHING, ACT_TAG_PREFIX, ACT_APPROVE,
	ACT_BACK, ACT_FILTER_STATE, ACT_FILTER_ORG, ACT_CLEAR, ACT_UNDO, ACT_ACT, ACT_NONE,
};

const struct view_ops view_index = {
	VIEW_INDEX, index_open, index_title, index_draw, index_handle, NULL, index_refresh,
	index_keys, index_close,
};
