/* tthc login: POST /api/v1/session; the token is cached beside the store
 * (mode 0600) and the roles saved for offline decisions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "session.h"
#include "util/date.h"
#include "util/i18n.h"

#define PASSWORD_MAX 1024

static void login_help(FILE *f)
{
	cli_print(f, _("Usage: tthc login [--server URL] [--user NAME] [--password-stdin]\n"
		       "                  [--ca-file FILE] [--pin PINS]\n"
		       "Log in to the server and keep the session on this computer (12 hours by\n"
		       "default), so that 'tthc sync' can run.  The password is asked for with echo\n"
		       "off, or read from the first line of standard input with --password-stdin.\n"
		       "Flags override the settings of tthcrc.\n\n"
		       "Exit status: 0 logged in, 1 wrong user name or password, or the account may\n"
		       "not log in, 2 usage error, 3 the server cannot be reached, 5 the server's\n"
		       "certificate was refused, 6 the login could not be saved.\n"));
}

/* One line, without its newline; echo off when stdin is a terminal. */
static int read_password(bool from_stdin, char *pw, size_t size)
{
	bool tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	bool got;

	if (!from_stdin && !tty) {
		cli_error("%s", _("no terminal to ask for the password: use --password-stdin"));
		return -1;
	}
	if (tty && !from_stdin) {
		cli_print(stderr, _("Password: "));
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	got = fgets(pw, (int)size, stdin) != NULL;
	if (tty && !from_stdin) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	pw[got ? strcspn(pw, "\r\n") : 0] = '\0';
	if (!got || !*pw) {
		cli_error("%s", _("no password given"));
		return -1;
	}
	return 0;
}

static void say_expiry(int64_t expires_at)
{
	char when[17], line[256];

	instant_format_vn(expires_at, when);
	snprintf(line, sizeof line, _("logged in; the session lasts until %s\n"), when);
	cli_print(stderr, line);
}

int cmd_login(int argc, char **argv)
{
	struct cli_target t = { 0 };
	struct sync_client *c;
	struct sync_job *j;
	struct tthc_err err;
	bool from_stdin = false, missing = false;
	char pw[PASSWORD_MAX];
	int rc;

	for (int i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			login_help(stdout);
			return EXIT_OK;
		}
		if (!strcmp(argv[i], "--password-stdin"))
			from_stdin = true;
		else if (!arg_value(argc, argv, &i, "--server", &t.server, &missing) &&
			 !arg_value(argc, argv, &i, "--user", &t.user, &missing) &&
			 !arg_value(argc, argv, &i, "--ca-file", &t.ca_file, &missing) &&
			 !arg_value(argc, argv, &i, "--pin", &t.pin, &missing))
			return cli_usage_error("login", _("unknown option '%s'"), argv[i]);
		if (missing)
			return cli_usage_error("login", _("%s needs a value"), argv[i]);
	}
	rc = cli_open_client(&t, &c);
	if (rc)
		return rc;
	if (read_password(from_stdin, pw, sizeof pw) < 0) {
		sync_client_close(c);
		return EXIT_BAD_INPUT;
	}
	j = sync_job_new(c, SYNC_LOGIN, pw, &err);
	memset(pw, 0, sizeof pw);
	rc = j && cli_run_job(j, NULL, &err) == 0 ? EXIT_OK : cli_sync_fail(&err);
	if (rc == EXIT_OK)
		say_expiry(sync_client_token(c)->expires_at);
	sync_job_free(j);
	sync_client_close(c);
	return rc;
}
