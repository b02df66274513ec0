/* The decision's parts, internal to core/proc: reasons, payload fields and
 * guards each add to one verdict, so that a refusal lists every reason. */
#ifndef TTHC_PROC_CHECK_H
#define TTHC_PROC_CHECK_H

#include "proc/proc.h"

/* Stable codes and their messages (format msgids). */
#define PROC_REASONS(X) \
	X(UNKNOWN_PROC,     "unknown-procedure", N_("the case's procedure is not known")) \
	X(UNKNOWN_ACTION,   "unknown-action",   N_("'%s' is not an action of this procedure")) \
	X(UNKNOWN_STATE,    "unknown-state",    N_("the case is in no known state")) \
	X(WRONG_STATE,      "wrong-state",      N_("'%s' cannot be taken while the case is '%s'")) \
	X(NOT_AUTHORISED,   "not-authorised",   N_("no role of yours may take '%s' in %s")) \
	X(MEMBER_ONLY,      "member-only",      N_("only the member himself, or staff on his behalf, may take '%s'")) \
	X(NO_ORG,           "no-organisation",  N_("the case names no %s")) \
	X(NO_DELEGATION,    "on-behalf-not-allowed", N_("'%s' cannot be taken on behalf of a member")) \
	X(WRONG_MEMBER,     "on-behalf-wrong-member", N_("the case is not member %ld's")) \
	X(NOT_OBJECT,       "wrong-type",       N_("the payload must be a JSON object")) \
	X(MISSING,          "missing-field",    N_("this field is required")) \
	X(UNKNOWN_FIELD,    "unknown-field",    N_("'%s' takes no such field")) \
	X(DUPLICATE_KEY,    "duplicate-key",    N_("this field is given more than once")) \
	X(WRONG_TYPE,       "wrong-type",       N_("must be %s")) \
	X(BAD_UTF8,         "invalid-utf8",     N_("is not valid UTF-8")) \
	X(NOT_NFC,          "not-nfc",          N_("is not in Unicode NFC")) \
	X(CONTROL,          "control-character", N_("contains a control character")) \
	X(TOO_SHORT,        "too-short",        N_("must have at least %ld characters")) \
	X(TOO_LONG,         "too-long",         N_("must have at most %ld characters")) \
	X(TOO_FEW,          "too-few",          N_("must list at least %ld entries")) \
	X(TOO_MANY,         "too-many",         N_("must list at most %ld entries")) \
	X(OUT_OF_RANGE,     "out-of-range",     N_("must be between %ld and %ld")) \
	X(NOT_IN_LIST,      "not-in-list",      N_("must be one of: %s")) \
	X(BAD_DATE,         "bad-date",         N_("'%s' is not a real date of the form YYYY-MM-DD")) \
	X(BAD_PERIOD,       "bad-period",       N_("'%s' is not a real month of the form YYYY-MM")) \
	X(IN_FUTURE,        "date-in-future",   N_("%s is after today, %s")) \
	X(UNDER_INSPECTION, "under-inspection", N_("the member is under inspection")) \
	X(UNDER_COMPLAINT,  "under-complaint",  N_("the member is under complaint handling")) \
	X(FILING_LATE,      "filing-too-late",  N_("the request had to be filed within %d working days of the decision of %s, that is by %s")) \
	X(PRESENTING_LATE,  "presentation-too-late", N_("the paper had to be presented within %d working days of %s, that is by %s")) \
	X(CASE_LACKS,       "case-incomplete",  N_("the case has no %s")) \
	X(DURATION_SHORT,   "duration-too-short", N_("must be no earlier than %s: at least %d months")) \
	X(DURATION_LONG,    "duration-too-long", N_("must be no later than %s for this reason")) \
	X(END_BEFORE_START, "ends-before-start", N_("the last day comes before the first")) \
	X(NOT_LATER,        "extension-not-later", N_("must be later than the current last day, %s")) \
	X(PERIOD_EARLY,     "period-before-electronic", N_("fees go through the electronic system from %s; %s is earlier")) \
	X(OWN_ACCOUNT,      "own-account",      N_("no one may take '%s' on his own account")) \
	X(GRANT_SCOPE,      "grant-outside-scope", N_("you may grant roles only in organisations you administer")) \
	X(NO_CALENDAR,      "no-holiday-table", N_("cannot count working days: %s"))

enum proc_reason_id {
#define X(id, code, msg) REASON_##id,
	PROC_REASONS(X)
#undef X
	REASON_COUNT
};

/* Add a reason with its message formatted from the arguments. */
void proc_refuse(struct proc_verdict *v, enum proc_reason_id id, const char *path, ...);

/* Everything the guards and the fields need about one decision. */
struct proc_check {
	const struct proc_machine *machine;
	const struct proc_action *action;
	const struct proc_actor *actor;
	const struct proc_case *c;
	const struct proc_request *req;
	long subject_account;           /* account actions: the account acted on */
	proc_org_within_fn within;
	void *ctx;
	struct date today;              /* req->now in Vietnam */
	struct proc_verdict *v;
};

/* Payload against action->fields. */
void proc_check_fields(const struct proc_check *k);
/* Every guard in action->guards. */
void proc_check_guards(const struct proc_check *k);

/* "2026-08-05" of a payload date field, when present and valid. */
bool proc_payload_date(const cJSON *payload, const char *name, struct date *out);

/* True when one of the actor's grants in `roles` covers org. */
bool proc_actor_holds(const struct proc_check *k, unsigned roles, long org);

#endif
