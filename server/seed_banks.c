/* The bank accounts fees are paid into (DESIGN.md section 4, "bank accounts
 * of organisations"): one for the province, each base committee and each
 * chi bộ cơ sở, the organisations that remit fees up the tree.  The banks
 * are the state-owned commercial banks where such accounts are commonly
 * kept; the numbers are drawn, and so belong to nobody. */
#include <stdio.h>

#include "rows.h"
#include "seed_impl.h"

static const char *const banks[] = {
	"Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam (Agribank)",
	"Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)",
	"Ngân hàng TMCP Công Thương Việt Nam (VietinBank)",
	"Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)",
};

int seed_banks_write(struct seed_ctx *c, struct tthc_err *e)
{
	size_t i;

	for (i = 0; i < c->plan.n; i++) {
		struct seed_org *o = &c->plan.orgs[i];
		char id[96], number[24];
		struct rng r;

		if (o->type != ORG_PROVINCE && o->type != ORG_BASE_COMMITTEE &&
		    o->type != ORG_BASE_BRANCH)
			continue;
		seed_rng(c, STREAM_BANKS, (uint64_t)i, &r);
		snprintf(id, sizeof id, "bank.%s", o->code);
		/* 13 digits, a common length of account numbers there. */
		snprintf(number, sizeof number, "%04u%09u", 1000 + rng_below(&r, 9000),
			 rng_below(&r, 1000000000));
		if (rows_put_bank_account(c->tx, &(struct model_bank_account){
			    .id = id, .org = o->code, .bank = (char *)banks[rng_below(&r, 4)],
			    .number = number, .holder = o->name }, c->now, NULL, e) < 0)
			return -1;
		c->res->bank_accounts++;
	}
	return 0;
}
