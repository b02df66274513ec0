/* tthc fee calc: the monthly party fee of one member, with the rule
 * applied.  A thin front end over core/fee; the last line of output is the
 * amount in đồng, digits only, for scripts. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "fee/amount.h"
#include "fee/calc.h"
#include "util/buf.h"
#include "util/i18n.h"

struct calc_args {
	const char *category, *base, *period, *reduction, *exempt, *region, *group,
		*rounding;
	bool retired;
};

static void calc_help(FILE *f)
{
	cli_print(f, _("Usage: tthc fee calc --category C [--base AMOUNT] --period YYYY-MM\n"
		       "                     [--reduction 30|50|70] [--exempt REASON]\n"
		       "                     [--region I|II|III|IV] [--past-retirement-age]\n"
		       "                     [--country-group G] [--rounding nearest-1000|none]\n"
		       "Print the rule applied and, on the last line, the monthly party fee in\n"
		       "đồng (digits only).\n\n"
		       "Categories: salary, allowance, pension, abroad-state (these need --base);\n"
		       "student; abroad-other (needs --country-group); no-bhxh (needs --region,\n"
		       "takes --past-retirement-age).\n"
		       "Exemption reasons: membership-50-years, social-pension, poor-household,\n"
		       "serious-illness.\n"
		       "Amounts may be written 8000000 or 8.000.000.\n\n"
		       "Exit status: 0 success, 1 refused (period, category, values), 2 usage error.\n"));
}

static int parse_calc_args(int argc, char **argv, struct calc_args *a)
{
	struct {
		const char *name;
		const char **value;
	} opts[] = {
		{ "--category", &a->category }, { "--base", &a->base },
		{ "--period", &a->period }, { "--reduction", &a->reduction },
		{ "--exempt", &a->exempt }, { "--region", &a->region },
		{ "--country-group", &a->group }, { "--rounding", &a->rounding },
	};
	bool missing = false, known;
	size_t k;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--past-retirement-age")) {
			a->retired = true;
			continue;
		}
		for (known = false, k = 0; !known && k < sizeof opts / sizeof opts[0]; k++)
			known = arg_value(argc, argv, &i, opts[k].name, opts[k].value, &missing);
		if (missing)
			return cli_usage_error("fee calc", _("option '%s' needs a value"), argv[i]);
		if (!known)
			return cli_usage_error("fee calc", _("unknown option '%s'"), argv[i]);
	}
	if (!a->category)
		return cli_usage_error("fee calc", "%s", _("--category is required"));
	if (!a->period)
		return cli_usage_error("fee calc", "%s", _("--period is required"));
	return EXIT_OK;
}

/* An option that the category needs or does not take: the command line's
 * shape is wrong (exit 2); the core table says which. */
static int check_shape(const struct calc_args *a, enum income_category c)
{
	unsigned in = fee_category_inputs(&fee_rules_default, c);
	const struct {
		unsigned flag;
		const char *option;
		bool given, required;
	} shape[] = {
		{ FEE_IN_BASE, "--base", a->base != NULL, true },
		{ FEE_IN_REGION, "--region", a->region != NULL, true },
		{ FEE_IN_COUNTRY_GROUP, "--country-group", a->group != NULL, true },
		{ FEE_IN_RETIREMENT, "--past-retirement-age", a->retired, false },
	};
	const char *name = vocab_name(&vocab_income_categories, (int)c);
	size_t k;

	for (k = 0; k < sizeof shape / sizeof shape[0]; k++) {
		if (shape[k].given && !(in & shape[k].flag))
			return cli_usage_error("fee calc", _("category '%s' does not take %s"),
					       name, shape[k].option);
		if (!shape[k].given && shape[k].required && (in & shape[k].flag))
			return cli_usage_error("fee calc", _("category '%s' needs %s"), name,
					       shape[k].option);
	}
	return EXIT_OK;
}

/* A whole number 1..999 ("30", "2"), or -1. */
static int small_number(const char *s)
{
	char *end;
	long v;

	if (!s || *s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	return *end || v < 1 || v > 999 ? -1 : (int)v;
}

/* The member and period from the values; refusals print and give 1. */
static int read_values(const struct calc_args *a, struct fee_member *m, struct period *p,
		       struct fee_rules *rules, struct tthc_err *err)
{
	if (period_parse(a->period, p, err) ||
	    (a->base && fee_amount_parse(a->base, &m->base, err)) ||
	    (a->region && fee_region_parse(a->region, &m->region, err)) ||
	    (a->rounding && fee_rounding_parse(a->rounding, &rules->rounding, err)))
		return -1;
	if (a->group && (m->country_group = small_number(a->group)) < 0)
		return tthc_fail(err, TTHC_E_INVALID, "country_group",
				 _("'%s' is not a country group number"), a->group);
	if (a->exempt) {
		int reason = vocab_find(&vocab_exemptions, a->exempt);

		if (reason < 0)
			return tthc_fail(err, TTHC_E_INVALID, "exempt",
					 _("unknown exemption reason '%s'"), a->exempt);
		m->exempt = true;
		m->exempt_reason = (enum exemption)reason;
	}
	if (a->reduction) {
		/* A decision for this month; its other months do not change it. */
		m->reduction.percent = small_number(a->reduction);
		m->reduction.from = m->reduction.until = *p;
		if (!fee_reduction_percent_allowed(m->reduction.percent))
			return tthc_fail(err, TTHC_E_INVALID, "reduction",
					 _("reduction '%s' is not 30, 50 or 70"), a->reduction);
	}
	m->past_retirement_age = a->retired;
	return 0;
}

static int fee_calc(int argc, char **argv)
{
	struct calc_args a = { 0 };
	struct fee_member m = { 0 };
	struct fee_rules rules = fee_rules_default;
	struct tthc_err err;
	struct buf explain = BUF_INIT;
	struct period p;
	int64_t amount;
	int rc, c;

	if (argc > 1 && arg_is_help(argv[1])) {
		calc_help(stdout);
		return EXIT_OK;
	}
	rc = parse_calc_args(argc, argv, &a);
	if (rc != EXIT_OK)
		return rc;
	c = vocab_find(&vocab_income_categories, a.category);
	if (c < 0) {
		cli_error(_("unknown income category '%s' (salary, allowance, pension, student, "
			    "abroad-state, abroad-other, no-bhxh)"), a.category);
		return EXIT_BAD_INPUT;
	}
	m.category = (enum income_category)c;
	rc = check_shape(&a, m.category);
	if (rc != EXIT_OK)
		return rc;
	if (read_values(&a, &m, &p, &rules, &err) ||
	    fee_monthly_amount(&rules, &m, p, &amount, &explain, &err)) {
		buf_free(&explain);
		cli_error_err(&err);
		return EXIT_BAD_INPUT;
	}
	if (buf_failed(&explain)) {
		buf_free(&explain);
		cli_error("%s", _("out of memory"));
		return EXIT_BAD_INPUT;
	}
	cli_print(stdout, explain.data);
	printf("%" PRId64 "\n", amount);
	buf_free(&explain);
	return EXIT_OK;
}

static void fee_help(FILE *f)
{
	cli_print(f, _("Usage: tthc fee SUBCOMMAND [OPTIONS]\n"
		       "Party fees.\n\n"
		       "Subcommands:\n"
		       "  calc      the monthly fee of one member, with the rule applied\n\n"
		       "'tthc fee calc --help' describes the options.\n"));
}

int cmd_fee(int argc, char **argv)
{
	if (argc < 2) {
		fee_help(stderr);
		return EXIT_USAGE;
	}
	if (arg_is_help(argv[1])) {
		fee_help(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "calc"))
		return fee_calc(argc - 1, argv + 1);
	return cli_usage_error("fee", _("unknown fee subcommand '%s'"), argv[1]);
}
