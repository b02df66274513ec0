/* 50 concurrent clients against a real tthcd on loopback (issue 5,
 * "Benchmarks"): each keeps one HTTPS connection alive and sends a fixed
 * number of requests, mostly GET /api/v1/members?limit=50 with a login
 * (POST /api/v1/session) now and then.  Prints p50, p99 and errors (goal: 0
 * errors, p99 < 10 x p50) and, as the baseline measured in the same run,
 * the p50 of the same GET from one client alone.
 *
 * The server is tthcd's own code in a child process (cmd_init, cmd_serve),
 * over a real SQLite file in a temporary directory, seeded with members
 * through server/rows.h.  Logins use the lowest argon2id cost
 * (TTHCD_HASH_COST=min, as the tests do): at the interactive cost each
 * login is ~64 MiB and a good fraction of a second by design, and this
 * measures the server's concurrency, not the hash. */
#include <curl/curl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../server/cmd.h"
#include "../server/orgs.h"
#include "../server/rows.h"
#include "demo/names.h"
#include "util/buf.h"
#include "lib/clock.h"

#define CLIENTS 50
#define REQUESTS 200            /* per client */
#define LOGIN_EVERY 20          /* one request in 20 is a login */
#define BASELINE_REQUESTS 400
#define MEMBERS 2000
#define BRANCHES 20
#define ADMIN_PW "bench-admin-password"

struct target {
	char url[128];          /* https://127.0.0.1:PORT/api/v1 */
	char ca[4096];
	char auth[128];         /* Authorization: Bearer ... */
};

struct client {
	const struct target *t;
	pthread_barrier_t *start;
	double ms[REQUESTS];
	int is_login[REQUESTS];
	int errors;
};

static size_t keep(char *data, size_t size, size_t n, void *out)
{
	buf_append(out, data, size * n);
	return size * n;
}

/* One request on the handle's kept-alive connection; 0 when it answered
 * 2xx, and the body in *body. */
static int request(CURL *c, const struct target *t, int login, struct buf *body,
		   double *ms)
{
	char url[256];
	struct curl_slist *h = NULL;
	long status = 0;
	double t0;
	CURLcode rc;

	buf_reset(body);
	if (login) {
		snprintf(url, sizeof url, "%s/session", t->url);
		h = curl_slist_append(h, "Content-Type: application/json");
		curl_easy_setopt(c, CURLOPT_POSTFIELDS,
				 "{\"username\":\"admin\",\"password\":\"" ADMIN_PW "\"}");
	} else {
		snprintf(url, sizeof url, "%s/members?limit=50", t->url);
		h = curl_slist_append(h, t->auth);
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, body);
	t0 = (bench_wall() * 1e3);
	rc = curl_easy_perform(c);
	*ms = (bench_wall() * 1e3) - t0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(h);
	return rc == CURLE_OK && status / 100 == 2 ? 0 : -1;
}

static CURL *handle(const struct target *t)
{
	CURL *c = curl_easy_init();

	if (c) {
		curl_easy_setopt(c, CURLOPT_CAINFO, t->ca);
		curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	}
	return c;
}

static void *client_run(void *arg)
{
	struct client *cl = arg;
	CURL *c = handle(cl->t);
	struct buf body = BUF_INIT;
	int i;

	pthread_barrier_wait(cl->start);
	for (i = 0; i < REQUESTS; i++) {
		cl->is_login[i] = i % LOGIN_EVERY == LOGIN_EVERY - 1;
		if (!c || request(c, cl->t, cl->is_login[i], &body, &cl->ms[i]) < 0)
			cl->errors++;
	}
	buf_free(&body);
	if (c)
		curl_easy_cleanup(c);
	return NULL;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The q-quantile of v[0..n) (sorts v), nearest rank. */
static double quantile(double *v, size_t n, double q)
{
	size_t k;

	qsort(v, n, sizeof *v, cmp_double);
	k = (size_t)(q * (double)n + 0.5);
	return v[k ? (k < n ? k : n) - 1 : 0];
}

/* tthcd init in a child, the admin password on its stdin. */
static int server_init(const char *dir)
{
	int fd[2], status;
	pid_t pid;

	if (pipe(fd) < 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		char *argv[] = { "init", "--dir", (char *)dir, NULL };

		dup2(fd[0], 0);
		close(fd[1]);
		if (!freopen("/dev/null", "w", stdout))
			_exit(1);
		_exit(cmd_init(3, argv));
	}
	close(fd[0]);
	if (write(fd[1], ADMIN_PW "\n", sizeof ADMIN_PW) < 0)
		return -1;
	close(fd[1]);
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* Branches under one commune and MEMBERS members with synthetic names, in
 * one transaction. */
static int seed(const char *dir)
{
	struct srv s;
	struct tthc_err e;
	struct actor who = { 0, "bench" };
	struct db_tx *tx;
	struct rng rng;
	struct demo_name dn;
	char code[32], card[32], name[DEMO_NAME_MAX], org[32];
	int i, rc = 0;

	if (srv_open(&s, dir, &e) < 0)
		return -1;
	rc = org_add(&s, &who, "xa1", "Đảng bộ xã Một", "base-committee", "province", &e);
	for (i = 0; rc == 0 && i < BRANCHES; i++) {
		snprintf(code, sizeof code, "cb%d", i + 1);
		rc = org_add(&s, &who, code, "Chi bộ", "sub-branch", "xa1", &e);
	}
	if (rc == 0 && db_begin(s.db, DB_WRITE, &tx, &e) == 0) {
		rng_seed(&rng, 2026);
		for (i = 0; rc == 0 && i < MEMBERS; i++) {
			demo_name_draw(&rng, &dn);
			demo_name_format(&dn, name, sizeof name);
			snprintf(code, sizeof code, "m%05d", i);
			snprintf(card, sizeof card, "79%08d", i);
			snprintf(org, sizeof org, "cb%d", i % BRANCHES + 1);
			rc = rows_put_member(tx, &(struct model_member){
				.id = code, .card_number = card, .name = name,
				.birth_date = { 1970 + i % 30, 1 + i % 12, 1 + i % 28 },
				.sex = dn.sex == DEMO_MALE ? SEX_MALE : SEX_FEMALE, .org = org,
				.joined = { 2000 + i % 20, 5, 19 }, .category = INCOME_PENSION,
				.base = 5000000, .has_base = true }, srv_now(), NULL, &e);
		}
		if (rc == 0)
			rc = db_commit(tx, &e);
		else
			db_rollback(tx);
	}
	if (rc < 0)
		fprintf(stderr, "bench_concurrency: seed: %s: %s\n", e.where, e.msg);
	srv_close(&s);
	return rc;
}

/* tthcd serve in a child; *port from its "listening on" line. */
static pid_t server_start(const char *dir, unsigned *port)
{
	int fd[2];
	pid_t pid;
	FILE *f;
	char line[256];

	if (pipe(fd) < 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		char *argv[] = { "serve", "--dir", (char *)dir, "--listen", "127.0.0.1:0", NULL };

		dup2(fd[1], 1);
		close(fd[0]);
		/* The request log would measure the terminal. */
		if (!freopen("/dev/null", "w", stderr))
			_exit(1);
		_exit(cmd_serve(5, argv));
	}
	close(fd[1]);
	f = fdopen(fd[0], "r");
	*port = 0;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "listening on https://127.0.0.1:%u", port) == 1)
			break;
	if (f)
		fclose(f);
	return *port ? pid : -1;
}

static int login(const struct target *t, char *auth, size_t size)
{
	CURL *c = handle(t);
	struct buf body = BUF_INIT;
	const char *tok;
	double ms;
	int rc = -1;

	if (c && request(c, t, 1, &body, &ms) == 0 && body.data &&
	    (tok = strstr(body.data, "\"token\":\""))) {
		snprintf(auth, size, "Authorization: Bearer %.43s", tok + 9);
		rc = 0;
	}
	buf_free(&body);
	if (c)
		curl_easy_cleanup(c);
	return rc;
}

static double baseline(const struct target *t, int *errors)
{
	static double ms[BASELINE_REQUESTS];
	CURL *c = handle(t);
	struct buf body = BUF_INIT;
	int i;

	for (i = 0; i < BASELINE_REQUESTS; i++)
		if (!c || request(c, t, 0, &body, &ms[i]) < 0)
			(*errors)++;
	buf_free(&body);
	if (c)
		curl_easy_cleanup(c);
	return quantile(ms, BASELINE_REQUESTS, 0.5);
}

static void report(struct client *cl, double wall, double base_p50, int base_errors)
{
	static double all[CLIENTS * REQUESTS], gets[CLIENTS * REQUESTS];
	size_t n = 0, ng = 0;
	int i, j, errors = 0;
	double p50, p99, max, get_p50;

	for (i = 0; i < CLIENTS; i++) {
		errors += cl[i].errors;
		for (j = 0; j < REQUESTS; j++) {
			all[n++] = cl[i].ms[j];
			if (!cl[i].is_login[j])
				gets[ng++] = cl[i].ms[j];
		}
	}
	p50 = quantile(all, n, 0.5);
	p99 = quantile(all, n, 0.99);
	max = all[n - 1];
	get_p50 = quantile(gets, ng, 0.5);
	printf("concurrency: %d clients x %d requests, keep-alive (1 in %d a login), "
	       "%d members\n", CLIENTS, REQUESTS, LOGIN_EVERY, MEMBERS);
	printf("  one client alone (baseline): GET members?limit=50 p50 %.2f ms, errors %d\n",
	       base_p50, base_errors);
	printf("  %d clients: p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d, %.0f requests/s\n",
	       CLIENTS, p50, p99, max, errors, (double)n / (wall / 1e3));
	printf("  p99 / p50 = %.1f (goal < 10); GET p50 under load / baseline = %.1f "
	       "(%d clients share %ld cores)\n", p99 / p50, get_p50 / base_p50, CLIENTS,
	       sysconf(_SC_NPROCESSORS_ONLN));
}

static int run(const char *dir, struct target *t, unsigned port)
{
	static struct client cl[CLIENTS];
	pthread_t th[CLIENTS];
	pthread_barrier_t start;
	int i, base_errors = 0;
	double t0, base_p50;

	snprintf(t->url, sizeof t->url, "https://127.0.0.1:%u/api/v1", port);
	snprintf(t->ca, sizeof t->ca, "%s/ca.pem", dir);
	if (login(t, t->auth, sizeof t->auth) < 0) {
		fputs("bench_concurrency: cannot log in\n", stderr);
		return -1;
	}
	base_p50 = baseline(t, &base_errors);
	pthread_barrier_init(&start, NULL, CLIENTS + 1);
	for (i = 0; i < CLIENTS; i++) {
		cl[i] = (struct client){ .t = t, .start = &start };
		pthread_create(&th[i], NULL, client_run, &cl[i]);
	}
	pthread_barrier_wait(&start);
	t0 = (bench_wall() * 1e3);
	for (i = 0; i < CLIENTS; i++)
		pthread_join(th[i], NULL);
	report(cl, (bench_wall() * 1e3) - t0, base_p50, base_errors);
	pthread_barrier_destroy(&start);
	return 0;
}

int main(void)
{
	char tmp[] = "/tmp/tthc-bench-XXXXXX", dir[64], rm[96];
	struct target t;
	unsigned port;
	pid_t server;
	int rc = 1, status;

	setenv("TTHCD_HASH_COST", "min", 1);
	if (!mkdtemp(tmp) || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	snprintf(dir, sizeof dir, "%s/srv", tmp);
	if (server_init(dir) == 0 && seed(dir) == 0 && (server = server_start(dir, &port)) > 0) {
		rc = run(dir, &t, port) == 0 ? 0 : 1;
		kill(server, SIGTERM);
		waitpid(server, &status, 0);
	} else {
		fputs("bench_concurrency: the server did not start\n", stderr);
	}
	curl_global_cleanup();
	snprintf(rm, sizeof rm, "rm -rf '%s'", tmp);
	if (system(rm) != 0)
		rc = 1;
	return rc;
}
