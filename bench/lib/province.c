/* The province of the sync benchmarks (province.h). */
#include "province.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "../server/cmd.h"
#include "../server/rows.h"
#include "util/buf.h"

void prov_die(const char *name, const char *what, const struct tthc_err *e)
{
	fprintf(stderr, "%s: %s: %s: %s\n", name, what,
		e ? e->where : "", e ? e->msg : "");
	exit(1);
}

void prov_init_dir(const char *dir)
{
	char *argv[] = { "init", "--dir", (char *)dir, NULL };
	int in[2], saved_in = dup(0), saved_out = dup(1);
	FILE *null = fopen("/dev/null", "w");

	if (pipe(in) < 0 || !null || write(in[1], PROV_PASSWORD "\n", sizeof PROV_PASSWORD) < 0)
		prov_die("province", "pipe", NULL);
	close(in[1]);
	fflush(stdout);
	dup2(in[0], 0);
	dup2(fileno(null), 1);
	if (cmd_init(3, argv) != 0)
		prov_die("province", "tthcd init", NULL);
	fflush(stdout);
	dup2(saved_in, 0);
	dup2(saved_out, 1);
	close(in[0]);
	close(saved_in);
	close(saved_out);
	fclose(null);
}

void prov_seed_orgs(struct db *db)
{
	struct buf sql = BUF_INIT;
	struct tthc_err e;
	struct db_tx *tx;
	int i;

	buf_puts(&sql, "INSERT INTO orgs (code, name, type, parent_id, created_at, commune) "
		 "VALUES ");
	for (i = 0; i < PROV_COMMUNES; i++)
		buf_printf(&sql, "%s('xa%d', 'Đảng bộ xã %d', 'base-committee', "
			   "(SELECT id FROM orgs WHERE code = 'province'), 0, 1)", i ? "," : "", i,
			   i);
	buf_puts(&sql, ";INSERT INTO orgs (code, name, type, parent_id, created_at) VALUES ");
	for (i = 0; i < PROV_BRANCHES; i++)
		buf_printf(&sql, "%s('cb%d', 'Chi bộ thôn %d', 'sub-branch', "
			   "(SELECT id FROM orgs WHERE code = 'xa%d'), 0)", i ? "," : "", i, i,
			   i % PROV_COMMUNES);
	if (db_begin(db, DB_WRITE, &tx, &e) < 0 || db_exec(tx, sql.data, &e) < 0 ||
	    db_commit(tx, &e) < 0)
		prov_die("province", "orgs", &e);
	buf_free(&sql);
}

static const char *const names[] = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
				     "Phạm Thị Dung", "Hoàng Văn Đức", "Vũ Thị Hạnh" };

void prov_seed_members(struct db *db)
{
	char id[16], org[16];
	struct model_member m = { .id = id, .card_number = id, .org = org,
				  .birth_date = { 1980, 5, 17 }, .joined = { 2005, 3, 2 },
				  .category = INCOME_STUDENT };
	struct tthc_err e;
	struct db_tx *tx = NULL;
	int i;

	for (i = 0; i < PROV_MEMBERS; i++) {
		if (i % PROV_BATCH == 0 && db_begin(db, DB_WRITE, &tx, &e) < 0)
			prov_die("province", "begin", &e);
		snprintf(id, sizeof id, "m%d", i);
		snprintf(org, sizeof org, "cb%d", i % PROV_BRANCHES);
		m.name = (char *)names[i % 6];
		if (rows_put_member(tx, &m, srv_now(), NULL, &e) < 0)
			prov_die("province", "member", &e);
		if (i % PROV_BATCH == PROV_BATCH - 1 && db_commit(tx, &e) < 0)
			prov_die("province", "commit", &e);
	}
}

double prov_seed_cases(struct db *db, const char *state)
{
	char id[16], member[16], org[16];
	struct model_case_org o = { .relation = "own", .org = org };
	struct model_case c = { .id = id, .procedure = PROC_FEE, .state = (char *)state,
				.member = member, .orgs = &o, .n_orgs = 1 };
	struct tthc_err e;
	struct db_tx *tx = NULL;
	double t0 = bench_wall();
	int i;

	c.fields = cJSON_Parse("{\"period\":\"2026-08\",\"amount\":80000}");
	for (i = 0; i < PROV_CASES; i++) {
		if (i % PROV_BATCH == 0 && db_begin(db, DB_WRITE, &tx, &e) < 0)
			prov_die("province", "begin", &e);
		snprintf(id, sizeof id, "c%d", i);
		snprintf(member, sizeof member, "m%d", i % PROV_MEMBERS);
		snprintf(org, sizeof org, "cb%d", i % PROV_MEMBERS % PROV_BRANCHES);
		c.created_at = 0;
		if (rows_put_case(tx, &c, 0, srv_now(), &e) < 0)
			prov_die("province", "case", &e);
		if (i % PROV_BATCH == PROV_BATCH - 1 && db_commit(tx, &e) < 0)
			prov_die("province", "commit", &e);
	}
	cJSON_Delete(c.fields);
	return bench_wall() - t0;
}

