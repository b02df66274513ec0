/* Temporary transfer (QĐ 294-QĐ/TW, HD 06-HD/TW): membership stays at home;
 * the temporary place's cấp ủy accepts, may extend, and at the end sends the
 * member back with its remarks. */
#include "proc/table.h"

enum { DRAFT, FILED, INCOMPLETE, ISSUED, PRESENTED, ACTIVE, RETURNED, CLOSED, REJECTED,
       WITHDRAWN };

static const struct proc_state states[] = {
	[DRAFT] = { "draft", N_("Draft") },
	[FILED] = { "filed", N_("Filed with the home organisation") },
	[INCOMPLETE] = { "incomplete", N_("Returned as incomplete") },
	[ISSUED] = { "issued", N_("Introduction paper issued") },
	[PRESENTED] = { "presented", N_("Presented to the temporary organisation") },
	[ACTIVE] = { "active", N_("Taking part at the temporary organisation") },
	[RETURNED] = { "returned", N_("Returned home with remarks") },
	[CLOSED] = { "closed", N_("Closed") },
	[REJECTED] = { "rejected", N_("Refused") },
	[WITHDRAWN] = { "withdrawn", N_("Withdrawn") },
};

/* Wire names match proc_temp_limit's. */
static const struct proc_choice kinds[] = {
	{ "work", N_("Work") },
	{ "residence", N_("Residence") },
	{ "study", N_("Study") },
	{ NULL, NULL },
};

static const struct proc_field file_fields[] = {
	{ "kind", FIELD_ENUM, FIELD_REQUIRED, 0, 0, kinds, N_("Why the member moves") },
	{ "from_date", FIELD_DATE, FIELD_REQUIRED, 0, 0, NULL, N_("First day") },
	{ "to_date", FIELD_DATE, FIELD_REQUIRED, 0, 0, NULL, N_("Last day") },
	{ "receiving_org", FIELD_INT, FIELD_REQUIRED, 1, 2147483647L, NULL,
	  N_("Temporary organisation") },
	{ "reason", FIELD_TEXT, FIELD_REQUIRED, 1, 2000, NULL, N_("Reason") },
	END
};

static const struct proc_field intro_fields[] = {
	{ "card_no", FIELD_TEXT, FIELD_REQUIRED, 1, 20, NULL, N_("Party card number") },
	{ "fees_paid_to", FIELD_PERIOD, FIELD_REQUIRED, 0, 0, NULL, N_("Fees paid up to month") },
	{ "issued_on", FIELD_DATE, FIELD_REQUIRED | FIELD_NOT_FUTURE, 0, 0, NULL,
	  N_("Date of the introduction paper") },
	END
};

static const struct proc_field extend_fields[] = {
	{ "to_date", FIELD_DATE, FIELD_REQUIRED, 0, 0, NULL, N_("New last day") },
	{ "reason", FIELD_TEXT, FIELD_REQUIRED, 1, 1000, NULL, N_("Reason") },
	END
};

static const struct proc_field remarks_fields[] = {
	{ "remarks", FIELD_TEXT, FIELD_REQUIRED, 1, 4000, NULL,
	  N_("Remarks of the temporary organisation") },
	END
};

static const struct proc_action actions[] = {
	{ .name = "file", .label = N_("File the transfer request"), .from = S(DRAFT),
	  .to = FILED, .flags = ACT_MEMBER | ACT_RECEIVES, .roles = R(MEMBER),
	  .delegates = HELPERS, .rel = REL_SENDING, .fields = file_fields,
	  .guards = G(TEMP_DURATION) },
	{ .name = "return-incomplete", .label = N_("Return as incomplete, listing every fix"),
	  .from = S(FILED), .to = INCOMPLETE, .flags = ACT_NOTICE,
	  .roles = OFFICE | R(COMMITTEE_MEMBER), .rel = REL_SENDING, .fields = proc_fields_fixes },
	{ .name = "resubmit", .label = N_("Send again with the fixes"), .from = S(INCOMPLETE),
	  .to = FILED, .flags = ACT_MEMBER | ACT_RECEIVES, .roles = R(MEMBER),
	  .delegates = HELPERS, .rel = REL_SENDING, .fields = proc_fields_note },
	{ .name = "reject", .label = N_("Refuse with a reason"), .from = S(FILED),
	  .to = REJECTED, .roles = LEADERS, .rel = REL_SENDING, .fields = proc_fields_reason },
	{ .name = "issue-introduction", .label = N_("Issue the introduction paper"),
	  .from = S(FILED), .to = ISSUED, .roles = LEADERS, .rel = REL_SENDING,
	  .fields = intro_fields },
	{ .name = "present", .label = N_("Present the introduction paper"), .from = S(ISSUED),
	  .to = PRESENTED, .flags = ACT_MEMBER | ACT_RECEIVES, .roles = R(MEMBER),
	  .delegates = HELPERS, .rel = REL_RECEIVING, .fields = proc_fields_none },
	{ .name = "accept", .label = N_("Accept for temporary membership"),
	  .from = S(PRESENTED), .to = ACTIVE, .roles = OFFICE, .rel = REL_RECEIVING,
	  .fields = proc_fields_none },
	/* Extensions are the temporary place's cấp ủy's decision. */
	{ .name = "extend", .label = N_("Extend the temporary transfer"), .from = S(ACTIVE),
	  .to = PROC_SAME, .roles = COMMITTEE, .rel = REL_RECEIVING, .fields = extend_fields,
	  .guards = G(TEMP_EXTENSION) },
	{ .name = "return-home", .label = N_("Send the member home with remarks"),
	  .from = S(ACTIVE), .to = RETURNED, .roles = LEADERS, .rel = REL_RECEIVING,
	  .fields = remarks_fields },
	{ .name = "close", .label = N_("Close the temporary transfer"), .from = S(RETURNED),
	  .to = CLOSED, .roles = OFFICE, .rel = REL_SENDING, .fields = proc_fields_none },
	{ .name = "withdraw", .label = N_("Withdraw the request"),
	  .from = S(DRAFT) | S(FILED) | S(INCOMPLETE), .to = WITHDRAWN, .flags = ACT_MEMBER,
	  .roles = R(MEMBER), .delegates = HELPERS, .rel = REL_SENDING,
	  .fields = proc_fields_reason },
};

const struct proc_machine proc_machine_temporary = {
	"temporary-transfer", N_("Temporary transfer"),
	"QĐ 294-QĐ/TW, HD 06-HD/TW; QĐ 4192-QĐ/BTCTW; QĐ 338-QĐ/TW",
	states, (int)(sizeof states / sizeof states[0]),
	actions, (int)(sizeof actions / sizeof actions[0]),
};
