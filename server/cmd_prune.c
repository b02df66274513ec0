/* tthcd prune: move the changes horizon and forget what lies before it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "feed.h"
#include "util/i18n.h"

#define KEEP_DAYS_MAX 36500

static void usage(FILE *f)
{
	fputs(_("Usage: tthcd prune --dir DIR --keep-days N\n"
		"Forget the changes older than N days: clients whose cursor is older sync "
		"again from the start.\nIdempotency keys are kept at least 180 days.\n"), f);
}

int cmd_prune(int argc, char **argv)
{
	const char *dir = NULL, *days = NULL;
	struct feed_pruned p;
	struct tthc_err e;
	struct srv s;
	char *end;
	long keep;
	int rc;

	if ((rc = cmd_options(argc, argv, "prune", (const struct cmd_opt[]){
		     CMD_VALUE("dir", &dir), CMD_VALUE("keep-days", &days), CMD_END },
			      usage)) >= 0)
		return rc;
	if (!dir || !days)
		return cmd_usage("prune", _("expected --dir DIR --keep-days N"));
	keep = strtol(days, &end, 10);
	if (end == days || *end || keep < 0 || keep > KEEP_DAYS_MAX)
		return cmd_usage("prune", _("--keep-days takes a number of days from 0 to %d"),
				 KEEP_DAYS_MAX);
	if (srv_open(&s, dir, &e) < 0)
		return cmd_fail(&e);
	rc = feed_prune(s.db, srv_now(), (int)keep, &p, &e);
	srv_close(&s);
	if (rc < 0)
		return cmd_fail(&e);
	printf(_("changes horizon: %lld; tombstones deleted: %lld; idempotency keys deleted: "
		 "%lld\n"), (long long)p.horizon, (long long)p.tombstones, (long long)p.keys);
	return 0;
}
