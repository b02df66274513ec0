/* The offline hook: a store opened alone (--store), no server to talk to.
 * Actions still queue; `tthc sync` pushes them. */
#include "sync_hook.h"

#include <string.h>

#include "util/i18n.h"

static int offline_start(void *ctx, struct tthc_err *err)
{
	(void)ctx;
	return tthc_fail(err, TTHC_E_NETWORK, "sync", "%s",
			 _("offline: actions stay queued in the outbox"));
}

static int offline_login(void *ctx, const char *password, struct tthc_err *err)
{
	(void)password;
	return offline_start(ctx, err);
}

static void offline_wait(void *ctx, int timeout_ms, struct pollfd *keys)
{
	(void)ctx;
	if (poll(keys, 1, timeout_ms) <= 0)
		keys->revents = 0;
}

static bool offline_poll(void *ctx, struct sync_status *out)
{
	(void)ctx;
	memset(out, 0, sizeof *out);
	out->state = HOOK_OFFLINE;
	out->progress = -1;
	return false;
}

static void offline_cancel(void *ctx)
{
	(void)ctx;
}

static const char *offline_who(void *ctx)
{
	(void)ctx;
	return "";
}

const struct sync_hook sync_hook_offline = {
	offline_start, offline_login, offline_wait, offline_poll, offline_cancel, offline_who,
	NULL,
};
