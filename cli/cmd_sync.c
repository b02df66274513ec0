/* tthc sync: push the outbox, then pull the changes (DESIGN.md section 3). */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "session.h"
#include "util/i18n.h"

static void sync_help(FILE *f)
{
	cli_print(f, _("Usage: tthc sync [--pull-only | --push-only]\n"
		       "Send the queued actions to the server, then receive what changed.  Progress\n"
		       "is shown on standard error when it is a terminal; a summary line ends.\n\n"
		       "Exit status: 0 done (conflicts and refusals are listed by 'tthc conflicts'),\n"
		       "2 usage error, 3 the server cannot be reached (nothing was lost: sync again\n"
		       "later), 4 log in again ('tthc login'; queued actions are kept), 5 the\n"
		       "server's certificate was refused, 6 the local store could not be written.\n"));
}

static void summary(const struct sync_report *r)
{
	char line[512];

	snprintf(line, sizeof line,
		 _("sync: %zu actions applied, %zu need attention; %zu changes received in %zu "
		   "pages%s; %lld KiB on the wire in %zu requests\n"),
		 r->push.applied, r->push.attention, r->rows, r->pages,
		 r->resynced ? _(" (full resync)") : "", (r->wire_bytes + 1023) / 1024,
		 r->requests);
	cli_print(stdout, line);
	if (r->duplicates) {
		snprintf(line, sizeof line,
			 _("sync: %zu of them had reached the server before (a replay): "
			   "applied once\n"), r->duplicates);
		cli_print(stdout, line);
	}
}

int cmd_sync(int argc, char **argv)
{
	struct cli_target t = { 0 };
	unsigned what = SYNC_PUSH | SYNC_PULL;
	struct sync_report rep;
	struct sync_client *c;
	struct sync_job *j;
	struct tthc_err err;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			sync_help(stdout);
			return EXIT_OK;
		}
		if (!strcmp(argv[i], "--pull-only") && what != SYNC_PUSH)
			what = SYNC_PULL;
		else if (!strcmp(argv[i], "--push-only") && what != SYNC_PULL)
			what = SYNC_PUSH;
		else
			return cli_usage_error("sync", _("unknown or conflicting option '%s'"), argv[i]);
	}
	rc = cli_open_client(&t, &c);
	if (rc)
		return rc;
	j = sync_job_new(c, what, NULL, &err);
	if (j && cli_run_job(j, &rep, &err) == 0) {
		summary(&rep);
		rc = EXIT_OK;
	} else {
		rc = cli_sync_fail(&err);
	}
	sync_job_free(j);
	sync_client_close(c);
	return rc;
}
