/* An organisation of the party tree (DESIGN.md sections 4 and 8). */
#ifndef TTHC_MODEL_ORG_H
#define TTHC_MODEL_ORG_H

#include "model/model.h"

struct model_org {
	char *id;
	char *parent;           /* NULL exactly for the province */
	int type;               /* enum org_type */
	char *name;
	/* Base committees only: xã/phường (true) or agency/enterprise
	 * (false); the fee retention shares differ (DESIGN.md section 8). */
	bool commune;
	bool has_commune;
};

MODEL_DECLARE(model_org, struct model_org)

#endif
