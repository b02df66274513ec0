/* tthcd seed: a synthetic province for demos, training and benchmarks
 * (DESIGN.md section 4; issue 5, "The synthetic province").  Nothing in it
 * comes from a real person: names from core/demo/names, places from
 * server/seed_places.
 *
 * Deterministic: the same seed, member count and day give the same rows,
 * byte for byte, in every table of the domain (members, cases, case_orgs,
 * fee_periods, payments, bank_accounts, changes), in the organisations'
 * codes, names and types and in the accounts' names and roles.  What
 * differs between two runs is only what must: password hashes (salted),
 * the audit log's timestamps, hashes and signatures (another directory's
 * key), and the creation times of organisations and accounts.
 *
 * The whole province is written in ONE transaction, so a seed either
 * happens or leaves the directory as it was; a directory that already has
 * members or more than its root organisation is refused. */
#ifndef TTHCD_SEED_H
#define TTHCD_SEED_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "model/vocab.h"
#include "srv.h"
#include "util/date.h"

/* The largest --members: card numbers have six digits per province. */
#define SEED_MEMBERS_MAX 999999L

/* The documented demo password (README.md, tthcd(8)). */
#define SEED_DEMO_PASSWORD "tthc-demo-2026"

struct seed_opts {
	uint64_t seed;
	long members;
	struct date today;      /* the seed's "today" (Vietnam): fees run to its month */
	const char *password;   /* for every demo account */
	FILE *progress;         /* progress lines go here; NULL for none */
};

/* One demo account, for the table printed at the end. */
struct seed_account {
	char name[64];
	enum role role;
	char org[64];
	char org_name[160];
};

#define SEED_ACCOUNTS_MAX 48

struct seed_result {
	long orgs[ORG_TYPE_COUNT];
	long communes;          /* base committees of a xã or phường */
	long members;
	long exempt, reduced;
	long fee_periods, payments, arrears;    /* arrears: members owing a past month */
	long bank_accounts;
	long cases[PROC_COUNT];
	long transactions;
	struct seed_account accounts[SEED_ACCOUNTS_MAX];
	int n_accounts;
};

/* Seed the open server s.  who is recorded in the audit log. */
int seed_run(struct srv *s, const struct actor *who, const struct seed_opts *o,
	     struct seed_result *out, struct tthc_err *e);

#endif
