/* Opening the client for the commands of the local store and the server
 * (session.h). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "config/config.h"
#include "session.h"
#include "util/i18n.h"

int cli_sync_fail(const struct tthc_err *err)
{
	cli_error_err(err);
	switch (err->code) {
	case TTHC_E_NETWORK:
	case TTHC_E_CANCELLED:
		return EXIT_OFFLINE;
	case TTHC_E_UNAUTHENTICATED:
		return EXIT_LOGIN;
	case TTHC_E_TLS:
		return EXIT_TLS;
	case TTHC_E_DB:
	case TTHC_E_IO:
	case TTHC_E_NOMEM:
		return EXIT_LOCAL;
	case TTHC_E_USAGE:
		return EXIT_USAGE;
	default:
		return EXIT_BAD_INPUT;
	}
}

static int set_flag(struct config *cfg, const char *name, const char *value)
{
	struct tthc_err err;

	if (!value || config_set(cfg, name, value, &err) == 0)
		return 0;
	cli_error_err(&err);
	return -1;
}

int cli_open_client(const struct cli_target *t, struct sync_client **out)
{
	struct config *cfg = config_new();
	struct net_options o = { 0 };
	struct tthc_err err;
	char *last_server = NULL, *last_user = NULL;
	const char *user;
	int rc = EXIT_OK;

	*out = NULL;
	if (!cfg) {
		cli_error("%s", _("out of memory"));
		return EXIT_LOCAL;
	}
	if (config_load_user(cfg, NULL, &err) < 0) {
		config_free(cfg);
		return cli_sync_fail(&err);
	}
	for (size_t i = 0; i < config_error_count(cfg); i++)
		cli_error_err(&config_error_at(cfg, i)->err);
	if (set_flag(cfg, "server", t->server) < 0 || set_flag(cfg, "user", t->user) < 0 ||
	    set_flag(cfg, "ca-file", t->ca_file) < 0 || set_flag(cfg, "pin", t->pin) < 0) {
		config_free(cfg);
		return EXIT_USAGE;
	}
	net_options_from_config(&o, cfg);
	user = config_string(cfg, CONFIG_USER);
	/* Without a server or user anywhere, the last login says which. */
	if ((!*o.base_url || !*user) && sync_current_load(&last_server, &last_user, &err) == 0) {
		if (!*o.base_url)
			o.base_url = last_server;
		if (!*user)
			user = last_user;
	}
	*out = sync_client_open(&o, user, &err);
	if (!*out)
		rc = err.code == TTHC_E_USAGE ? (cli_error_err(&err), EXIT_USAGE)
					      : cli_sync_fail(&err);
	free(last_server);
	free(last_user);
	config_free(cfg);
	return rc;
}

static const char *phase_label(enum sync_phase p)
{
	switch (p) {
	case SYNC_PHASE_LOGIN:
		return _("logging in");
	case SYNC_PHASE_PUSH:
		return _("sending actions");
	case SYNC_PHASE_PULL:
		return _("receiving changes");
	case SYNC_PHASE_ORGS:
		return _("receiving organisations");
	case SYNC_PHASE_LOGOUT:
		return _("logging out");
	default:
		return "";
	}
}

int cli_run_job(struct sync_job *j, struct sync_report *rep, struct tthc_err *err)
{
	bool tty = isatty(STDERR_FILENO);
	struct sync_progress p;
	char line[256];

	while (sync_job_poll(j, tty ? 200 : -1, NULL, 0) == SYNC_RUNNING) {
		if (!tty)
			continue;
		sync_job_progress(j, &p);
		snprintf(line, sizeof line, _("%s: %zu actions sent, %zu changes received, "
					      "%lld KiB "), phase_label(p.phase), p.pushed, p.rows,
			 (p.wire_bytes + p.net.dl_now) / 1024);
		fputc('\r', stderr);
		cli_print(stderr, line);
	}
	if (tty)
		fputs("\r\033[K", stderr);
	return sync_job_result(j, rep, err);
}
