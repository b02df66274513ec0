/* The TUI's sync over core/sync (issue 7; DESIGN.md sections 6 and 8): a
 * pull at start and every sync-interval, a push of the outbox once every
 * queued action is push-delay old (so `u` can take it back until then),
 * both at once on the sync action; a login when the token is missing or
 * has expired, the outbox kept meanwhile. */
#ifndef TTHC_TUI_SYNC_LIVE_H
#define TTHC_TUI_SYNC_LIVE_H

#include "config/config.h"
#include "sync/sync.h"
#include "sync_hook.h"

/* A hook over c (not owned) with cfg's sync-interval and push-delay.
 * Free with sync_live_free. */
struct sync_hook *sync_live_new(struct sync_client *c, const struct config *cfg,
				struct tthc_err *err);
void sync_live_free(struct sync_hook *h);

#endif
