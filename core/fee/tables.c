/* The figures.  Each row names its source; to_confirm marks the figures
 * that DESIGN.md section 7 takes from public summaries.  Where DESIGN.md
 * gives no article number none is invented: the source says it follows the
 * summary.  docs/RULES.md ("Party fees") lists every row and why. */
#include "fee/rules.h"

#include "util/i18n.h"

#define QD01 N_("QĐ 01-QĐ/TW of 03/02/2026 on party fees (per the DESIGN.md §7 summary)")

const struct period fee_first_period = { 2026, 8 };

static const struct fee_rate rates[] = {
	{ INCOME_SALARY, { 2026, 8 }, FEE_PERCENT_OF_BASE, 100, 0, 0,
	  N_("the salary base for compulsory social insurance"), QD01, false },
	{ INCOME_ALLOWANCE, { 2026, 8 }, FEE_PERCENT_OF_BASE, 100, 0, 0,
	  N_("the sick-leave or maternity allowance"), QD01, false },
	{ INCOME_PENSION, { 2026, 8 }, FEE_PERCENT_OF_BASE, 50, 0, 0,
	  N_("the pension"), QD01, false },
	{ INCOME_STUDENT, { 2026, 8 }, FEE_FLAT, 0, 0, 5000,
	  N_("a flat amount a month for students"), QD01, false },
	{ INCOME_ABROAD_STATE, { 2026, 8 }, FEE_PERCENT_OF_BASE, 100, 0, 0,
	  N_("the state living allowance abroad"), QD01, false },
	{ INCOME_ABROAD_OTHER, { 2026, 8 }, FEE_COUNTRY_GROUP, 0, 0, 0,
	  N_("an amount a month by the country group"), QD01, true },
	/* 0.3% in 2026-2027 and 0.5% from 2028; past retirement age 0.2% then
	 * 0.3%: the second figure read as following the same step. */
	{ INCOME_NO_BHXH, { 2026, 8 }, FEE_MIN_WAGE, 30, 20, 0,
	  N_("the regional minimum wage"), QD01, true },
	{ INCOME_NO_BHXH, { 2028, 1 }, FEE_MIN_WAGE, 50, 30, 0,
	  N_("the regional minimum wage"), QD01, true },
};

/* Monthly regional minimum wage, regions I, II, III, IV. */
static const struct fee_min_wage min_wages[] = {
	{ 2026, { 5310000, 4730000, 4140000, 3700000 },
	  N_("Decree 293/2025/NĐ-CP, regional minimum wage from 01/01/2026"), true },
};

/* DESIGN.md gives only the range 30.000-400.000 đ; the four groups and their
 * amounts are placeholders spanning it until the official list is known. */
#define GROUPS N_("QĐ 01-QĐ/TW of 03/02/2026: 30.000-400.000 đ a month by country group; " \
		  "groups are placeholders (per the DESIGN.md §7 summary)")
static const struct fee_country_group country_groups[] = {
	{ 1, 30000, GROUPS, true },
	{ 2, 100000, GROUPS, true },
	{ 3, 200000, GROUPS, true },
	{ 4, 400000, GROUPS, true },
};

#define QD342 N_("old rule of Quyết định 342-QĐ/TW of 2010 (per the DESIGN.md §7 summary)")
static const struct fee_retention retention[] = {
	/* A chi bộ under a base organisation: 30-50%, fee_rules.branch_share_bp. */
	{ ORG_SUB_BRANCH, FEE_ANY_BASE, 0, true, QD342, true },
	/* DESIGN.md gives no share for a đảng bộ bộ phận: it keeps nothing and
	 * passes all up to the base committee, which holds the accounts. */
	{ ORG_SUB_COMMITTEE, FEE_ANY_BASE, 0, false,
	  N_("no share in DESIGN.md §7: passes everything up"), true },
	{ ORG_BASE_COMMITTEE, FEE_COMMUNE_BASE, 9000, false, QD342, true },
	{ ORG_BASE_COMMITTEE, FEE_OTHER_BASE, 7000, false, QD342, true },
	{ ORG_BASE_BRANCH, FEE_COMMUNE_BASE, 9000, false, QD342, true },
	{ ORG_BASE_BRANCH, FEE_OTHER_BASE, 7000, false, QD342, true },
	{ ORG_PROVINCE, FEE_ANY_BASE, 5000, false, QD342, true },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const struct fee_rules fee_rules_default = {
	rates, COUNT(rates),
	min_wages, COUNT(min_wages),
	country_groups, COUNT(country_groups),
	retention, COUNT(retention),
	FEE_ROUND_NEAREST_1000,
	3000,   /* the low end of 30-50%: more reaches the base organisation */
};
