/* The offline hook: no server in this build of the TUI (see sync_hook.h).
 * Actions still queue; `tthc sync`, when it exists, pushes them. */
#include "sync_hook.h"

#include <string.h>

#include "util/i18n.h"

static int offline_start(void *ctx, struct store *st, struct tthc_err *err)
{
	(void)ctx, (void)st;
	return tthc_fail(err, TTHC_E_NETWORK, "sync", "%s",
			 _("offline: actions stay queued in the outbox"));
}

static bool offline_poll(void *ctx, struct sync_status *out)
{
	(void)ctx;
	memset(out, 0, sizeof *out);
	out->state = SYNC_OFFLINE;
	out->progress = -1;
	return false;
}

static void offline_cancel(void *ctx)
{
	(void)ctx;
}

const struct sync_hook sync_hook_offline = {
	offline_start, offline_poll, offline_cancel, NULL,
};
