/* A case of one of the four procedures.  Its state and the relations of
 * its organisations are core/proc's names: here they are only checked to
 * be short identifiers, so that the rules can grow without a model change. */
#ifndef TTHC_MODEL_CASE_H
#define TTHC_MODEL_CASE_H

#include "model/model.h"

/* An organisation in the role it plays for this case ("sending",
 * "receiving", "residence-branch"...; names from core/proc). */
struct model_case_org {
	char *relation;
	char *org;
};

/* A running clock, e.g. the 8-working-hour notice (QĐ 338). */
struct model_deadline {
	char *name;
	int64_t due;            /* instant */
};

struct model_case {
	char *id;
	int procedure;          /* enum procedure */
	char *state;
	int64_t version;        /* 1 when created, +1 per applied action */
	char *member;
	struct model_case_org *orgs;
	size_t n_orgs;
	cJSON *fields;          /* the dossier's fields, checked by core/proc */
	int64_t created_at, updated_at;
	struct model_deadline *deadlines;
	size_t n_deadlines;
};

MODEL_DECLARE(model_case, struct model_case)

#endif
