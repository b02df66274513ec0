/* A server directory filled for the sync benchmarks (bench_pull, bench_sync):
 * made by tthcd init, then 10 communes, 100 branches, 20,000 members and
 * 100,000 fee cases written through server/rows.h in transactions of 1000,
 * as action batches would write them. */
#ifndef TTHC_BENCH_PROVINCE_H
#define TTHC_BENCH_PROVINCE_H

#include <stdio.h>

#include "../server/db.h"
#include "util/err.h"

enum { PROV_CASES = 100000, PROV_MEMBERS = 20000, PROV_COMMUNES = 10, PROV_BRANCHES = 100,
       PROV_BATCH = 1000 };

/* The password of the admin account that tthcd init makes (account 1). */
#define PROV_PASSWORD "bench-password-1"

/* "NAME: what: where: message" on stderr, then exit(1). */
void prov_die(const char *name, const char *what, const struct tthc_err *e);

/* tthcd init into dir, its password on a pipe and its report silenced. */
void prov_init_dir(const char *dir);
void prov_seed_orgs(struct db *db);
void prov_seed_members(struct db *db);
/* PROV_CASES fee cases of 2026-08 in the given state, each in its member's
 * branch (case "cN", member "m(N mod PROV_MEMBERS)"); the seconds it took. */
double prov_seed_cases(struct db *db, const char *state);

#endif
