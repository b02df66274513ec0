/* The outbox (pending actions; u takes the last batch back) and the
 * needs-attention list (d drops, r decides again on the server's version):
 * one list of store actions, two views. */
#include <stdlib.h>

#include "app.h"
#include "util/date.h"
#include "store/outbox.h"
#include "views/rows.h"

struct queue {
	bool attention;
	struct store_action_list out;
	struct store_attention_list att;
	size_t cur, top, page;
};

static size_t count(const struct queue *q)
{
	return q->attention ? q->att.n : q->out.n;
}

static const struct store_action *item(const struct queue *q, size_t i)
{
	return q->attention ? &q->att.items[i].action : &q->out.items[i];
}

static void load(struct app *app, struct queue *q)
{
	struct tthc_err err = { 0 };
	int rc;

	store_action_list_free(&q->out);
	store_attention_list_free(&q->att);
	rc = q->attention ? store_attention_list(app->st, &q->att, &err)
			  : store_outbox_list(app->st, &q->out, &err);
	if (rc < 0)
		app_error(app, &err);
	if (q->cur >= count(q))
		q->cur = count(q) ? count(q) - 1 : 0;
}

static void *open_list(struct app *app, bool attention)
{
	struct queue *q = calloc(1, sizeof *q);

	if (!q)
		return NULL;
	q->attention = attention;
	load(app, q);
	return q;
}

static void *outbox_open(struct app *app, const void *arg)
{
	(void)arg;
	return open_list(app, false);
}

static void *attention_open(struct app *app, const void *arg)
{
	(void)arg;
	return open_list(app, true);
}

static const char *queue_title(void *self)
{
	return ((struct queue *)self)->attention ? _("Needs attention") : _("Outbox");
}

static void queue_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct queue *q = self;
	char line[512], when[32];

	q->page = h > 0 ? (size_t)h : 1;
	if (count(q) == 0) {
		app_put(stdscr, y0, 2, q->attention ? _("Nothing needs attention.")
						    : _("The outbox is empty."), w - 2, true);
		return;
	}
	rows_scroll(q->cur, &q->top, q->page);
	for (size_t i = q->top; i < count(q) && (int)(i - q->top) < h; i++) {
		const struct store_action *a = item(q, i);
		char full[17];
		const char *why = "";

		/* "dd/mm HH:MM" in Vietnam's time, whatever TZ says. */
		instant_format_vn(a->queued_at, full);
		snprintf(when, sizeof when, "%.5s %s", full, full + 11);
		if (q->attention)
			why = q->att.items[i].status == RESULT_CONFLICT ? _("conflict") : _("refused");
		else if (a->held)
			why = _("held");
		snprintf(line, sizeof line, "%s  %-10s %-20s %s %s", when, a->case_id, a->kind,
			 a->new_state ? a->new_state : "", why);
		if (i == q->cur)
			wattron(stdscr, app_attr_cursor(app));
		app_put(stdscr, y0 + (int)(i - q->top), 1, line, w - 2, true);
		wattroff(stdscr, app_attr_cursor(app));
	}
}

static enum view_result queue_handle(struct app *app, void *self, enum action a)
{
	struct queue *q = self;
	struct tthc_err err = { 0 };
	int rc = 0;

	if (rows_move(a, count(q), &q->cur, &q->top, q->page))
		return VIEW_STAY;
	if (a == ACT_BACK)
		return VIEW_CLOSE;
	if (!q->attention || count(q) == 0 || (a != ACT_DROP && a != ACT_RETRY))
		return VIEW_STAY;
	if (a == ACT_DROP)
		rc = store_attention_drop(app->st, item(q, q->cur)->id, &err);
	else
		rc = store_attention_retry(app->st, item(q, q->cur)->id, NULL, &err);
	if (rc < 0)
		app_error(app, &err);
	else
		app_message(app, "%s", a == ACT_DROP ? _("Dropped.") : _("Queued again."));
	app_changed(app);
	return VIEW_STAY;
}

static void queue_refresh(struct app *app, void *self)
{
	load(app, self);
}

static void queue_close(void *self)
{
	struct queue *q = self;

	store_action_list_free(&q->out);
	store_attention_list_free(&q->att);
	free(q);
}

static const enum action outbox_keys[] = {
	ACT_HELP, ACT_UNDO, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_SYNC, ACT_BACK, ACT_NONE,
};

static const enum action attention_keys[] = {
	ACT_HELP, ACT_DROP, ACT_RETRY, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_BACK, ACT_NONE,
};

const struct view_ops view_outbox = {
	VIEW_OUTBOX, outbox_open, queue_title, queue_draw, queue_handle, NULL, queue_refresh,
	outbox_keys, queue_close,
};

const struct view_ops view_attention = {
	VIEW_ATTENTION, attention_open, queue_title, queue_draw, queue_handle, NULL,
	queue_refresh, attention_keys, queue_close,
};
