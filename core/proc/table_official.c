/* Official transfer (QĐ 294-QĐ/TW, HD 06-HD/TW; electronic steps QĐ
 * 4192-QĐ/BTCTW): the member files with a self-review and the decision; the
 * sending organisation reviews in a meeting and issues the introduction
 * paper; the member presents it; the receiving organisation accepts in a
 * meeting; the sending side closes the record. */
#include "proc/table.h"

enum { DRAFT, FILED, INCOMPLETE, REVIEWED, ISSUED, PRESENTED, RECEIVING_INCOMPLETE,
       ACCEPTED, CLOSED, REJECTED, WITHDRAWN };

static const struct proc_state states[] = {
	[DRAFT] = { "draft", N_("Draft") },
	[FILED] = { "filed", N_("Filed with the sending organisation") },
	[INCOMPLETE] = { "incomplete", N_("Returned as incomplete") },
	[REVIEWED] = { "reviewed", N_("Reviewed by the sending organisation") },
	[ISSUED] = { "issued", N_("Introduction paper issued") },
	[PRESENTED] = { "presented", N_("Presented to the receiving organisation") },
	[RECEIVING_INCOMPLETE] = { "receiving-incomplete",
				   N_("Returned as incomplete by the receiving organisation") },
	[ACCEPTED] = { "accepted", N_("Accepted by the receiving organisation") },
	[CLOSED] = { "closed", N_("Closed by the sending organisation") },
	[REJECTED] = { "rejected", N_("Refused") },
	[WITHDRAWN] = { "withdrawn", N_("Withdrawn") },
};

static const struct proc_choice reasons[] = {
	{ "job-move", N_("Change of job") },
	{ "residence-move", N_("Change of residence") },
	{ "other", N_("Other") },
	{ NULL, NULL },
};

static const struct proc_field file_fields[] = {
	{ "reason", FIELD_ENUM, FIELD_REQUIRED, 0, 0, reasons, N_("Why the member moves") },
	{ "decision_no", FIELD_TEXT, FIELD_REQUIRED, 1, 64, NULL, N_("Number of the decision") },
	{ "decision_date", FIELD_DATE, FIELD_REQUIRED | FIELD_NOT_FUTURE, 0, 0, NULL,
	  N_("Date of the decision") },
	{ "receiving_org", FIELD_INT, FIELD_REQUIRED, 1, 2147483647L, NULL,
	  N_("Receiving organisation") },
	{ "self_review", FIELD_TEXT, FIELD_REQUIRED, 1, 8000, NULL, N_("Self-review") },
	END
};

/* The paper states the card and dossier numbers and the month the fees are
 * paid up to (DESIGN.md section 7). */
static const struct proc_field intro_fields[] = {
	{ "card_no", FIELD_TEXT, FIELD_REQUIRED, 1, 20, NULL, N_("Party card number") },
	{ "dossier_no", FIELD_TEXT, FIELD_REQUIRED, 1, 20, NULL, N_("Personal dossier number") },
	{ "fees_paid_to", FIELD_PERIOD, FIELD_REQUIRED, 0, 0, NULL, N_("Fees paid up to month") },
	{ "issued_on", FIELD_DATE, FIELD_REQUIRED | FIELD_NOT_FUTURE, 0, 0, NULL,
	  N_("Date of the introduction paper") },
	END
};

static const struct proc_action actions[] = {
	{ .name = "file", .label = N_("File the transfer request"), .from = S(DRAFT),
	  .to = FILED, .flags = ACT_MEMBER | ACT_RECEIVES, .roles = R(MEMBER),
	  .delegates = HELPERS, .rel = REL_SENDING, .fields = file_fields,
	  .guards = G(NOT_UNDER_REVIEW) | G(FILE_IN_TIME) },
	{ .name = "return-incomplete", .label = N_("Return as incomplete, listing every fix"),
	  .from = S(FILED), .to = INCOMPLETE, .flags = ACT_NOTICE,
	  .roles = OFFICE | R(COMMITTEE_MEMBER), .rel = REL_SENDING, .fields = proc_fields_fixes },
	{ .name = "resubmit", .label = N_("Send again with the fixes"), .from = S(INCOMPLETE),
	  .to = FILED, .flags = ACT_MEMBER | ACT_RECEIVES, .roles = R(MEMBER),
	  .delegates = HELPERS, .rel = REL_SENDING, .fields = proc_fields_note,
	  .guards = G(NOT_UNDER_REVIEW) },
	{ .name = "review", .label = N_("Review in a meeting"), .from = S(FILED),
	  .to = REVIEWED, .roles = LEADERS, .rel = REL_SENDING, .fields = proc_fields_meeting,
	  .guards = G(NOT_UNDER_REVIEW) },
	{ .name = "reject", .label = N_("Refuse with a reason"), .from = S(FILED) | S(REVIEWED),
	  .to = REJECTED, .roles = LEADERS, .rel = REL_SENDING, .fields = proc_fields_reason },
	{ .name = "issue-introduction", .label = N_("Issue the introduction paper"),
	  .from = S(REVIEWED), .to = ISSUED, .roles = LEADERS, .rel = REL_SENDING,
	  .fields = intro_fields, .guards = G(NOT_UNDER_REVIEW) },
	{ .name = "present", .label = N_("Present the introduction paper"), .from = S(ISSUED),
	  .to = PRESENTED, .flags = ACT_MEMBER | ACT_RECEIVES, .roles = R(MEMBER),
	  .delegates = HELPERS, .rel = REL_RECEIVING, .fields = proc_fields_none,
	  .guards = G(PRESENT_IN_TIME) },
	{ .name = "return-incomplete", .label = N_("Return as incomplete, listing every fix"),
	  .from = S(PRESENTED), .to = RECEIVING_INCOMPLETE, .flags = ACT_NOTICE,
	  .roles = OFFICE | R(COMMITTEE_MEMBER), .rel = REL_RECEIVING,
	  .fields = proc_fields_fixes },
	{ .name = "resubmit", .label = N_("Send again with the fixes"),
	  .from = S(RECEIVING_INCOMPLETE), .to = PRESENTED,
	  .flags = ACT_MEMBER | ACT_RECEIVES, .roles = R(MEMBER), .delegates = HELPERS,
	  .rel = REL_RECEIVING, .fields = proc_fields_note },
	{ .name = "accept", .label = N_("Accept in a meeting"), .from = S(PRESENTED),
	  .to = ACCEPTED, .roles = LEADERS, .rel = REL_RECEIVING, .fields = proc_fields_meeting },
	{ .name = "close", .label = N_("Close the member's record"), .from = S(ACCEPTED),
	  .to = CLOSED, .roles = OFFICE, .rel = REL_SENDING, .fields = proc_fields_none },
	{ .name = "withdraw", .label = N_("Withdraw the request"),
	  .from = S(DRAFT) | S(FILED) | S(INCOMPLETE), .to = WITHDRAWN, .flags = ACT_MEMBER,
	  .roles = R(MEMBER), .delegates = HELPERS, .rel = REL_SENDING,
	  .fields = proc_fields_reason },
};

const struct proc_machine proc_machine_official = {
	"official-transfer", N_("Official transfer"),
	"QĐ 294-QĐ/TW, HD 06-HD/TW; QĐ 4192-QĐ/BTCTW; QĐ 338-QĐ/TW",
	states, (int)(sizeof states / sizeof states[0]),
	actions, (int)(sizeof actions / sizeof actions[0]),
};
