/* The decision on a cached case, as the server will make it (core/proc),
 * and the queuing of what it allows (core/store): the TUI's one way to
 * act.  The actor is the session's roles as the store keeps them; ids are
 * the wire's strings, which core/proc sees as small numbers interned here,
 * and the organisation tree is the cached organisations' parents.
 *
 * No screen and no SQL here: only core/ calls.  `tthc act`, when it comes,
 * needs the same bridge; this file is meant to move to core/ then. */
#ifndef TTHC_TUI_DECIDE_H
#define TTHC_TUI_DECIDE_H

#include <cjson/cJSON.h>

#include "proc/proc.h"
#include "store/outbox.h"
#include "store/query.h"

struct decider;

struct decider *decider_new(struct store *st, struct tthc_err *err);
void decider_free(struct decider *d);

/* ROLE_BIT()s of the roles the session holds anywhere: for menus. */
unsigned decider_roles(const struct decider *d);

/* How many actions on the case wait in the outbox.  Every decision here is
 * made after them: on the state the last leads to, against the version
 * they will have made, as the server will see it once they are pushed. */
size_t decider_queued(struct decider *d, const char *case_id);

/* The actions the user may take on the case now (proc_actions_open). */
size_t decider_open(struct decider *d, const char *case_id, const struct proc_action **out,
		    size_t max, struct tthc_err *err);

/* True when the action has a required field: it needs a form. */
bool decider_needs_form(const struct proc_action *a);

/* What `approve` means for a case: the first open action that needs no form
 * (no required field), if any. */
const struct proc_action *decider_approve_action(struct decider *d, const char *case_id,
						 struct tthc_err *err);

struct decide_result {
	size_t queued;
	size_t refused;                 /* not allowed now: left alone */
	char first_refused[64];         /* the first refused case's id */
	char reason[256];               /* and its first reason, translated */
	char batch[JSON_UUID_SIZE];
};

/* Decide action (NULL: each case's approve action) with payload (NULL: {})
 * on each case and queue every allowed one in ONE batch, so `u` takes them
 * back together.  Refused cases are counted, not queued.  -1 only when the
 * store fails (the chunks before stay queued, res->queued says how many;
 * without chunks nothing is queued then). */
int decider_queue(struct decider *d, const char *const *case_ids, size_t n,
		  const char *action, const cJSON *payload, const char *on_behalf_of,
		  struct decide_result *res, struct tthc_err *err);

/* Long runs (issue 7: a bar for work over half a second, which can be
 * cancelled): decider_queue then decides and queues chunk cases at a time,
 * each chunk one transaction of the same batch, and calls fn(ctx, done,
 * n) between chunks; fn returning false stops it there, what was queued
 * staying queued.  chunk 0: all at once, no calls. */
void decider_set_progress(struct decider *d, size_t chunk,
			  bool (*fn)(void *ctx, size_t done, size_t n), void *ctx);

/* Check one action on one case with the payload without queuing it: the
 * verdict's reasons are the form's messages. */
int decider_check(struct decider *d, const char *case_id, const char *action,
		  const cJSON *payload, const char *on_behalf_of, struct proc_verdict *v,
		  struct tthc_err *err);

#endif
