/* What an allowed action changes, inside the batch's transaction: the
 * case's state, its dossier fields and clocks, the fee payment, the case
 * row with its change, and the audit entry (internal to the actions). */
#ifndef TTHCD_ACTION_EFFECTS_H
#define TTHCD_ACTION_EFFECTS_H

#include "action_apply.h"
#include "model/case.h"

/* mc (the case as loaded) becomes the case after the action, stored with
 * its new version. */
int action_effects(struct batch *b, const struct model_action *a, const struct proc_case *pc,
		   const struct proc_verdict *v, struct model_case *mc, struct tthc_err *e);

#endif
