/* How much the shared rules cost per action, at the month-end peak where a
 * secretary confirms hundreds of fee records at once.  Figures are ratios
 * to a baseline measured in the same run: parsing and freeing one action's
 * JSON payload with cJSON, work every action costs the server anyway. */
#include <stdio.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "proc/proc.h"
#include "lib/clock.h"

enum { ROUNDS = 200000 };

static const char payload_text[] =
	"{\"amount\":80000,\"paid_on\":\"2026-11-20\",\"method\":\"cash\"}";

static bool within(void *ctx, long ancestor, long org)
{
	(void)ctx;
	return ancestor == org || ancestor == 1;
}

static double baseline(void)
{
	double t0 = (bench_wall() * 1e9);
	int i;

	for (i = 0; i < ROUNDS; i++)
		cJSON_Delete(cJSON_Parse(payload_text));
	return ((bench_wall() * 1e9) - t0) / ROUNDS;
}

/* The finance officer records a cash payment for the member: delegation,
 * three fields and the period guard, all checked. */
static double decide_pay(void)
{
	struct proc_grant g = { ROLE_FINANCE, 10 };
	struct proc_actor a = { 7, 0, &g, 1 };
	struct proc_case c = { .proc = PROC_FEE, .state = 0, .member_id = 500,
			       .period = { 2026, 10 } };
	cJSON *payload = cJSON_Parse(payload_text);
	struct proc_request req = { .action = "pay", .on_behalf_of = 500, .payload = payload,
				    .now = 1795658400 };
	struct proc_verdict v;
	double t0;
	int i, allowed = 0;

	c.org[REL_OWN] = 10;
	t0 = (bench_wall() * 1e9);
	for (i = 0; i < ROUNDS; i++)
		allowed += proc_decide(&a, &c, &req, within, NULL, &v) == PROC_ALLOWED;
	t0 = ((bench_wall() * 1e9) - t0) / ROUNDS;
	cJSON_Delete(payload);
	if (allowed != ROUNDS)
		fprintf(stderr, "bench_proc: %d of %d refused\n", ROUNDS - allowed, ROUNDS);
	return t0;
}

/* The time left on an incomplete-dossier notice, shown for every row of a
 * list: the clock walks the days from receipt to now. */
static double time_left(void)
{
	int64_t received = 1795658400 - 3 * 86400, left, sum = 0;
	double t0 = (bench_wall() * 1e9);
	int i;

	for (i = 0; i < ROUNDS; i++) {
		proc_notice_time_left(received + i % 3600, 1795658400, NULL, &left, NULL);
		sum += left;
	}
	t0 = ((bench_wall() * 1e9) - t0) / ROUNDS;
	if (sum == 42)
		puts("");   /* keeps the loop from being optimised away */
	return t0;
}

int main(void)
{
	double base = baseline(), pay = decide_pay(), left = time_left();

	printf("baseline: cJSON parse+free of a pay payload  %8.0f ns/action  1.00x\n", base);
	printf("proc_decide (pay on behalf, all checks)      %8.0f ns/action  %.2fx\n", pay,
	       pay / base);
	printf("proc_notice_time_left (3 days back)          %8.0f ns/row     %.2fx\n", left,
	       left / base);
	return 0;
}
