/* Reports (issue 7): the case report and the fee report of this month,
 * quarter, half or year in Vietnam, for the caller's top organisation,
 * shown as a small table.  Online only: reports are the server's SQL over
 * every case, not the store's share of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "loading.h"
#include "online.h"
#include "text/term.h"
#include "util/date.h"
#include "views/orgs.h"
#include "views/rows.h"

enum span { CASES, MONTH, QUARTER, HALF, YEAR, N_CHOICES };

static const char *const choice_label[N_CHOICES] = {
	N_("Cases by procedure and state"), N_("Fees: this month"), N_("Fees: this quarter"),
	N_("Fees: this half-year"), N_("Fees: this year"),
};

struct reports {
	char *org;
	struct sync_table t;
	bool showing;           /* a table, rather than the choices */
	char title[160];
	size_t cur, top, page, row;
};

static void *reports_open(struct app *app, const void *arg)
{
	struct reports *v = calloc(1, sizeof *v);
	struct tthc_err err = { 0 };

	(void)arg;
	if (!v)
		return NULL;
	if (!(v->org = orgs_top(app->st, &err))) {
		app_error(app, &err);
		free(v);
		return NULL;
	}
	return v;
}

static const char *reports_title(void *self)
{
	struct reports *v = self;

	return v->showing ? v->title : _("Reports");
}

/* The period of span that holds today in Vietnam (API.md: 2026, 2026-H2,
 * 2026-Q4, 2026-09). */
static void period_of(enum span s, char out[16])
{
	char vn[17];
	unsigned year, month;

	instant_format_vn((int64_t)time(NULL), vn);         /* "25/11/2026 22:32" */
	month = (unsigned)atoi(vn + 3) % 100;
	year = (unsigned)atoi(vn + 6) % 10000;
	if (s == MONTH)
		snprintf(out, 16, "%04u-%02u", year, month);
	else if (s == QUARTER)
		snprintf(out, 16, "%04u-Q%u", year, (month + 2) / 3);
	else if (s == HALF)
		snprintf(out, 16, "%04u-H%d", year, month > 6 ? 2 : 1);
	else
		snprintf(out, 16, "%04u", year);
}

static void show(struct app *app, struct reports *v, enum span s)
{
	char period[16], msg[512];
	struct sync_client *c;
	struct loading ld;
	struct tthc_err err = { 0 };
	int rc = -1;

	if (s != CASES)
		period_of(s, period);
	if ((c = online_open(app->cfg, &err))) {
		loading_begin(&ld, app, c);
		rc = sync_report_fetch(c, v->org, s == CASES ? NULL : period, &v->t, &err);
		loading_end(&ld);
		online_close(c);
	}
	if (rc < 0) {
		online_message(msg, sizeof msg, _("The report"), &err);
		app_message(app, "%s", msg);
		app->msg_error = true;
		return;
	}
	if (s == CASES)
		snprintf(v->title, sizeof v->title, _("Cases of %s"), v->org);
	else
		snprintf(v->title, sizeof v->title, _("Fees of %s, %s"), v->org, period);
	v->showing = true;
	v->row = v->top = 0;
}

static int cols_of(const char *s)
{
	return (int)term_width(s, strlen(s));
}

/* Columns as wide as their widest cell or heading, cut to the screen. */
static void draw_table(struct reports *v, int y0, int h, int w)
{
	const struct sync_table *t = &v->t;
	int width[16] = { 0 }, x = 1;
	size_t cols = t->cols < 16 ? t->cols : 16;

	for (size_t c = 0; c < cols; c++) {
		width[c] = cols_of(_(t->head[c]));
		for (size_t r = 0; r < t->rows; r++)
			if (cols_of(t->cell[r * t->cols + c]) > width[c])
				width[c] = cols_of(t->cell[r * t->cols + c]);
	}
	wattron(stdscr, A_BOLD);
	for (size_t c = 0; c < cols && x < w; x += width[c++] + 2)
		app_put(stdscr, y0, x, _(t->head[c]), w - x, false);
	wattroff(stdscr, A_BOLD);
	if (t->rows == 0)
		app_put(stdscr, y0 + 1, 1, _("Nothing to report."), w - 2, true);
	v->page = h > 1 ? (size_t)h - 1 : 1;
	rows_scroll(v->row, &v->top, v->page);
	for (size_t r = v->top; r < t->rows && (int)(r - v->top) < h - 1; r++) {
		x = 1;
		for (size_t c = 0; c < cols && x < w; x += width[c++] + 2)
			app_put(stdscr, y0 + 1 + (int)(r - v->top), x, t->cell[r * t->cols + c],
				w - x, false);
	}
}

static void reports_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct reports *v = self;

	if (v->showing) {
		draw_table(v, y0, h, w);
		return;
	}
	v->page = (size_t)h;
	for (size_t i = 0; i < N_CHOICES && (int)i < h; i++) {
		if (i == v->cur)
			wattron(stdscr, app_attr_cursor(app));
		app_put(stdscr, y0 + (int)i, 2, _(choice_label[i]), w - 4, true);
		wattroff(stdscr, app_attr_cursor(app));
	}
}

static enum view_result reports_handle(struct app *app, void *self, enum action a)
{
	struct reports *v = self;

	if (v->showing) {
		if (a == ACT_BACK) {
			sync_table_free(&v->t);
			v->showing = false;
		} else {
			rows_move(a, v->t.rows, &v->row, &v->top, v->page);
		}
		return VIEW_STAY;
	}
	if (rows_move(a, N_CHOICES, &v->cur, &v->top, v->page))
		return VIEW_STAY;
	if (a == ACT_SELECT)
		show(app, v, (enum span)v->cur);
	return a == ACT_BACK ? VIEW_CLOSE : VIEW_STAY;
}

static void reports_close(void *self)
{
	struct reports *v = self;

	sync_table_free(&v->t);
	free(v->org);
	free(v);
}

static const enum action reports_keys[] = {
	ACT_SELECT, ACT_HELP, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_BACK, ACT_QUIT, ACT_NONE,
};

const struct view_ops view_reports = {
	VIEW_MENU, reports_open, reports_title, reports_draw, reports_handle, NULL, NULL,
	reports_keys, reports_close,
};
