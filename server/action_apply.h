/* One action of a batch, inside the batch's write transaction (actions.h):
 * internal to actions.c and action_apply.c. */
#ifndef TTHCD_ACTION_APPLY_H
#define TTHCD_ACTION_APPLY_H

#include "model/action.h"
#include "orgtree.h"
#include "proc/proc.h"
#include "srv.h"

struct batch {
	struct srv *srv;
	struct db_tx *tx;
	const struct actor *who;
	int64_t now;
	struct orgtree tree;            /* loaded once per batch */
	struct proc_grant *grants;
	struct proc_actor actor;        /* the caller as core/proc sees him */
};

/* Decide and, when allowed, apply a; r gets its result.  -1 only for a
 * failure that must abort the whole batch. */
int action_apply(struct batch *b, const struct model_action *a,
		 struct model_action_result *r, struct tthc_err *e);

#endif
