/* The party-fee rules as data (Quy định 01-QĐ/TW of 03/02/2026 on party
 * fees, as summarised in DESIGN.md section 7).  Every figure lives in one
 * table row with its source and a to_confirm flag where the figure comes
 * from a public summary, so that an official correction is a one-row
 * change.  Client and server read the same tables (DESIGN.md section 2).
 *
 * A struct fee_rules bundles the tables with the adjustable parameters;
 * fee_rules_default is what tthc and tthcd use.  Tests and a future
 * configuration may pass a copy with other rows or parameters. */
#ifndef TTHC_FEE_RULES_H
#define TTHC_FEE_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fee/round.h"
#include "model/vocab.h"
#include "util/date.h"
#include "util/err.h"

/* How a category's monthly fee is found. */
enum fee_basis {
	FEE_PERCENT_OF_BASE,    /* bp of the member's base (salary, pension...) */
	FEE_FLAT,               /* a fixed amount a month */
	FEE_COUNTRY_GROUP,      /* a fixed amount by the country group */
	FEE_MIN_WAGE,           /* bp of the regional minimum wage */
};

/* One rate of one income category, in force from `from` until the next
 * row of the same category.  Rates are in basis points (1% = 100 bp). */
struct fee_rate {
	enum income_category category;
	struct period from;
	enum fee_basis basis;
	int bp;                 /* PERCENT_OF_BASE, MIN_WAGE */
	int bp_retired;         /* MIN_WAGE past retirement age */
	int64_t flat;           /* FLAT, in đồng */
	const char *rule;       /* N_() msgid: the rule in words */
	const char *source;     /* N_() msgid */
	bool to_confirm;
};

/* Regional minimum wage a month, by year, regions I..IV. */
#define FEE_REGIONS 4
struct fee_min_wage {
	int year;
	int64_t wage[FEE_REGIONS];
	const char *source;
	bool to_confirm;
};

/* The monthly amount of a member abroad outside the state's allowance. */
struct fee_country_group {
	int group;
	int64_t amount;
	const char *source;
	bool to_confirm;
};

/* Whether a base organisation is of a commune or ward (the retention share
 * differs, DESIGN.md section 8). */
enum fee_base_kind {
	FEE_ANY_BASE,
	FEE_COMMUNE_BASE,
	FEE_OTHER_BASE,
};

/* The share of what reaches an organisation that it keeps; the rest goes
 * to the level above. */
struct fee_retention {
	enum org_type type;
	enum fee_base_kind kind;
	int share_bp;
	bool adjustable;        /* share is fee_rules.branch_share_bp instead */
	const char *source;
	bool to_confirm;
};

struct fee_rules {
	const struct fee_rate *rates;
	size_t n_rates;
	const struct fee_min_wage *min_wages;
	size_t n_min_wages;
	const struct fee_country_group *country_groups;
	size_t n_country_groups;
	const struct fee_retention *retention;
	size_t n_retention;
	enum fee_rounding rounding;
	/* What a chi bộ under a base organisation keeps: 30-50% by the old
	 * rule; the cấp ủy above chooses within that range. */
	int branch_share_bp;
};

/* The first period kept in the electronic system, and the first that may be
 * charged at all: no back-payment is entered before it (DESIGN.md §7). */
extern const struct period fee_first_period;

extern const struct fee_rules fee_rules_default;

#define FEE_BRANCH_SHARE_MIN 3000
#define FEE_BRANCH_SHARE_MAX 5000

/* The rate of a category in force in period p, or NULL with a reason. */
const struct fee_rate *fee_rate_find(const struct fee_rules *r, enum income_category c,
				     struct period p, struct tthc_err *err);
/* The regional minimum wage of region 1..4 in a year; a year without a row
 * is refused (a stale wage would give a wrong fee). */
int fee_min_wage_find(const struct fee_rules *r, int year, int region, int64_t *wage,
		      const struct fee_min_wage **row, struct tthc_err *err);
const struct fee_country_group *fee_country_group_find(const struct fee_rules *r, int group,
						       struct tthc_err *err);

/* A real month (1..12 of years 1900..9999), as period_parse gives. */
bool fee_period_valid(struct period p);
/* Refuse a month that is not real, or before fee_first_period, with the
 * reason. */
int fee_period_check(struct period p, struct tthc_err *err);

/* "I".."IV" to 1..4, and back ("?" when out of range). */
int fee_region_parse(const char *s, int *region, struct tthc_err *err);
const char *fee_region_name(int region);

#endif
