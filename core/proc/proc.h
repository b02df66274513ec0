/* The four procedures of QĐ 338-QĐ/TW (and the account actions) as data,
 * and the one decision the client and the server both make from them:
 * "may ACTOR take ACTION on CASE with PAYLOAD at NOW?".
 *
 * Plain inputs only: no database, no network.  The organisation tree is
 * asked through a callback, because a role held in an organisation acts on
 * that organisation's whole subtree (DESIGN.md section 4). */
#ifndef TTHC_PROC_H
#define TTHC_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "model/vocab.h"
#include "proc/workdays.h"
#include "util/date.h"

/* How an organisation stands to a case. */
#define PROC_RELATIONS(X) \
	X(OWN,       "own",       N_("the member's own organisation")) \
	X(SENDING,   "sending",   N_("the sending organisation")) \
	X(RECEIVING, "receiving", N_("the receiving organisation")) \
	X(RESIDENCE, "residence", N_("the residence branch")) \
	X(COMMUNE,   "commune",   N_("the commune committee above the residence branch")) \
	X(WORKPLACE, "workplace", N_("the workplace organisation")) \
	X(UPPER,     "upper",     N_("the level above the member's organisation")) \
	X(ACCOUNT,   "account",   N_("the account's organisation"))

enum proc_rel {
#define X(id, name, label) REL_##id,
	PROC_RELATIONS(X)
#undef X
	REL_COUNT
};

extern const struct vocab vocab_relations;

/* True when org is ancestor or inside ancestor's subtree.  NULL: no tree,
 * a role covers its own organisation only. */
typedef bool (*proc_org_within_fn)(void *ctx, long ancestor, long org);

struct proc_grant {
	enum role role;
	long org;
};

struct proc_actor {
	long account_id;
	long member_id;                 /* 0: the account is not a member's */
	const struct proc_grant *grants;
	size_t n_grants;
};

/* Why a member moves temporarily (HD 06-HD/TW). */
enum proc_temp_kind { TEMP_NONE, TEMP_WORK, TEMP_RESIDENCE, TEMP_STUDY };

/* A case as the decision needs it.  Unknown dates are {0, 0, 0}, unknown
 * organisations 0. */
struct proc_case {
	enum procedure proc;
	int state;                      /* index into the machine's states */
	long version;
	long member_id;
	long org[REL_COUNT];
	bool under_inspection, under_complaint;
	struct date decision_date;      /* official: the decision behind the move */
	struct date intro_date;         /* the introduction paper's date */
	int64_t received_at;            /* dossier received (starts the notice clock); 0 unknown */
	struct period period;           /* fee: the month */
	enum proc_temp_kind temp_kind;  /* temporary: why, from when, until when */
	struct date temp_from, temp_to;
};

/* An account as its actions need it. */
struct proc_account {
	long account_id;
	int state;                      /* index into proc_account_machine()'s states */
	long version;
	long org;                       /* the organisation the account belongs to */
	long member_id;                 /* 0: a staff-only account */
};

struct proc_request {
	const char *action;             /* wire name, e.g. "return-incomplete" */
	long on_behalf_of;              /* member id; 0 when acting in one's own name */
	long base_version;              /* the version decided on; 0: not checked */
	const cJSON *payload;           /* an object, or NULL for none */
	int64_t now;                    /* seconds since the epoch, UTC */
	const struct work_hours *hours; /* NULL: work_hours_default */
};

#define PROC_MAX_REASONS 32

struct proc_reason {
	char code[32];                  /* stable, e.g. "under-inspection" */
	char path[64];                  /* "payload.fixes[2]" or "" */
	char message[256];              /* translated */
};

enum proc_outcome {
	PROC_ALLOWED,
	PROC_REFUSED,                   /* see reasons: every one at once */
	PROC_CONFLICT,                  /* base_version is not the case's version */
};

struct proc_verdict {
	enum proc_outcome outcome;
	int to_state;                   /* when allowed */
	bool on_behalf;                 /* record actor and on_behalf_of both */
	bool starts_clock;              /* the action hands over a dossier: received_at = now */
	bool is_notice;                 /* the incomplete-dossier notice */
	int64_t notice_deadline;        /* is_notice with received_at known: due by */
	bool notice_late;               /* ... and now is past it (allowed all the same) */
	size_t n_reasons, n_dropped;    /* reasons past PROC_MAX_REASONS are counted */
	struct proc_reason reasons[PROC_MAX_REASONS];
};

/* The tables --------------------------------------------------------------*/

enum proc_field_type {
	FIELD_TEXT,                     /* NFC UTF-8, min..max characters */
	FIELD_INT,                      /* whole number in min..max */
	FIELD_DATE,                     /* "YYYY-MM-DD" */
	FIELD_PERIOD,                   /* "YYYY-MM" */
	FIELD_ENUM,                     /* one of choices */
	FIELD_TEXT_LIST,                /* min..max texts of 1..500 characters */
};

struct proc_choice {
	const char *name;               /* wire name */
	const char *label;              /* N_() msgid */
};

enum {
	FIELD_REQUIRED = 1u << 0,
	FIELD_NOT_FUTURE = 1u << 1,     /* a date no later than today */
};

struct proc_field {
	const char *name;
	enum proc_field_type type;
	unsigned flags;
	long min, max;
	const struct proc_choice *choices;  /* FIELD_ENUM, ended by a NULL name */
	const char *label;              /* N_() msgid */
};

struct proc_state {
	const char *name;
	const char *label;              /* N_() msgid */
};

/* Checks beyond roles and fields, each from a rule. */
#define PROC_GUARDS(X) \
	X(NOT_UNDER_REVIEW,   N_("not while the member is under inspection or complaint handling")) \
	X(FILE_IN_TIME,       N_("filed within the working days allowed after the decision")) \
	X(PRESENT_IN_TIME,    N_("presented within the working days allowed after the introduction paper")) \
	X(TEMP_DURATION,      N_("temporary-transfer duration within the limits for its reason")) \
	X(TEMP_EXTENSION,     N_("the extended end is later and within the limits")) \
	X(FEE_PERIOD,         N_("the fee period is one the electronic system handles")) \
	X(NOT_OWN_ACCOUNT,    N_("not on one's own account")) \
	X(GRANT_IN_SCOPE,     N_("the role is granted in an organisation the administrator holds"))

enum proc_guard {
#define X(id, label) GUARD_##id,
	PROC_GUARDS(X)
#undef X
	GUARD_COUNT
};

/* The untranslated msgid describing a guard. */
const char *proc_guard_label(enum proc_guard g);

enum {
	ACT_MEMBER = 1u << 0,           /* the case's member takes it himself */
	ACT_RECEIVES = 1u << 1,         /* hands a dossier over: starts the notice clock */
	ACT_NOTICE = 1u << 2,           /* the incomplete-dossier notice (QĐ 338) */
};

#define PROC_SAME (-1)                  /* to: the state does not change */
#define ROLE_BIT(r) (1u << (r))
#define STATE_BIT(s) (1u << (s))

struct proc_action {
	const char *name;               /* stable wire name */
	const char *label;              /* N_() msgid */
	unsigned from;                  /* STATE_BIT()s */
	int to;                         /* a state, or PROC_SAME */
	unsigned flags;                 /* ACT_* */
	unsigned roles;                 /* ROLE_BIT()s that take it in their own name */
	unsigned delegates;             /* ROLE_BIT()s that may take it on behalf of the member */
	enum proc_rel rel;              /* where those roles must be held */
	const struct proc_field *fields;/* ended by a NULL name */
	unsigned guards;                /* 1u << GUARD_* */
};

struct proc_machine {
	const char *name;               /* "fee", ..., "account" */
	const char *label;              /* N_() msgid */
	const char *source;             /* the regulation */
	const struct proc_state *states;
	int n_states;
	const struct proc_action *actions;
	int n_actions;
};

const struct proc_machine *proc_machine(enum procedure p);
const struct proc_machine *proc_account_machine(void);
/* By wire name: a procedure's or "account"; NULL when unknown. */
const struct proc_machine *proc_machine_find(const char *name);
/* A state's index by wire name, or -1. */
int proc_state_find(const struct proc_machine *m, const char *name);

/* Deadlines, as data with their sources. */
enum proc_deadline_unit { DEADLINE_WORKING_DAYS, DEADLINE_WORKING_HOURS };

struct proc_deadline {
	const char *what;               /* N_() msgid */
	int amount;
	enum proc_deadline_unit unit;
	const char *source;
	bool to_confirm;
};

extern const struct proc_deadline proc_deadline_notice;     /* 8 working hours */
extern const struct proc_deadline proc_deadline_filing;     /* 60 working days */
extern const struct proc_deadline proc_deadline_presenting; /* 30 working days */

/* The deadline an action is measured against, or NULL. */
const struct proc_deadline *proc_action_deadline(const struct proc_action *a);

/* Temporary-transfer durations by reason (HD 06-HD/TW). */
struct proc_temp_limit {
	enum proc_temp_kind kind;
	const char *name;               /* wire name of the reason */
	int min_months;
	int max_months;
	bool max_inclusive;             /* "up to 2 years" vs "under 1 year" */
};
const struct proc_temp_limit *proc_temp_limit(enum proc_temp_kind kind);

/* The first fee period handled electronically (DESIGN.md section 7). */

/* The decision --------------------------------------------------------------*/

/* Fill the dates, the temporary-transfer reason and the fee period of out
 * from a case's dossier fields (the server's stored case and the client's
 * cached copy alike); what is absent or unreadable is left unknown. */
void proc_case_fields(const cJSON *fields, struct proc_case *out);

enum proc_outcome proc_decide(const struct proc_actor *actor, const struct proc_case *c,
			      const struct proc_request *req, proc_org_within_fn within,
			      void *ctx, struct proc_verdict *out);

enum proc_outcome proc_decide_account(const struct proc_actor *actor,
				      const struct proc_account *acct,
				      const struct proc_request *req,
				      proc_org_within_fn within, void *ctx,
				      struct proc_verdict *out);

/* The actions the actor may take on the case now as far as roles, relation
 * and state go (the payload is checked only by proc_decide): for menus.
 * Fills up to max entries and returns how many there are. */
size_t proc_actions_open(const struct proc_actor *actor, const struct proc_case *c,
			 proc_org_within_fn within, void *ctx,
			 const struct proc_action **out, size_t max);

/* The incomplete-dossier notice: due 8 working hours after receipt, and the
 * working time left at now (negative when late). */
int proc_notice_deadline(int64_t received_at, const struct work_hours *wh,
			 int64_t *deadline, struct tthc_err *err);
int proc_notice_time_left(int64_t received_at, int64_t now, const struct work_hours *wh,
			  int64_t *seconds_left, struct tthc_err *err);

#endif
