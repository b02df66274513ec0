/* The local store's write paths (issue 6, benchmarks): applying 100,000
 * cases pulled in pages of 1,000 (decode, folded name and collation key,
 * version check, markers, cursor: one transaction a page) against a bare
 * SQLite loop inserting the same rows (id, version, org, JSON) into a table
 * with only its primary key, in the same number of transactions with the
 * same pragmas (WAL, synchronous=FULL).  Goal: bare / store >= 0.5.  Then
 * queuing 1,000 actions, one transaction each and as one batch, against a
 * bare loop of 1,000 one-row transactions.  Real files under $TMPDIR.
 * The machine is shared: each side runs ROUNDS times, interleaved, and the
 * best round counts, in wall time (fsync included) and in CPU time. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "demo/names.h"
#include "model/changes.h"
#include "store/cache.h"
#include "store/outbox.h"
#include "util/buf.h"
#include "lib/clock.h"

#define CASES 100000
#define PAGE 1000
#define MEMBERS 5000
#define ACTIONS 1000
#define ROUNDS 2

struct timing {
	double wall, cpu;
};

static struct timing now(void)
{
	return (struct timing){ bench_clock(CLOCK_MONOTONIC), bench_clock(CLOCK_PROCESS_CPUTIME_ID) };
}

static struct timing since(struct timing t0)
{
	struct timing t = now();

	return (struct timing){ t.wall - t0.wall, t.cpu - t0.cpu };
}

static void best(struct timing *b, struct timing t)
{
	if (b->wall == 0 || t.wall < b->wall)
		b->wall = t.wall;
	if (b->cpu == 0 || t.cpu < b->cpu)
		b->cpu = t.cpu;
}

static void die(const char *what, const struct tthc_err *err)
{
	fprintf(stderr, "bench_store: %s: %s: %s\n", what, err ? err->where : "",
		err ? err->msg : "failed");
	exit(1);
}

static char *case_row(int i)
{
	char *j;

	if (asprintf(&j, "{\"id\":\"c-%d\",\"procedure\":\"official-transfer\","
		     "\"state\":\"submitted\",\"version\":1,\"member\":\"m-%d\","
		     "\"orgs\":[{\"relation\":\"sending\",\"org\":\"o-%d\"},{\"relation\":"
		     "\"receiving\",\"org\":\"o-%d\"}],\"fields\":{\"reason\":\"Chuyển công tác\","
		     "\"decision_date\":\"2026-11-02\"},\"created_at\":\"2026-11-20T01:00:00Z\","
		     "\"updated_at\":\"2026-11-21T02:30:00Z\",\"deadlines\":[{\"name\":\"notice\","
		     "\"due\":\"2026-11-21T09:30:00Z\"}]}",
		     i, i % MEMBERS, i % 97, i % 89) < 0)
		die("asprintf", NULL);
	return j;
}

/* A page document of rows [first, first + n), decoded as the client
 * would receive it. */
static void make_page(struct model_changes_page *page, int first, int n, bool members,
		      struct rng *rng)
{
	struct json_limits lim = { 64u << 20, 32 };
	struct buf b = BUF_INIT;
	struct tthc_err err = { 0 };
	cJSON *j;

	buf_puts(&b, "{\"changes\":[");
	for (int i = first; i < first + n; i++) {
		char *row;

		if (members) {
			struct demo_name nm;
			char name[DEMO_NAME_MAX];

			demo_name_draw(rng, &nm);
			demo_name_format(&nm, name, sizeof name);
			if (asprintf(&row, "{\"id\":\"m-%d\",\"card_number\":\"2801%04d\","
				     "\"name\":\"%s\",\"birth_date\":\"1980-05-17\",\"sex\":\"%s\","
				     "\"org\":\"o-%d\",\"joined\":\"2005-03-02\",\"category\":"
				     "\"pension\",\"base\":4000000}", i, i, name,
				     nm.sex == DEMO_MALE ? "male" : "female", i % 97) < 0)
				die("asprintf", NULL);
		} else {
			row = case_row(i);
		}
		buf_printf(&b, "%s{\"kind\":\"%s\",\"id\":\"%c-%d\",\"version\":1,"
			   "\"tombstone\":false,\"row\":%s}", i > first ? "," : "",
			   members ? "member" : "case", members ? 'm' : 'c', i, row);
		free(row);
	}
	buf_printf(&b, "],\"next\":\"k-%d\",\"more\":%s}", first + n,
		   members || first + n < CASES ? "true" : "false");
	if (buf_failed(&b))
		die("page", NULL);
	j = json_parse(b.data, b.len, &lim, &err);
	if (!j || model_changes_page_decode(j, JSON_TOLERANT, page, &err) < 0)
		die("page", &err);
	cJSON_Delete(j);
	buf_free(&b);
}

static struct timing store_pull(const char *path, struct model_changes_page *pages,
			        int n_pages)
{
	struct tthc_err err = { 0 };
	struct store *st = store_open_path(path, &err);
	struct model_changes_page members;
	struct rng rng;
	struct timing t;

	if (!st)
		die("open", &err);
	rng_seed(&rng, 2026);
	make_page(&members, 0, MEMBERS, true, &rng);
	if (store_apply_page(st, &members, &err) < 0)
		die("members", &err);
	model_changes_page_free(&members);
	t = now();
	for (int p = 0; p < n_pages; p++)
		if (store_apply_page(st, &pages[p], &err) < 0)
			die("apply", &err);
	t = since(t);
	store_close(st);
	return t;
}

static sqlite3 *bare_open(const char *path)
{
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
			 "CREATE TABLE t(id TEXT PRIMARY KEY, version INTEGER, org TEXT,"
			 " json TEXT)", NULL, NULL, NULL) != SQLITE_OK)
		die("bare open", NULL);
	return db;
}

/* The baseline: the rows' JSON printed beforehand, so that the loop does
 * nothing but SQLite's own work. */
static struct timing bare_pull(const char *path, struct model_changes_page *pages,
			       int n_pages)
{
	sqlite3 *db = bare_open(path);
	sqlite3_stmt *s;
	char **json = malloc(sizeof *json * (size_t)n_pages * PAGE);
	struct timing t;

	for (int p = 0; p < n_pages; p++)
		for (size_t i = 0; i < pages[p].n_changes; i++)
			json[p * PAGE + i] = json_print(pages[p].changes[i].row);
	sqlite3_prepare_v2(db, "INSERT INTO t VALUES(?1, ?2, ?3, ?4)", -1, &s, NULL);
	t = now();
	for (int p = 0; p < n_pages; p++) {
		sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
		for (size_t i = 0; i < pages[p].n_changes; i++) {
			const struct model_change *c = &pages[p].changes[i];

			sqlite3_bind_text(s, 1, c->id, -1, SQLITE_STATIC);
			sqlite3_bind_int64(s, 2, c->version);
			sqlite3_bind_text(s, 3, "o-1", -1, SQLITE_STATIC);
			sqlite3_bind_text(s, 4, json[p * PAGE + i], -1, SQLITE_STATIC);
			if (sqlite3_step(s) != SQLITE_DONE)
				die("bare insert", NULL);
			sqlite3_reset(s);
		}
		if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			die("bare commit", NULL);
	}
	t = since(t);
	sqlite3_finalize(s);
	sqlite3_close(db);
	for (int i = 0; i < n_pages * PAGE; i++)
		free(json[i]);
	free(json);
	return t;
}

static struct timing store_queue(const char *path, bool one_batch)
{
	struct tthc_err err = { 0 };
	struct store *st = store_open_path(path, &err);
	struct store_new_action *a = calloc(ACTIONS, sizeof *a);
	char ids[ACTIONS][16];
	cJSON *payload = cJSON_Parse("{\"fixes\":[\"Thiếu bản tự kiểm điểm\"]}");
	struct timing t;

	if (!st || !a || !payload)
		die("queue setup", &err);
	for (int i = 0; i < ACTIONS; i++) {
		snprintf(ids[i], sizeof ids[i], "c-%d", i);
		a[i] = (struct store_new_action){
			.kind = "return-incomplete", .case_id = ids[i], .base_version = 1,
			.payload = payload, .client_time = 1795000000, .new_state = "returned",
		};
	}
	t = now();
	if (one_batch) {
		if (store_queue_actions(st, a, ACTIONS, NULL, &err) < 0)
			die("queue", &err);
	} else {
		for (int i = 0; i < ACTIONS; i++)
			if (store_queue_actions(st, &a[i], 1, NULL, &err) < 0)
				die("queue", &err);
	}
	t = since(t);
	cJSON_Delete(payload);
	free(a);
	store_close(st);
	return t;
}

static struct timing bare_queue(const char *path)
{
	sqlite3 *db = bare_open(path);
	sqlite3_stmt *s;
	char id[40];
	struct timing t;

	sqlite3_prepare_v2(db, "INSERT INTO t VALUES(?1, 1, 'c', ?2)", -1, &s, NULL);
	t = now();
	for (int i = 0; i < ACTIONS; i++) {
		snprintf(id, sizeof id, "a-%d", i);
		sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
		sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, "{\"fixes\":[\"Thiếu bản tự kiểm điểm\"]}", -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			die("bare queue", NULL);
		sqlite3_reset(s);
		if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			die("bare commit", NULL);
	}
	t = since(t);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return t;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)flag, (void)ftw;
	return remove(path);
}

/* A fresh file name for each round. */
static char *file(const char *dir, const char *name, int round)
{
	char *p;

	if (asprintf(&p, "%s/%s-%d.db", dir, name, round) < 0)
		die("asprintf", NULL);
	return p;
}

static void line(const char *what, struct timing t, struct timing base)
{
	printf("  %-34s %7.3f s wall %7.3f s CPU   ratio bare/this %5.2f wall %5.2f CPU\n",
	       what, t.wall, t.cpu, base.wall / t.wall, base.cpu / t.cpu);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");
	char dir[256];
	int n_pages = CASES / PAGE;
	struct model_changes_page *pages = calloc((size_t)n_pages, sizeof *pages);
	struct timing bare = { 0 }, store = { 0 }, bq = { 0 }, q1 = { 0 }, qb = { 0 };

	snprintf(dir, sizeof dir, "%s/bench-store-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!pages || !mkdtemp(dir))
		die("setup", NULL);
	for (int p = 0; p < n_pages; p++)
		make_page(&pages[p], p * PAGE, PAGE, false, NULL);
	for (int r = 0; r < ROUNDS; r++) {
		char *f[5] = { file(dir, "bare", r), file(dir, "store", r), file(dir, "bare-queue", r),
			       file(dir, "queue-each", r), file(dir, "queue-batch", r) };

		best(&bare, bare_pull(f[0], pages, n_pages));
		best(&store, store_pull(f[1], pages, n_pages));
		best(&bq, bare_queue(f[2]));
		best(&q1, store_queue(f[3], false));
		best(&qb, store_queue(f[4], true));
		for (int i = 0; i < 5; i++)
			free(f[i]);
	}
	printf("pull %d cases in %d pages of %d (WAL, synchronous=FULL), best of %d:\n",
	       CASES, n_pages, PAGE, ROUNDS);
	line("bare SQLite inserts", bare, bare);
	line("store_apply_page", store, bare);
	printf("  goal: ratio >= 0.5; store rows/s %.0f\n", CASES / store.wall);
	printf("queue %d actions, best of %d:\n", ACTIONS, ROUNDS);
	line("bare SQLite, one row a transaction", bq, bq);
	line("store, one action a transaction", q1, bq);
	line("store, all in one batch", qb, bq);
	for (int p = 0; p < n_pages; p++)
		model_changes_page_free(&pages[p]);
	free(pages);
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
