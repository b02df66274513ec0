/* Residence comments (QĐ 213-QĐ/TW, HD 33): the workplace organisation asks,
 * through the commune committee of the member's residence, the residence
 * branch for its comments; the branch answers four items after consulting
 * the residential Front committee, and the answer goes back the same way. */
#include "proc/table.h"

enum { DRAFT, REQUESTED, INCOMPLETE, FORWARDED, ANSWERED, RETURNED };

static const struct proc_state states[] = {
	[DRAFT] = { "draft", N_("Draft") },
	[REQUESTED] = { "requested", N_("Request sent to the commune committee") },
	[INCOMPLETE] = { "incomplete", N_("Returned as incomplete") },
	[FORWARDED] = { "forwarded", N_("Forwarded to the residence branch") },
	[ANSWERED] = { "answered", N_("Answered by the residence branch") },
	[RETURNED] = { "returned", N_("Answer returned to the workplace") },
};

static const struct proc_field request_fields[] = {
	{ "year", FIELD_INT, FIELD_REQUIRED, 2025, 2100, NULL, N_("Year the comments are for") },
	{ "note", FIELD_TEXT, 0, 0, 1000, NULL, N_("Note") },
	END
};

/* HD 33: ethics and lifestyle is one of three grades. */
static const struct proc_choice grades[] = {
	{ "exemplary", N_("Exemplary") },
	{ "ordinary", N_("Ordinary") },
	{ "not-exemplary", N_("Not exemplary") },
	{ NULL, NULL },
};

/* The four items of the answer, and when the Front committee was heard. */
static const struct proc_field answer_fields[] = {
	{ "compliance", FIELD_TEXT, FIELD_REQUIRED, 1, 2000, NULL,
	  N_("Compliance of the member and family with the law and local rules") },
	{ "ethics", FIELD_ENUM, FIELD_REQUIRED, 0, 0, grades, N_("Ethics and lifestyle") },
	{ "trust", FIELD_TEXT, FIELD_REQUIRED, 1, 2000, NULL, N_("Trust of the residents") },
	{ "remarks", FIELD_TEXT, 0, 0, 2000, NULL, N_("Other remarks") },
	{ "front_consulted_on", FIELD_DATE, FIELD_REQUIRED | FIELD_NOT_FUTURE, 0, 0, NULL,
	  N_("Date the residential Front committee was consulted") },
	END
};

static const struct proc_action actions[] = {
	{ .name = "send-request", .label = N_("Send the request for comments"),
	  .from = S(DRAFT), .to = REQUESTED, .flags = ACT_RECEIVES, .roles = OFFICE,
	  .rel = REL_WORKPLACE, .fields = request_fields },
	{ .name = "return-incomplete", .label = N_("Return as incomplete, listing every fix"),
	  .from = S(REQUESTED), .to = INCOMPLETE, .flags = ACT_NOTICE,
	  .roles = OFFICE | R(COMMITTEE_MEMBER), .rel = REL_COMMUNE, .fields = proc_fields_fixes },
	{ .name = "resubmit", .label = N_("Send again with the fixes"), .from = S(INCOMPLETE),
	  .to = REQUESTED, .flags = ACT_RECEIVES, .roles = OFFICE, .rel = REL_WORKPLACE,
	  .fields = proc_fields_note },
	{ .name = "forward", .label = N_("Forward to the residence branch"),
	  .from = S(REQUESTED), .to = FORWARDED, .roles = OFFICE | R(COMMITTEE_MEMBER),
	  .rel = REL_COMMUNE, .fields = proc_fields_none },
	{ .name = "answer", .label = N_("Answer the four items"), .from = S(FORWARDED),
	  .to = ANSWERED, .roles = LEADERS, .rel = REL_RESIDENCE, .fields = answer_fields },
	{ .name = "return-answer", .label = N_("Return the answer to the workplace"),
	  .from = S(ANSWERED), .to = RETURNED, .roles = OFFICE | R(COMMITTEE_MEMBER),
	  .rel = REL_COMMUNE, .fields = proc_fields_none },
};

const struct proc_machine proc_machine_residence = {
	"residence-comment", N_("Residence comments"), "QĐ 213-QĐ/TW, HD 33; QĐ 338-QĐ/TW",
	states, (int)(sizeof states / sizeof states[0]),
	actions, (int)(sizeof actions / sizeof actions[0]),
};
