/* Party fees, the monthly procedure (QĐ 01-QĐ/TW 2026; DESIGN.md section 7):
 * one record per member per month, due -> paid -> confirmed -> remitted, and
 * the level above accepts the remittance.  A wrong amount goes back with a
 * reason. */
#include "proc/table.h"

enum { DUE, PAID, CONFIRMED, REMITTED, SETTLED };

static const struct proc_state states[] = {
	[DUE] = { "due", N_("Due") },
	[PAID] = { "paid", N_("Paid") },
	[CONFIRMED] = { "confirmed", N_("Receipt confirmed") },
	[REMITTED] = { "remitted", N_("Remitted to the level above") },
	[SETTLED] = { "settled", N_("Accepted by the level above") },
};

static const struct proc_choice methods[] = {
	{ "online", N_("Online") },
	{ "cash", N_("Cash to the branch") },
	{ NULL, NULL },
};

static const struct proc_field pay_fields[] = {
	{ "amount", FIELD_INT, FIELD_REQUIRED, 1, 100000000, NULL, N_("Amount paid, in đồng") },
	{ "paid_on", FIELD_DATE, FIELD_REQUIRED | FIELD_NOT_FUTURE, 0, 0, NULL, N_("Date paid") },
	{ "method", FIELD_ENUM, FIELD_REQUIRED, 0, 0, methods, N_("How it was paid") },
	END
};

static const struct proc_field remit_fields[] = {
	{ "remitted_on", FIELD_DATE, FIELD_REQUIRED | FIELD_NOT_FUTURE, 0, 0, NULL,
	  N_("Date remitted") },
	END
};

#define MONEY (R(FINANCE) | R(SECRETARY))

static const struct proc_action actions[] = {
	/* Cash handed to the finance officer is recorded by him for the member. */
	{ .name = "pay", .label = N_("Pay the month's fee"), .from = S(DUE), .to = PAID,
	  .flags = ACT_MEMBER, .roles = R(MEMBER),
	  .delegates = MONEY | R(DEPUTY_SECRETARY) | R(ASSIGNED_STAFF), .rel = REL_OWN,
	  .fields = pay_fields, .guards = G(FEE_PERIOD) },
	{ .name = "return-amount", .label = N_("Return a wrong payment with a reason"),
	  .from = S(PAID), .to = DUE, .roles = MONEY | R(DEPUTY_SECRETARY), .rel = REL_OWN,
	  .fields = proc_fields_reason, .guards = G(FEE_PERIOD) },
	/* DESIGN.md section 7: the finance officer or the secretary confirms. */
	{ .name = "confirm", .label = N_("Confirm receipt"), .from = S(PAID), .to = CONFIRMED,
	  .roles = MONEY, .rel = REL_OWN, .fields = proc_fields_none, .guards = G(FEE_PERIOD) },
	{ .name = "remit", .label = N_("Remit to the level above"), .from = S(CONFIRMED),
	  .to = REMITTED, .roles = MONEY, .rel = REL_OWN, .fields = remit_fields,
	  .guards = G(FEE_PERIOD) },
	{ .name = "accept-remittance", .label = N_("Accept the remittance"),
	  .from = S(REMITTED), .to = SETTLED, .roles = MONEY | R(DEPUTY_SECRETARY),
	  .rel = REL_UPPER, .fields = proc_fields_none, .guards = G(FEE_PERIOD) },
	{ .name = "return-remittance", .label = N_("Return the remittance with a reason"),
	  .from = S(REMITTED), .to = CONFIRMED, .roles = MONEY | R(DEPUTY_SECRETARY),
	  .rel = REL_UPPER, .fields = proc_fields_reason, .guards = G(FEE_PERIOD) },
};

const struct proc_machine proc_machine_fee = {
	"fee", N_("Party fees"), "QĐ 01-QĐ/TW (2026); QĐ 338-QĐ/TW",
	states, (int)(sizeof states / sizeof states[0]),
	actions, (int)(sizeof actions / sizeof actions[0]),
};
