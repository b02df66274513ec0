/* The client's sync through a real tthcd over HTTPS (issue 6, benchmarks):
 *
 *   pull: `tthc sync --pull-only` (build/tthc, a process of its own so that
 *   its peak RSS is its own) of 100,000 cases and 20,000 members into an
 *   empty store: time as a ratio to a bare SQLite loop inserting the same
 *   case rows (id, version, org, JSON; WAL, synchronous=FULL as the store
 *   runs) in the same number of transactions; bytes on the wire; peak RSS.
 *
 *   push: 1,000 queued actions (one `confirm` on each of 1,000 cases,
 *   decided with core/sync's sync_act) sent with a push job: the number of
 *   HTTP requests (goal: at most 2) and the time, as a ratio to a bare
 *   SQLite loop writing and deleting 1,000 rows of an action's size in two
 *   transactions (the least a client's outbox could do).
 *
 * The server runs in this process (libtthcd's http_start) on a directory
 * made by tthcd init and filled by bench/lib/province.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../server/http.h"
#include "../server/srv.h"
#include "lib/clock.h"
#include "lib/province.h"
#include "sync/sync.h"

#define NAME "bench_sync"
enum { PUSHED = 1000 };

static void die(const char *what, const struct tthc_err *e)
{
	prov_die(NAME, what, e);
}

static void sql(sqlite3 *db, const char *s)
{
	if (sqlite3_exec(db, s, NULL, NULL, NULL) != SQLITE_OK)
		die(sqlite3_errmsg(db), NULL);
}

/* The rows the pull brings, read before the clock starts. */
struct rows {
	char **id, **json;
	long long *version;
	size_t n;
};

static void read_cases(const char *server_db, struct rows *r)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	r->id = calloc(PROV_CASES, sizeof *r->id);
	r->json = calloc(PROV_CASES, sizeof *r->json);
	r->version = calloc(PROV_CASES, sizeof *r->version);
	if (!r->id || !r->json || !r->version || sqlite3_open(server_db, &db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT code, version, body FROM cases", -1, &st, NULL))
		die("read cases", NULL);
	for (r->n = 0; r->n < PROV_CASES && sqlite3_step(st) == SQLITE_ROW; r->n++) {
		r->id[r->n] = strdup((const char *)sqlite3_column_text(st, 0));
		r->version[r->n] = sqlite3_column_int64(st, 1);
		r->json[r->n] = strdup((const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* The baseline of the pull: the same rows, SYNC_PULL_LIMIT per transaction. */
static double bare_insert(const char *path, const struct rows *r)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	double t0;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		die("baseline", NULL);
	sql(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
		"CREATE TABLE cases(id TEXT PRIMARY KEY, version INTEGER NOT NULL, org TEXT,"
		" json TEXT NOT NULL)");
	if (sqlite3_prepare_v2(db, "INSERT INTO cases VALUES (?, ?, ?, ?)", -1, &st, NULL))
		die("baseline", NULL);
	t0 = bench_wall();
	for (size_t i = 0; i < r->n; i++) {
		if (i % SYNC_PULL_LIMIT == 0)
			sql(db, "BEGIN IMMEDIATE");
		sqlite3_bind_text(st, 1, r->id[i], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, r->version[i]);
		sqlite3_bind_text(st, 3, "cb1", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, r->json[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			die("baseline insert", NULL);
		sqlite3_reset(st);
		if (i % SYNC_PULL_LIMIT == SYNC_PULL_LIMIT - 1 || i + 1 == r->n)
			sql(db, "COMMIT");
	}
	t0 = bench_wall() - t0;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return t0;
}

/* The baseline of the push: 1,000 action-sized rows written, then deleted. */
static double bare_outbox(const char *path)
{
	char payload[300];
	sqlite3 *db;
	sqlite3_stmt *st;
	double t0;

	memset(payload, 'x', sizeof payload - 1);
	payload[sizeof payload - 1] = '\0';
	if (sqlite3_open(path, &db) != SQLITE_OK)
		die("baseline", NULL);
	sql(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
		"CREATE TABLE outbox(seq INTEGER PRIMARY KEY, id TEXT UNIQUE, payload TEXT)");
	if (sqlite3_prepare_v2(db, "INSERT INTO outbox(id, payload) VALUES (?, ?)", -1, &st,
			       NULL))
		die("baseline", NULL);
	t0 = bench_wall();
	sql(db, "BEGIN IMMEDIATE");
	for (int i = 0; i < PUSHED; i++) {
		char id[40];

		snprintf(id, sizeof id, "6f1c0a52-3a8e-4f51-9d7e-%012d", i);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, payload, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			die("baseline insert", NULL);
		sqlite3_reset(st);
	}
	sql(db, "COMMIT; BEGIN IMMEDIATE; DELETE FROM outbox; COMMIT");
	t0 = bench_wall() - t0;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return t0;
}

/* Run a tthc command line through sh; its summary line in out. */
static void tthc(const char *args, const char *input, char *out, size_t size)
{
	char cmd[512];
	FILE *p;

	snprintf(cmd, sizeof cmd, "build/tthc %s", args);
	p = popen(cmd, input ? "w" : "r");
	if (!p)
		die(cmd, NULL);
	if (input)
		fputs(input, p);
	else if (!fgets(out, (int)size, p))
		out[0] = '\0';
	if (pclose(p) != 0)
		die(cmd, NULL);
}

static void push(const char *url, const char *ca)
{
	struct net_options o = { .base_url = url, .ca_file = ca, .timeout_ms = 600000 };
	const char *cases[PUSHED];
	char ids[PUSHED][16];
	struct sync_act a = { .action = "confirm", .cases = cases, .n_cases = PUSHED,
			      .now = (int64_t)time(NULL) };
	struct sync_act_outcome out;
	struct sync_report rep;
	struct sync_client *c;
	struct sync_job *j;
	struct tthc_err e;
	double t, base;

	for (int i = 0; i < PUSHED; i++) {
		snprintf(ids[i], sizeof ids[i], "c%d", i);
		cases[i] = ids[i];
	}
	if (!(c = sync_client_open(&o, "admin", &e)) || sync_act(c, &a, &out, &e) < 0)
		die("queue", &e);
	if (out.refused)
		die(out.reasons[0].message, NULL);
	sync_act_outcome_free(&out);
	if (!(j = sync_job_new(c, SYNC_PUSH, NULL, &e)))
		die("push", &e);
	t = bench_wall();
	if (sync_job_run(j, &rep, &e) < 0)
		die("push", &e);
	t = bench_wall() - t;
	sync_job_free(j);
	sync_client_close(c);
	base = bare_outbox("bench-outbox.db");
	printf("push of %d queued actions: %zu applied, %zu HTTP requests (goal <= 2), %.2f s\n",
	       PUSHED, rep.push.applied, rep.requests, t);
	printf("baseline: bare SQLite writing and deleting %d action rows: %.3f s\n", PUSHED,
	       base);
	printf("ratio push / bare outbox loop: %.1f\n", t / base);
}

int main(void)
{
	char tmp[] = "/tmp/tthc-bench-sync.XXXXXX", dir[64], ca[96], rc[96], data[96], url[64],
	     line[512], server_db[96], base_db[96];
	struct http_opts opts = HTTP_OPTS_DEFAULT;
	struct http_server *h;
	struct rows rows = { 0 };
	struct rusage ru;
	struct tthc_err e;
	struct srv s;
	unsigned port;
	double pull, base;
	FILE *f;

	setenv("TTHCD_HASH_COST", "min", 1);    /* logins are not what is measured */
	setenv("LANGUAGE", "en", 1);            /* the summary line is read */
	if (!mkdtemp(tmp))
		die("mkdtemp", NULL);
	snprintf(dir, sizeof dir, "%s/d", tmp);
	snprintf(ca, sizeof ca, "%s/ca.pem", dir);
	snprintf(rc, sizeof rc, "%s/tthcrc", tmp);
	snprintf(data, sizeof data, "%s/data", tmp);
	snprintf(server_db, sizeof server_db, "%s/tthcd.db", dir);
	snprintf(base_db, sizeof base_db, "%s/base.db", tmp);
	prov_init_dir(dir);
	if (srv_open(&s, dir, &e) < 0)
		die("open", &e);
	prov_seed_orgs(s.db);
	prov_seed_members(s.db);
	prov_seed_cases(s.db, "paid");
	read_cases(server_db, &rows);
	/* Confirming a payment is the finance officer's (QĐ 01): the admin
	 * gets that role over the whole province too. */
	{
		struct db_tx *tx;

		if (db_begin(s.db, DB_WRITE, &tx, &e) < 0 ||
		    db_exec(tx, "INSERT INTO account_roles VALUES (1, 'finance', "
				"(SELECT id FROM orgs WHERE code = 'province'))", &e) < 0 ||
		    db_commit(tx, &e) < 0)
			die("grant", &e);
	}
	opts.listen = "127.0.0.1:0";
	opts.quiet = true;
	if (http_start(&s, &opts, &h, &port, &e) < 0)
		die("serve", &e);
	snprintf(url, sizeof url, "https://127.0.0.1:%u", port);
	f = fopen(rc, "w");
	if (!f)
		die(rc, NULL);
	fprintf(f, "set server \"%s\"\nset user admin\nset ca-file \"%s\"\nset timeout 10m\n",
		url, ca);
	fclose(f);
	setenv("TTHC_CONFIG", rc, 1);
	setenv("XDG_DATA_HOME", data, 1);

	tthc("login --password-stdin", PROV_PASSWORD "\n", NULL, 0);
	pull = bench_wall();
	tthc("sync --pull-only", NULL, line, sizeof line);
	pull = bench_wall() - pull;
	getrusage(RUSAGE_CHILDREN, &ru);
	base = bare_insert(base_db, &rows);
	printf("pull into an empty store (build/tthc sync --pull-only): %.2f s\n  %s", pull, line);
	printf("client peak RSS: %.1f MiB\n", ru.ru_maxrss / 1024.0);
	printf("baseline: bare SQLite loop inserting the %zu case rows in transactions of %d: "
	       "%.2f s\n", rows.n, SYNC_PULL_LIMIT, base);
	printf("ratio bare loop / pull: %.2f (goal >= 0.5; the pull also brings %d members)\n",
	       base / pull, PROV_MEMBERS);

	if (chdir(tmp) == 0) {
		push(url, ca);
		if (chdir("/") != 0)
			die("chdir", NULL);
	}
	for (size_t i = 0; i < rows.n; i++) {
		free(rows.id[i]);
		free(rows.json[i]);
	}
	free(rows.id);
	free(rows.json);
	free(rows.version);
	http_stop(h);
	srv_close(&s);
	snprintf(line, sizeof line, "rm -rf '%s'", tmp);
	if (system(line) != 0)
		die("rm", NULL);
	return 0;
}
