/* The money records: a branch's fee period, a member's payment, and the
 * bank account an organisation is paid into (DESIGN.md section 7, party
 * fees).  Amounts are integer đồng. */
#ifndef TTHC_MODEL_FINANCE_H
#define TTHC_MODEL_FINANCE_H

#include "model/model.h"
#include "util/date.h"

struct model_fee_period {
	char *id;
	char *org;
	struct period period;
	char *state;            /* core/proc's fee state names */
};

struct model_payment {
	char *id;
	char *member;
	struct period period;   /* the month it pays for */
	int64_t amount;         /* đồng */
	int method;             /* enum payment_method */
	struct date paid_on;
};

struct model_bank_account {
	char *id;
	char *org;
	char *bank;             /* the bank's name */
	char *number;
	char *holder;
};

MODEL_DECLARE(model_fee_period, struct model_fee_period)
MODEL_DECLARE(model_payment, struct model_payment)
MODEL_DECLARE(model_bank_account, struct model_bank_account)

#endif
