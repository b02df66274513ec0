/* tthc logout: DELETE /api/v1/session; the cached token is removed even
 * when the server cannot be reached. */
#include <stdio.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "session.h"
#include "util/i18n.h"

static void logout_help(FILE *f)
{
	cli_print(f, _("Usage: tthc logout\n"
		       "End the session on the server and remove it from this computer (even\n"
		       "offline: the server then ends it at its expiry).  Queued actions are kept.\n\n"
		       "Exit status: 0 logged out, 2 usage error, 6 the login could not be\n"
		       "removed.\n"));
}

int cmd_logout(int argc, char **argv)
{
	struct cli_target t = { 0 };
	struct sync_report rep;
	struct sync_client *c;
	struct sync_job *j;
	struct tthc_err err;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			logout_help(stdout);
			return EXIT_OK;
		}
		return cli_usage_error("logout", _("unknown option '%s'"), argv[i]);
	}
	rc = cli_open_client(&t, &c);
	if (rc)
		return rc;
	j = sync_job_new(c, SYNC_LOGOUT, NULL, &err);
	rc = j && cli_run_job(j, &rep, &err) == 0 ? EXIT_OK : cli_sync_fail(&err);
	if (rc == EXIT_OK)
		cli_print(stderr, rep.logged_out_offline
			  ? _("logged out on this computer; the server could not be told\n")
			  : _("logged out\n"));
	sync_job_free(j);
	sync_client_close(c);
	return rc;
}
