/* Acting on a set of cases: see bulk.h. */
#include "views/bulk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


bool bulk_act(struct app *app, const char *const *ids, const char *const *names, size_t n,
	      const char *action, const char *label, const cJSON *payload,
	      const char *on_behalf_of)
{
	char question[256], lines[BULK_SHOWN + 1][160];
	const char *details[BULK_SHOWN + 1];
	struct decide_result res;
	struct tthc_err err = { 0 };
	int k = 0;

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
	if (decider_queue(app->dec, ids, n, action, payload, on_behalf_of, &res, &err) < 0) {
		app_error(app, &err);
		return false;
	}
	if (res.refused)
		app_message(app, _("Queued %zu; %zu not allowed now (%s: %s). u takes the batch back."),
			    res.queued, res.refused, res.first_refused, res.reason);
	else
		app_message(app, _("Queued %zu actions. u takes them back while they wait."),
			    res.queued);
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
