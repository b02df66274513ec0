/* Acting on a set of cases: the confirmation with the count and the first
 * few cases, then one batch into the outbox (issue 7, "Bulk approval").
 * The index, the case view and the form all come here. */
#ifndef TTHC_TUI_BULK_H
#define TTHC_TUI_BULK_H

#include "app.h"

/* The cases an action is for: the case view and the form take one. */
struct case_set {
	const char *const *ids;
	const char *const *names;
	size_t n;
};

/* What the form is opened with. */
struct form_arg {
	const struct case_set *set;
	const struct proc_action *pa;
	const char *member;             /* the first case's member: "on behalf of" */
};

/* A copy (strings too) that the view owns; NULL when out of memory. */
struct case_set *case_set_copy(const struct case_set *s);
void case_set_free(struct case_set *s);

/* The confirmation names the first few cases. */
#define BULK_SHOWN 5

/* ids[n] and their names (names[i] may be NULL) for the confirmation.
 * action NULL: approve (each case's step without a form).  True when
 * something was queued. */
bool bulk_act(struct app *app, const char *const *ids, const char *const *names, size_t n,
	      const char *action, const char *label, const cJSON *payload,
	      const char *on_behalf_of);

#endif
