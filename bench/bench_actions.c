/* Issue 5: 10,000 actions applied in batches of 500, as actions per second
 * and as a ratio to a bare SQLite loop inserting the same rows (the 13
 * rows each action writes, see run_bare) in the same number of
 * transactions.  Goal: >= 0.3.
 *
 * Measured twice on a real server directory: through actions_apply() (the
 * decision and the writes), and through the real HTTPS endpoint with
 * libcurl (adding TLS, parsing and the answer's JSON). */
#include <curl/curl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../server/accounts.h"
#include "../server/actions.h"
#include "../server/http.h"
#include "../server/orgs.h"
#include "../server/password.h"
#include "../server/rows.h"
#include "../server/tlsgen.h"
#include "util/buf.h"
#include "lib/clock.h"

enum { ACTIONS = 10000, BATCH = 500, BATCHES = ACTIONS / BATCH, MEMBERS = 1000 };

static const char payload_text[] = "{\"amount\":50000,\"paid_on\":\"2026-10-01\",\"method\":\"cash\"}";

static void die(const char *what, const struct tthc_err *e)
{
	fprintf(stderr, "bench_actions: %s: %s: %s\n", what, e ? e->where : "", e ? e->msg : "");
	exit(1);
}

static void uuid(char out[JSON_UUID_SIZE])
{
	unsigned char b[16];

	randombytes_buf(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, JSON_UUID_SIZE,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
		 b[12], b[13], b[14], b[15]);
}

/* Case n: member n % MEMBERS, month 2026-08 + n / MEMBERS. */
static void case_id(int n, char *out, size_t size)
{
	snprintf(out, size, "fee-%d", n);
}

static void make_dir(const char *dir, struct srv *s)
{
	char path[PATH_MAX], name[32], card[32], period[8], cid[32], hash[crypto_pwhash_STRBYTES];
	struct actor cli = { 0, "cli:bench" };
	struct role_pair admin = { "admin", "province" }, sec = { "secretary", "xa1" };
	struct model_case_org orgs[2] = { { "own", "cb1" }, { "upper", "xa1" } };
	struct tthc_err e;
	struct db_tx *tx;
	int i;

	snprintf(path, sizeof path, "%s/%s", dir, SRV_DB_FILE);
	if (tls_generate(dir, NULL, 0, &e) < 0 || audit_key_create(dir, &e) < 0 ||
	    pw_init(&e) < 0 || pw_hash("bench-password", hash, &e) < 0 ||
	    audit_key_load(dir, &s->key, &e) < 0 || db_create(path, &s->db, &e) < 0 ||
	    db_begin(s->db, DB_WRITE, &tx, &e) < 0)
		die("setup", &e);
	snprintf(s->dir, sizeof s->dir, "%s", dir);
	if (org_add_tx(tx, s, &cli, "province", "Đảng bộ tỉnh", "province", NULL, &e) < 0 ||
	    org_add_tx(tx, s, &cli, "xa1", "Đảng bộ xã Một", "base-committee", "province", &e) < 0 ||
	    org_add_tx(tx, s, &cli, "cb1", "Chi bộ thôn Đông", "sub-branch", "xa1", &e) < 0 ||
	    acct_add_tx(tx, s, &cli, &(struct acct_spec){ "admin", &admin, 1, true, NULL },
			hash, &e) < 0 ||
	    acct_add_tx(tx, s, &cli, &(struct acct_spec){ "bt1", &sec, 1, true, NULL },
			hash, &e) < 0)
		die("setup", &e);
	for (i = 0; i < MEMBERS; i++) {
		struct model_member m = { .id = name, .card_number = card, .name = "Nguyễn Văn An",
					  .birth_date = { 1970, 1, 2 }, .org = "cb1",
					  .joined = { 1995, 5, 5 }, .category = INCOME_SALARY,
					  .base = 5000000, .has_base = true };

		snprintf(name, sizeof name, "m%d", i);
		snprintf(card, sizeof card, "C%d", i);
		if (rows_put_member(tx, &m, srv_now(), NULL, &e) < 0)
			die("member", &e);
	}
	for (i = 0; i < 2 * ACTIONS; i++) {
		struct period p = period_from_index(period_index((struct period){ 2026, 8 }) +
						    i / MEMBERS);
		struct model_case c = { .id = cid, .procedure = PROC_FEE, .state = "due",
					.member = name, .orgs = orgs, .n_orgs = 2 };

		case_id(i, cid, sizeof cid);
		snprintf(name, sizeof name, "m%d", i % MEMBERS);
		period_format(p, period);
		c.fields = cJSON_CreateObject();
		cJSON_AddStringToObject(c.fields, "period", period);
		if (rows_put_case(tx, &c, 0, srv_now(), &e) < 0)
			die("case", &e);
		cJSON_Delete(c.fields);
	}
	if (db_commit(tx, &e) < 0)
		die("setup", &e);
}

/* One batch of pays, cases first .. first + BATCH - 1, for each member by
 * the secretary. */
static void fill_batch(struct model_actions_request *q, int first)
{
	char cid[32], member[32];
	int i;

	q->n_actions = BATCH;
	q->actions = calloc(BATCH, sizeof *q->actions);
	for (i = 0; i < BATCH; i++) {
		struct model_action *a = &q->actions[i];

		case_id(first + i, cid, sizeof cid);
		snprintf(member, sizeof member, "m%d", (first + i) % MEMBERS);
		uuid(a->id);
		a->kind = strdup("pay");
		a->case_id = strdup(cid);
		a->base_version = 1;
		a->payload = cJSON_Parse(payload_text);
		a->on_behalf_of = strdup(member);
		a->client_time = srv_now();
	}
}

static size_t count_applied(const struct model_actions_response *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->n_results; i++)
		n += r->results[i].status == RESULT_APPLIED;
	return n;
}

static double run_direct(struct srv *s, size_t *applied)
{
	struct model_actions_request q[BATCHES];
	struct model_actions_response r;
	struct actor bt1 = { 0, "bt1" };
	struct tthc_err e;
	struct db_tx *tx;
	struct db_stmt *st;
	double t0, t = 0;
	int b;

	if (db_begin(s->db, DB_READ, &tx, &e) < 0 ||
	    !(st = db_prepare(tx, "SELECT id FROM accounts WHERE name = 'bt1'", &e)) ||
	    db_step(st, &e) != 1)
		die("account", &e);
	bt1.account_id = db_col_int(st, 0);
	db_finalize(st);
	db_rollback(tx);
	for (b = 0; b < BATCHES; b++)
		fill_batch(&q[b], b * BATCH);
	for (b = 0; b < BATCHES; b++) {
		t0 = bench_wall();
		if (actions_apply(s, &bt1, &q[b], srv_now(), &r, &e) < 0)
			die("apply", &e);
		t += bench_wall() - t0;
		*applied += count_applied(&r);
		model_actions_response_free(&r);
		model_actions_request_free(&q[b]);
	}
	return t;
}

static size_t collect(char *data, size_t size, size_t n, void *b)
{
	buf_append(b, data, size * n);
	return size * n;
}

static double run_http(struct srv *s, const char *dir, size_t *applied)
{
	struct http_opts o = HTTP_OPTS_DEFAULT;
	struct http_server *h;
	struct model_actions_request q;
	struct model_actions_response r;
	struct login login;
	struct tthc_err e;
	char *bodies[BATCHES], url[64], auth[128], ca[PATH_MAX];
	struct curl_slist *hd = NULL;
	struct buf out = { 0 };
	unsigned port;
	double t0;
	CURL *c;
	long status;
	int b;

	o.listen = "127.0.0.1:0";
	o.quiet = true;
	if (http_start(s, &o, &h, &port, &e) < 0 || session_login(s, "bt1", "bench-password",
								  &login, &e) < 0)
		die("serve", &e);
	cJSON_Delete(login.roles);
	for (b = 0; b < BATCHES; b++) {
		fill_batch(&q, ACTIONS + b * BATCH);
		bodies[b] = model_actions_request_to_json(&q);
		model_actions_request_free(&q);
	}
	snprintf(url, sizeof url, "https://127.0.0.1:%u/api/v1/actions", port);
	snprintf(auth, sizeof auth, "Authorization: Bearer %s", login.token);
	snprintf(ca, sizeof ca, "%s/ca.pem", dir);
	hd = curl_slist_append(hd, auth);
	hd = curl_slist_append(hd, "Content-Type: application/json");
	c = curl_easy_init();
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CAINFO, ca);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hd);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
	t0 = bench_wall();
	for (b = 0; b < BATCHES; b++) {
		buf_reset(&out);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, bodies[b]);
		if (curl_easy_perform(c) != CURLE_OK ||
		    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK ||
		    status != 200)
			die("POST /actions failed", NULL);
		if (model_actions_response_parse(out.data, out.len, JSON_TOLERANT, &r, &e) < 0)
			die("answer", &e);
		*applied += count_applied(&r);
		model_actions_response_free(&r);
	}
	t0 = bench_wall() - t0;
	curl_easy_cleanup(c);
	curl_slist_free_all(hd);
	buf_free(&out);
	for (b = 0; b < BATCHES; b++)
		cJSON_free(bodies[b]);
	http_stop(h);
	return t0;
}

/* The bare loop: the rows each applied `pay` writes (counted on a real
 * server: the case, its two case_orgs, the case's and the payment's changes
 * with five change_orgs, the payment, the audit entry, the idempotency key),
 * with bodies of the same sizes, in BATCHES transactions, on a database with
 * the server's settings (WAL, synchronous FULL). */
static double run_bare(const char *dir)
{
	static const char *const ddl =
		"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
		"CREATE TABLE cases (id INTEGER PRIMARY KEY, code TEXT UNIQUE, state TEXT,"
		" version INTEGER, body TEXT, updated_at INTEGER);"
		"CREATE TABLE case_orgs (case_id INTEGER, relation TEXT, org_id INTEGER,"
		" PRIMARY KEY (case_id, relation));"
		"CREATE TABLE changes (seq INTEGER PRIMARY KEY, kind TEXT, code TEXT, version INTEGER,"
		" at INTEGER, UNIQUE (kind, code));"
		"CREATE TABLE change_orgs (seq INTEGER, side INTEGER, org_id INTEGER,"
		" PRIMARY KEY (seq, side, org_id));"
		"CREATE TABLE payments (id INTEGER PRIMARY KEY, code TEXT UNIQUE, period TEXT,"
		" amount INTEGER, body TEXT);"
		"CREATE TABLE audit (seq INTEGER PRIMARY KEY, actor TEXT, action TEXT, object TEXT,"
		" details TEXT, hash TEXT);"
		"CREATE TABLE idempotency (key TEXT PRIMARY KEY, request_hash TEXT, result TEXT);";
	static const struct {
		const char *sql;
		int times;
	} rows[] = {
		{ "INSERT INTO cases (code, state, version, body, updated_at) "
		  "VALUES (?1, 'paid', 2, ?2, 0)", 1 },
		{ "INSERT INTO case_orgs VALUES (?7, ?8, ?7)", 2 },
		{ "INSERT INTO changes (kind, code, version, at) VALUES (?8, ?1, 2, 0)", 2 },
		{ "INSERT INTO change_orgs VALUES (?7, ?8, ?7)", 5 },
		{ "INSERT INTO payments (code, period, amount, body) "
		  "VALUES (?1, '2026-09', 50000, ?3)", 1 },
		{ "INSERT INTO audit (actor, action, object, details, hash) "
		  "VALUES ('bt1', 'case.pay', ?1, ?4, ?5)", 1 },
		{ "INSERT INTO idempotency (key, request_hash, result) VALUES (?6, ?5, ?4)", 1 },
	};
	enum { N = sizeof rows / sizeof rows[0] };
	char path[PATH_MAX], cid[32], key[JSON_UUID_SIZE], body[420], pay[120], details[140];
	char hash[65];
	sqlite3_stmt *st[N];
	sqlite3 *db;
	double t0;
	int i, b, k, r, n = 0;

	snprintf(path, sizeof path, "%s/bare.db", dir);
	memset(body, 'x', sizeof body - 1);
	body[sizeof body - 1] = 0;
	memset(pay, 'p', sizeof pay - 1);
	pay[sizeof pay - 1] = 0;
	memset(details, 'd', sizeof details - 1);
	details[sizeof details - 1] = 0;
	memset(hash, 'a', sizeof hash - 1);
	hash[sizeof hash - 1] = 0;
	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, ddl, 0, 0, 0) != SQLITE_OK)
		die("bare sqlite", NULL);
	for (k = 0; k < N; k++)
		if (sqlite3_prepare_v2(db, rows[k].sql, -1, &st[k], NULL) != SQLITE_OK)
			die(sqlite3_errmsg(db), NULL);
	t0 = bench_wall();
	for (b = 0; b < BATCHES; b++) {
		sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
		for (i = 0; i < BATCH; i++) {
			case_id(b * BATCH + i, cid, sizeof cid);
			uuid(key);
			for (k = 0; k < N; k++)
				for (r = 0; r < rows[k].times; r++) {
					sqlite3_bind_text(st[k], 1, cid, -1, SQLITE_STATIC);
					sqlite3_bind_text(st[k], 2, body, -1, SQLITE_STATIC);
					sqlite3_bind_text(st[k], 3, pay, -1, SQLITE_STATIC);
					sqlite3_bind_text(st[k], 4, details, -1, SQLITE_STATIC);
					sqlite3_bind_text(st[k], 5, hash, -1, SQLITE_STATIC);
					sqlite3_bind_text(st[k], 6, key, -1, SQLITE_STATIC);
					sqlite3_bind_int(st[k], 7, ++n);   /* a distinct key per row */
					sqlite3_bind_int(st[k], 8, r);
					if (sqlite3_step(st[k]) != SQLITE_DONE)
						die(sqlite3_errmsg(db), NULL);
					sqlite3_reset(st[k]);
				}
		}
		if (sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK)
			die(sqlite3_errmsg(db), NULL);
	}
	t0 = bench_wall() - t0;
	for (k = 0; k < N; k++)
		sqlite3_finalize(st[k]);
	sqlite3_close(db);
	return t0;
}

int main(void)
{
	char dir[] = "/tmp/tthc-bench-actions.XXXXXX", cmd[64];
	struct srv s = { 0 };
	struct srv_config cfg = SRV_CONFIG_DEFAULT;
	size_t direct_n = 0, http_n = 0;
	double bare, direct, http;

	setenv("TTHCD_HASH_COST", "min", 1);
	if (sodium_init() < 0 || !mkdtemp(dir) || curl_global_init(CURL_GLOBAL_DEFAULT))
		die("start", NULL);
	s.cfg = cfg;
	make_dir(dir, &s);
	bare = run_bare(dir);
	direct = run_direct(&s, &direct_n);
	http = run_http(&s, dir, &http_n);
	srv_close(&s);
	curl_global_cleanup();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	printf("%d actions in batches of %d (%d transactions)\n", ACTIONS, BATCH, BATCHES);
	printf("  bare SQLite, the same rows:  %8.0f actions/s (baseline)\n", ACTIONS / bare);
	printf("  actions_apply():             %8.0f actions/s  ratio %.2f (goal >= 0.3)  applied %zu\n",
	       ACTIONS / direct, bare / direct, direct_n);
	printf("  POST /api/v1/actions, HTTPS: %8.0f actions/s  ratio %.2f (goal >= 0.3)  applied %zu\n",
	       ACTIONS / http, bare / http, http_n);
	return direct_n == ACTIONS && http_n == ACTIONS ? 0 : 1;
}
