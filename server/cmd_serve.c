/* tthcd serve: the HTTPS API until SIGTERM or SIGINT. */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "http.h"
#include "util/i18n.h"

static void usage(FILE *f)
{
	fputs(_("Usage: tthcd serve --dir DIR [--listen ADDRESS:PORT] [--threads N]\n"
		"                   [--token-ttl SECONDS] [--max-failures N] [--lockout SECONDS]\n"
		"                   [--max-body BYTES]\n"
		"Serve the API over HTTPS (default 127.0.0.1:8443; [::1]:PORT for IPv6; port 0\n"
		"picks a free port).  Prints 'listening on https://ADDRESS:PORT' when ready.\n"
		"SIGTERM or SIGINT stops it cleanly.\n"), f);
}

/* A positive number option into *n (left as it is when not given); -1
 * after a usage message. */
static int number(const char *v, int64_t *n)
{
	char *end;

	if (!v)
		return 0;
	*n = strtoll(v, &end, 10);
	if (*end || end == v || *n <= 0 || *n > 1000000000LL) {
		cmd_usage("serve", _("'%s' is not a positive number"), v);
		return -1;
	}
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	struct http_opts o = HTTP_OPTS_DEFAULT;
	struct srv_config cfg = SRV_CONFIG_DEFAULT;
	const char *dir = NULL, *threads_s = NULL, *body_s = NULL, *ttl_s = NULL;
	const char *failures_s = NULL, *lockout_s = NULL;
	int64_t threads = o.threads, max_body = (int64_t)o.max_body, failures = cfg.max_failures;
	struct http_server *h;
	struct srv s;
	struct tthc_err e;
	sigset_t stop;
	unsigned port;
	int rc, sig;

	if ((rc = cmd_options(argc, argv, "serve", (const struct cmd_opt[]){
		     CMD_VALUE("dir", &dir), CMD_VALUE("listen", &o.listen),
		     CMD_VALUE("threads", &threads_s), CMD_VALUE("max-body", &body_s),
		     CMD_VALUE("token-ttl", &ttl_s), CMD_VALUE("max-failures", &failures_s),
		     CMD_VALUE("lockout", &lockout_s), CMD_END }, usage)) >= 0)
		return rc;
	if (number(threads_s, &threads) < 0 || number(body_s, &max_body) < 0 ||
	    number(ttl_s, &cfg.token_ttl) < 0 || number(failures_s, &failures) < 0 ||
	    number(lockout_s, &cfg.lockout) < 0)
		return 2;
	o.threads = (unsigned)threads;
	o.max_body = (size_t)max_body;
	cfg.max_failures = (int)failures;
	if (!dir)
		return cmd_usage("serve", _("--dir is required"));
	if (srv_open(&s, dir, &e) < 0)
		return cmd_fail(&e);
	s.cfg = cfg;
	/* Blocked before the threads start, so that they inherit the mask and
	 * the signal reaches only sigwait below. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	if (http_start(&s, &o, &h, &port, &e) < 0) {
		srv_close(&s);
		return cmd_fail(&e);
	}
	if (strchr(o.listen, '[')) {
		printf("listening on https://%.*s:%u\n", (int)strcspn(o.listen, "]") + 1, o.listen,
		       port);
	} else {
		printf("listening on https://%.*s:%u\n", (int)strcspn(o.listen, ":"), o.listen,
		       port);
	}
	fflush(stdout);
	sigwait(&stop, &sig);
	fprintf(stderr, _("tthcd: signal %d: finishing the requests in progress\n"), sig);
	http_stop(h);
	srv_close(&s);
	fprintf(stderr, _("tthcd: stopped\n"));
	return 0;
}
