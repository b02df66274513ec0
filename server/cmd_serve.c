/* tthcd serve: the HTTPS API until SIGTERM or SIGINT. */
#include <pthread.h>
#include <signal.h>
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

/* A positive number option, or -1 after a usage message. */
static long long number(int argc, char **argv, int *i)
{
	const char *v = cmd_value(argc, argv, i, "serve");
	char *end;
	long long n;

	if (!v)
		return -1;
	n = strtoll(v, &end, 10);
	if (*end || end == v || n <= 0 || n > 1000000000LL) {
		cmd_usage("serve", _("'%s' is not a positive number"), v);
		return -1;
	}
	return n;
}

int cmd_serve(int argc, char **argv)
{
	struct http_opts o = HTTP_OPTS_DEFAULT;
	struct srv_config cfg = SRV_CONFIG_DEFAULT;
	const char *dir = NULL;
	struct http_server *h;
	struct srv s;
	struct tthc_err e;
	sigset_t stop;
	unsigned port;
	long long n = 0;
	int i, sig;

	for (i = 1; i < argc && n >= 0; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--dir")) {
			if (!(dir = cmd_value(argc, argv, &i, "serve")))
				return 2;
		} else if (!strcmp(argv[i], "--listen")) {
			if (!(o.listen = cmd_value(argc, argv, &i, "serve")))
				return 2;
		} else if (!strcmp(argv[i], "--threads")) {
			o.threads = (unsigned)(n = number(argc, argv, &i));
		} else if (!strcmp(argv[i], "--max-body")) {
			o.max_body = (size_t)(n = number(argc, argv, &i));
		} else if (!strcmp(argv[i], "--token-ttl")) {
			cfg.token_ttl = n = number(argc, argv, &i);
		} else if (!strcmp(argv[i], "--max-failures")) {
			cfg.max_failures = (int)(n = number(argc, argv, &i));
		} else if (!strcmp(argv[i], "--lockout")) {
			cfg.lockout = n = number(argc, argv, &i);
		} else {
			return cmd_usage("serve", _("unknown option '%s'"), argv[i]);
		}
	}
	if (n < 0)
		return 2;
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
