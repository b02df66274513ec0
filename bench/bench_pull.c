/* A pull of 100,000 changed cases (issue 5) through the real HTTPS endpoint,
 * with gzip, as a client does it: GET /api/v1/changes page after page (5000
 * rows each, the maximum) with libcurl, each page decoded with
 * model_changes_page_decode.  Figures: total time, bytes on the wire and
 * unpacked, and the ratio of the time to a bare SQLite SELECT of the same
 * rows' bodies (the least any server could do), measured in the same run.
 *
 * The server runs in this process (libtthcd's http_start, its thread pool)
 * on a fresh directory made by tthcd init; the cases are written with
 * rows_put_case in transactions of 1000, as an action batch would. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "../server/cmd.h"
#include "../server/feed.h"
#include "../server/http.h"
#include "../server/rows.h"
#include "model/changes.h"
#include "util/buf.h"
#include "lib/clock.h"
#include "lib/province.h"

enum { PAGE = 5000 };

struct client {
	CURL *curl;
	char url[64];
	char auth[300];
	struct buf body;
	struct curl_slist *headers;
};

static size_t on_data(char *p, size_t size, size_t n, void *cls)
{
	buf_append(cls, p, size * n);
	return size * n;
}

/* GET (or POST when post is set) path; exits unless the answer is 200. */
static void request(struct client *cl, const char *path, const char *post)
{
	char url[1024];
	long status = 0;

	buf_reset(&cl->body);
	snprintf(url, sizeof url, "%s%s", cl->url, path);
	curl_easy_setopt(cl->curl, CURLOPT_URL, url);
	if (post)
		curl_easy_setopt(cl->curl, CURLOPT_POSTFIELDS, post);
	else
		curl_easy_setopt(cl->curl, CURLOPT_HTTPGET, 1L);
	if (curl_easy_perform(cl->curl) != CURLE_OK ||
	    curl_easy_getinfo(cl->curl, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK ||
	    status != 200) {
		fprintf(stderr, "bench_pull: %s: HTTP %ld: %s\n", path, status,
			cl->body.data ? cl->body.data : "");
		exit(1);
	}
}

struct pull {
	size_t rows, pages;
	curl_off_t wire, unpacked;
	double seconds;
	char next[80];
};

/* Every page after since, decoded as the client does. */
static void pull(struct client *cl, const char *since, struct pull *p)
{
	static const struct json_limits limits = { (size_t)1 << 30, JSON_MAX_DEPTH_DEFAULT };
	struct model_changes_page page;
	struct tthc_err e;
	char path[200];
	curl_off_t n;
	double t0 = bench_wall();
	bool more;
	cJSON *j;

	memset(p, 0, sizeof *p);
	snprintf(p->next, sizeof p->next, "%s", since);
	do {
		snprintf(path, sizeof path, "/api/v1/changes?limit=%d&since=%s", PAGE, p->next);
		request(cl, path, NULL);
		curl_easy_getinfo(cl->curl, CURLINFO_SIZE_DOWNLOAD_T, &n);
		p->wire += n;
		p->unpacked += (curl_off_t)cl->body.len;
		if (!(j = json_parse(cl->body.data, cl->body.len, &limits, &e)) ||
		    model_changes_page_decode(j, JSON_TOLERANT, &page, &e) < 0)
			prov_die("bench_pull", "page", &e);
		cJSON_Delete(j);
		p->rows += page.n_changes;
		p->pages++;
		snprintf(p->next, sizeof p->next, "%s", page.next);
		more = page.more;
		model_changes_page_free(&page);
	} while (more);
	p->seconds = bench_wall() - t0;
}

/* The baseline: the same rows' bodies read with one SELECT. */
static double bare_select(struct db *db, size_t *rows)
{
	struct tthc_err e;
	struct db_tx *tx;
	struct db_stmt *st;
	size_t bytes = 0;
	double t0 = bench_wall();

	*rows = 0;
	if (db_begin(db, DB_READ, &tx, &e) < 0 ||
	    !(st = db_prepare(tx, "SELECT code, version, body FROM cases ORDER BY id", &e)))
		prov_die("bench_pull", "select", &e);
	while (db_step(st, &e) == 1) {
		bytes += strlen(db_col_text(st, 2)) + strlen(db_col_text(st, 0));
		(*rows)++;
	}
	db_finalize(st);
	db_rollback(tx);
	return bytes ? bench_wall() - t0 : 0;
}

/* The server's share: feed_page for the same pages, no HTTP, gzip or decode. */
static double pages_only(struct db *db, const char *since)
{
	struct buf b = BUF_INIT;
	struct tthc_err e;
	char next[80];
	double t0 = bench_wall();
	const char *at;
	bool more = true;

	snprintf(next, sizeof next, "%s", since);
	while (more) {
		buf_reset(&b);
		/* The admin created by tthcd init is account 1. */
		if (feed_page(db, 1, next, PAGE, &b, &e) < 0)
			prov_die("bench_pull", "feed_page", &e);
		more = strstr(b.data + b.len - 20, "\"more\":true") != NULL;
		at = strstr(b.data + b.len - 100, "\"next\":\"");
		snprintf(next, sizeof next, "%.*s", (int)strcspn(at + 8, "\""), at + 8);
	}
	buf_free(&b);
	return bench_wall() - t0;
}

static void login(struct client *cl)
{
	const char *token;
	cJSON *j;

	cl->headers = curl_slist_append(NULL, "Content-Type: application/json");
	curl_easy_setopt(cl->curl, CURLOPT_HTTPHEADER, cl->headers);
	request(cl, "/api/v1/session", "{\"username\":\"admin\",\"password\":\"" PROV_PASSWORD "\"}");
	if (!(j = cJSON_Parse(cl->body.data)) ||
	    !(token = cJSON_GetStringValue(cJSON_GetObjectItem(j, "token"))))
		prov_die("bench_pull", "login", NULL);
	snprintf(cl->auth, sizeof cl->auth, "Authorization: Bearer %s", token);
	cJSON_Delete(j);
	curl_slist_free_all(cl->headers);
	cl->headers = curl_slist_append(NULL, cl->auth);
	curl_easy_setopt(cl->curl, CURLOPT_HTTPHEADER, cl->headers);
}

int main(void)
{
	char tmp[] = "/tmp/tthc-bench-pull.XXXXXX", dir[64], ca[96], cmd[128], inc_since[80];
	struct http_opts opts = HTTP_OPTS_DEFAULT;
	struct http_server *h;
	struct client cl = { 0 };
	struct pull inc, plain, full;
	struct tthc_err e;
	struct srv s;
	unsigned port;
	size_t rows;
	double seed, base, server;

	setenv("TTHCD_HASH_COST", "min", 1);    /* logins are not what is measured */
	if (!mkdtemp(tmp))
		prov_die("bench_pull", "mkdtemp", NULL);
	snprintf(dir, sizeof dir, "%s/d", tmp);
	snprintf(ca, sizeof ca, "%s/ca.pem", dir);
	prov_init_dir(dir);
	if (srv_open(&s, dir, &e) < 0)
		prov_die("bench_pull", "open", &e);
	prov_seed_orgs(s.db);
	prov_seed_members(s.db);
	opts.listen = "127.0.0.1:0";
	opts.quiet = true;
	if (http_start(&s, &opts, &h, &port, &e) < 0)
		prov_die("bench_pull", "serve", &e);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	cl.curl = curl_easy_init();
	snprintf(cl.url, sizeof cl.url, "https://127.0.0.1:%u", port);
	curl_easy_setopt(cl.curl, CURLOPT_CAINFO, ca);
	curl_easy_setopt(cl.curl, CURLOPT_ACCEPT_ENCODING, "gzip");
	curl_easy_setopt(cl.curl, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(cl.curl, CURLOPT_WRITEDATA, &cl.body);
	login(&cl);
	pull(&cl, "", &full);                   /* the members: the client's copy */
	snprintf(inc_since, sizeof inc_since, "%s", full.next);
	seed = prov_seed_cases(s.db, "due");
	pull(&cl, inc_since, &inc);
	curl_easy_setopt(cl.curl, CURLOPT_ACCEPT_ENCODING, NULL);
	pull(&cl, inc_since, &plain);
	curl_easy_setopt(cl.curl, CURLOPT_ACCEPT_ENCODING, "gzip");
	pull(&cl, "", &full);
	server = pages_only(s.db, inc_since);
	base = bare_select(s.db, &rows);

	printf("cases written with rows_put_case: %d in %.2f s (%.0f/s, transactions of %d)\n",
	       PROV_CASES, seed, PROV_CASES / seed, PROV_BATCH);
	printf("incremental pull of %zu changed cases: %zu pages of %d, %.2f s\n", inc.rows,
	       inc.pages, PAGE, inc.seconds);
	printf("  on the wire (gzip): %.1f MiB; unpacked %.1f MiB (%.1fx smaller)\n",
	       inc.wire / 1048576.0, inc.unpacked / 1048576.0, (double)inc.unpacked / inc.wire);
	printf("the same pull without gzip: %.2f s, %.1f MiB on the wire\n", plain.seconds,
	       plain.wire / 1048576.0);
	printf("of which the server's pages (feed_page alone): %.2f s\n", server);
	printf("full sync (%zu rows, members too): %.2f s, %.1f MiB on the wire\n", full.rows,
	       full.seconds, full.wire / 1048576.0);
	printf("baseline: bare SQLite SELECT of the %zu cases' bodies: %.3f s\n", rows, base);
	printf("ratio incremental pull (gzip) / bare SELECT: %.1f\n", inc.seconds / base);
	printf("ratio incremental pull (plain) / bare SELECT: %.1f\n", plain.seconds / base);
	printf("ratio feed_page alone / bare SELECT: %.1f\n", server / base);

	curl_slist_free_all(cl.headers);
	curl_easy_cleanup(cl.curl);
	curl_global_cleanup();
	buf_free(&cl.body);
	http_stop(h);
	srv_close(&s);
	fflush(stderr);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	return system(cmd) == 0 ? 0 : 1;
}
