/* tthcd seed: a synthetic province in a directory fresh from tthcd init. */
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "password.h"
#include "seed.h"
#include "util/i18n.h"

static void usage(FILE *f)
{
	fprintf(f, _("Usage: tthcd seed --dir DIR --members N [--seed S] [--today YYYY-MM-DD]\n"
		     "                  [--password-stdin]\n"
		     "Fill DIR (fresh from 'tthcd init') with a synthetic province: communes and\n"
		     "wards, agencies, their branches, N members with Vietnamese names, fees from\n"
		     "08/2026 to the month of --today (default: today in Vietnam), open cases of\n"
		     "the four procedures and demo accounts for every role.  The same seed, N and\n"
		     "day give the same data.  Every demo account gets the password %s, or the\n"
		     "line read from standard input with --password-stdin.\n"),
		SEED_DEMO_PASSWORD);
}

static int parse_count(const char *s, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > max)
		return -1;
	*out = v;
	return 0;
}

static int parse_seed(const char *s, uint64_t *out)
{
	char *end;

	errno = 0;
	if (*s < '0' || *s > '9')
		return -1;
	*out = strtoull(s, &end, 10);
	return errno || *end ? -1 : 0;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct date today_in_vietnam(void)
{
	return instant_local_date((int64_t)time(NULL), NULL);
}

static void print_result(const struct seed_result *r, const char *password, double secs,
			 long members)
{
	char procs[256] = "";
	size_t used = 0;
	int i;

	for (i = 0; i < PROC_COUNT; i++)
		used += (size_t)snprintf(procs + used, sizeof procs - used, "%s%s %ld",
					 i ? ", " : "", vocab_name(&vocab_procedures, i),
					 r->cases[i]);
	printf(_("seeded %ld members in %.1f s (%.0f members/s, %ld transaction)\n"), members,
	       secs, secs > 0 ? members / secs : 0.0, r->transactions);
	printf(_("organisations: %ld base committees (%ld communes and wards), "
		 "%ld sub-committees, %ld base branches, %ld sub-branches\n"),
	       r->orgs[ORG_BASE_COMMITTEE], r->communes, r->orgs[ORG_SUB_COMMITTEE],
	       r->orgs[ORG_BASE_BRANCH], r->orgs[ORG_SUB_BRANCH]);
	printf(_("members: %ld exempt, %ld with a reduction, %ld owing a past month\n"),
	       r->exempt, r->reduced, r->arrears);
	printf(_("fees: %ld fee periods, %ld payments, %ld bank accounts\n"), r->fee_periods,
	       r->payments, r->bank_accounts);
	printf(_("cases: %s\n"), procs);
	printf(_("\ndemo accounts (%d):\n"), r->n_accounts);
	for (i = 0; i < r->n_accounts; i++)
		printf("  %-30s %-17s %s (%s)\n", r->accounts[i].name,
		       vocab_name(&vocab_roles, (int)r->accounts[i].role), r->accounts[i].org,
		       r->accounts[i].org_name);
	printf(_("demo password for every account: %s\n"), password);
}

int cmd_seed(int argc, char **argv)
{
	const char *dir = NULL, *members_s = NULL, *seed_s = "1", *today_s = NULL;
	bool from_stdin = false, generated;
	char password[PW_MAX_LEN + 2] = SEED_DEMO_PASSWORD, who_buf[80];
	struct actor who = cmd_actor(who_buf, sizeof who_buf);
	struct seed_opts o = { .password = password };
	struct seed_result *r;
	struct tthc_err e = { 0 };
	struct srv s;
	double t0;
	int rc;

	if ((rc = cmd_options(argc, argv, "seed", (const struct cmd_opt[]){
		     CMD_VALUE("dir", &dir), CMD_VALUE("members", &members_s),
		     CMD_VALUE("seed", &seed_s), CMD_VALUE("today", &today_s),
		     CMD_FLAG("password-stdin", &from_stdin), CMD_END }, usage)) >= 0)
		return rc;
	if (!dir || !members_s)
		return cmd_usage("seed", _("--dir and --members are required"));
	if (parse_count(members_s, SEED_MEMBERS_MAX, &o.members) < 0)
		return cmd_usage("seed", _("--members must be a whole number from 1 to %ld"),
				 SEED_MEMBERS_MAX);
	if (parse_seed(seed_s, &o.seed) < 0)
		return cmd_usage("seed", _("--seed must be a whole number (64 bits)"));
	if (today_s && date_parse(today_s, &o.today, &e) < 0)
		return cmd_usage("seed", _("--today: %s"), e.msg);
	if (!today_s)
		o.today = today_in_vietnam();
	/* A password on stdin must be a real line; a terminal is never read. */
	if (from_stdin && (isatty(STDIN_FILENO)
			   ? tthc_fail(&e, TTHC_E_MISSING, "stdin",
				       _("--password-stdin needs the password on standard input"))
			   : cmd_password(password, sizeof password, &generated, &e)) < 0)
		return cmd_fail(&e);
	o.progress = isatty(STDERR_FILENO) ? stderr : NULL;
	if (!(r = calloc(1, sizeof *r))) {
		tthc_fail(&e, TTHC_E_NOMEM, "seed", _("out of memory"));
		return cmd_fail(&e);
	}
	if (srv_open(&s, dir, &e) < 0) {
		free(r);
		return cmd_fail(&e);
	}
	t0 = seconds();
	rc = seed_run(&s, &who, &o, r, &e);
	srv_close(&s);
	if (rc == 0)
		print_result(r, password, seconds() - t0, o.members);
	sodium_memzero(password, sizeof password);
	free(r);
	return rc < 0 ? cmd_fail(&e) : 0;
}
