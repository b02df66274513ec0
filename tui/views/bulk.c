/* Acting on a set of cases: see bulk.h. */
#include "views/bulk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "logic/keys.h"

/* Cases decided and queued in one transaction of a long bulk action: a
 * few tenths of a second, so that the count moves and Esc is heard. */
#define CHUNK 500

struct run {
	struct app *app;
	int64_t started;
	bool stopped;
};

/* Between chunks: after half a second, the count on the message line
 * (issue 7, "a progress bar for work longer than about half a second,
 * cancellable"); Esc stops what is left. */
static bool on_progress(void *ctx, size_t done, size_t n)
{
	struct run *r = ctx;

	if (app_now_ms() - r->started < 500)
		return true;
	app_message(r->app, _("Queuing: %zu of %zu cases (Esc stops)"), done, n);
	app_draw(r->app);
	if (app_read_key(r->app, 0) == KEY_ESC_CODE) {
		r->stopped = true;
		return false;
	}
	return true;
}

bool bulk_act(struct app *app, const char *const *ids, const char *const *names, size_t n,
	      const char *action, const char *label, const cJSON *payload,
	      const char *on_behalf_of)
{
	char question[256], lines[BULK_SHOWN + 1][160];
	const char *details[BULK_SHOWN + 1];
	struct decide_result res;
	struct tthc_err err = { 0 };
	struct run run = { app, app_now_ms(), false };
	int k = 0, rc;

	if (n == 0) {
		app_message(app, "%s", _("No case to act on: tag some, or move to one."));
		return false;
	}
	for (size_t i = 0; i < n && i < BULK_SHOWN; i++) {
		snprintf(lines[k], sizeof lines[k], "%s  %s", ids[i], names[i] ? names[i] : "");
		details[k] = lines[k];
		k++;
	}
	if (n > BULK_SHOWN) {
		snprintf(lines[k], sizeof lines[k], _("... and %zu more"), n - BULK_SHOWN);
		details[k] = lines[k];
		k++;
	}
	if (action)
		snprintf(question, sizeof question, _("%s: %zu cases? y/N"), label, n);
	else
		snprintf(question, sizeof question, _("Approve %zu cases? y/N"), n);
	if (!app_confirm(app, question, details, k)) {
		app_message(app, "%s", _("Nothing done."));
		return false;
	}
	decider_set_progress(app->dec, CHUNK, on_progress, &run);
	rc = decider_queue(app->dec, ids, n, action, payload, on_behalf_of, &res, &err);
	decider_set_progress(app->dec, 0, NULL, NULL);
	if (rc < 0)
		app_error(app, &err);
	else if (run.stopped)
		app_message(app, _("Stopped: queued %zu of %zu cases. u takes them back."),
			    res.queued, n);
	else if (res.refused)
		app_message(app, _("Queued %zu; %zu not allowed now (%s: %s). u takes the batch back."),
			    res.queued, res.refused, res.first_refused, res.reason);
	else
		app_message(app, _("Queued %zu actions. u takes them back while they wait."),
			    res.queued);
	if (rc == 0 || res.queued > 0)
		app_changed(app);
	return res.queued > 0;
}

struct case_set *case_set_copy(const struct case_set *s)
{
	struct case_set *c = calloc(1, sizeof *c);
	char **ids = calloc(s->n + 1, sizeof *ids), **names = calloc(s->n + 1, sizeof *names);
	bool ok = c && ids && names;

	for (size_t i = 0; ok && i < s->n; i++) {
		ids[i] = strdup(s->ids[i]);
		names[i] = s->names[i] ? strdup(s->names[i]) : NULL;
		ok = ids[i] && (names[i] || !s->names[i]);
	}
	if (c) {
		c->ids = (const char *const *)ids;
		c->names = (const char *const *)names;
		c->n = s->n;
	}
	if (!ok) {
		if (c)
			case_set_free(c);
		else {
			free(ids);
			free(names);
		}
		return NULL;
	}
	return c;
}

void case_set_free(struct case_set *s)
{
	for (size_t i = 0; s->ids && i < s->n; i++) {
		free((char *)s->ids[i]);
		free((char *)s->names[i]);
	}
	free((void *)s->ids);
	free((void *)s->names);
	free(s);
}
