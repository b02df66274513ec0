/* The domain's closed vocabularies, once: wire names (JSON, command line,
 * config) and labels for people.  Wire names are stable ASCII; never rename
 * one, only add.  Labels are English msgids translated by the catalog.
 * Sources: DESIGN.md section 7 (QĐ 338, QĐ 01-QĐ/TW 2026, HD 06-HD/TW). */
#ifndef TTHC_MODEL_VOCAB_H
#define TTHC_MODEL_VOCAB_H

/* Roles, each held in one organisation. */
#define TTHC_ROLES(X) \
	X(SECRETARY,        "secretary",        N_("Secretary")) \
	X(DEPUTY_SECRETARY, "deputy-secretary", N_("Deputy secretary")) \
	X(COMMITTEE_MEMBER, "committee-member", N_("Committee member")) \
	X(FINANCE,          "finance",          N_("Finance officer")) \
	X(CLERK,            "clerk",            N_("Clerk")) \
	X(ADMIN,            "admin",            N_("Administrator")) \
	X(ASSIGNED_STAFF,   "assigned-staff",   N_("Assigned staff")) \
	X(MEMBER,           "member",           N_("Party member"))

/* Organisation types (DESIGN.md section 8: the district level is gone; a
 * base committee is flagged commune/ward or agency/enterprise elsewhere). */
#define TTHC_ORG_TYPES(X) \
	X(PROVINCE,       "province",       N_("Provincial party committee")) \
	X(BASE_COMMITTEE, "base-committee", N_("Base party committee")) \
	X(SUB_COMMITTEE,  "sub-committee",  N_("Party sub-committee")) \
	X(BASE_BRANCH,    "base-branch",    N_("Base party branch")) \
	X(SUB_BRANCH,     "sub-branch",     N_("Subordinate party branch"))

/* Income categories for the party fee (QĐ 01-QĐ/TW 2026). */
#define TTHC_INCOME_CATEGORIES(X) \
	X(SALARY,       "salary",       N_("Salary with compulsory social insurance")) \
	X(ALLOWANCE,    "allowance",    N_("Sick-leave or maternity allowance")) \
	X(PENSION,      "pension",      N_("Pension")) \
	X(STUDENT,      "student",      N_("Student")) \
	X(ABROAD_STATE, "abroad-state", N_("Abroad on a state living allowance")) \
	X(ABROAD_OTHER, "abroad-other", N_("Abroad, other")) \
	X(NO_BHXH,      "no-bhxh",      N_("Other income without social insurance"))

/* Reasons for exemption from the fee. */
#define TTHC_EXEMPTIONS(X) \
	X(MEMBERSHIP_50_YEARS, "membership-50-years", N_("50 years of membership or more")) \
	X(SOCIAL_PENSION,      "social-pension",      N_("Receives a social pension")) \
	X(POOR_HOUSEHOLD,      "poor-household",      N_("Poor or near-poor household")) \
	X(SERIOUS_ILLNESS,     "serious-illness",     N_("Serious illness"))

/* The four procedures (QĐ 338-QĐ/TW). */
#define TTHC_PROCEDURES(X) \
	X(FEE,                "fee",                N_("Party fees")) \
	X(RESIDENCE_COMMENT,  "residence-comment",  N_("Residence comments")) \
	X(OFFICIAL_TRANSFER,  "official-transfer",  N_("Official transfer")) \
	X(TEMPORARY_TRANSFER, "temporary-transfer", N_("Temporary transfer"))

/* The wire's own small vocabularies (docs/API.md): a member's sex, an
 * account's status (DESIGN.md section 8, "Accounts"), how a fee was paid
 * (section 7), a pushed action's outcome (section 3) and the kinds of rows
 * in the changes feed. */
#define TTHC_SEXES(X) \
	X(MALE,   "male",   N_("Male")) \
	X(FEMALE, "female", N_("Female"))

#define TTHC_ACCOUNT_STATUSES(X) \
	X(PENDING, "pending", N_("Pending activation")) \
	X(ACTIVE,  "active",  N_("Active")) \
	X(LOCKED,  "locked",  N_("Locked")) \
	X(REVOKED, "revoked", N_("Revoked"))

#define TTHC_PAYMENT_METHODS(X) \
	X(CASH,   "cash",   N_("Cash")) \
	X(ONLINE, "online", N_("Online"))

#define TTHC_RESULT_STATUSES(X) \
	X(APPLIED,   "applied",   N_("Applied")) \
	X(DUPLICATE, "duplicate", N_("Already applied")) \
	X(CONFLICT,  "conflict",  N_("Conflict")) \
	X(REJECTED,  "rejected",  N_("Rejected"))

#define TTHC_ENTITY_KINDS(X) \
	X(ORG,          "organisation", N_("Party organisation")) \
	X(MEMBER,       "member",       N_("Party member")) \
	X(ACCOUNT,      "account",      N_("User account")) \
	X(CASE,         "case",         N_("Case")) \
	X(FEE_PERIOD,   "fee-period",   N_("Fee period")) \
	X(PAYMENT,      "payment",      N_("Fee payment")) \
	X(BANK_ACCOUNT, "bank-account", N_("Bank account"))

enum role {
#define X(id, name, label) ROLE_##id,
	TTHC_ROLES(X)
#undef X
	ROLE_COUNT
};

enum org_type {
#define X(id, name, label) ORG_##id,
	TTHC_ORG_TYPES(X)
#undef X
	ORG_TYPE_COUNT
};

enum income_category {
#define X(id, name, label) INCOME_##id,
	TTHC_INCOME_CATEGORIES(X)
#undef X
	INCOME_COUNT
};

enum exemption {
#define X(id, name, label) EXEMPT_##id,
	TTHC_EXEMPTIONS(X)
#undef X
	EXEMPT_COUNT
};

enum procedure {
#define X(id, name, label) PROC_##id,
	TTHC_PROCEDURES(X)
#undef X
	PROC_COUNT
};

enum sex {
#define X(id, name, label) SEX_##id,
	TTHC_SEXES(X)
#undef X
	SEX_COUNT
};

enum account_status {
#define X(id, name, label) ACCOUNT_##id,
	TTHC_ACCOUNT_STATUSES(X)
#undef X
	ACCOUNT_STATUS_COUNT
};

enum payment_method {
#define X(id, name, label) PAY_##id,
	TTHC_PAYMENT_METHODS(X)
#undef X
	PAY_COUNT
};

enum result_status {
#define X(id, name, label) RESULT_##id,
	TTHC_RESULT_STATUSES(X)
#undef X
	RESULT_COUNT
};

enum entity_kind {
#define X(id, name, label) ENTITY_##id,
	TTHC_ENTITY_KINDS(X)
#undef X
	ENTITY_COUNT
};

/* A vocabulary as data, for the lookups below. */
struct vocab {
	const char *const *names;   /* wire names, index = enum value */
	const char *const *labels;  /* untranslated msgids */
	int count;
};

extern const struct vocab vocab_roles, vocab_org_types, vocab_income_categories,
	vocab_exemptions, vocab_procedures, vocab_sexes, vocab_account_statuses,
	vocab_payment_methods, vocab_result_statuses, vocab_entity_kinds;

/* The enum value for a wire name, or -1. */
int vocab_find(const struct vocab *v, const char *name);
/* The wire name of a value ("?" when out of range). */
const char *vocab_name(const struct vocab *v, int value);
/* The translated label of a value. */
const char *vocab_label(const struct vocab *v, int value);

#endif
