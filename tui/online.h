/* The online-only screens (accounts, reports, a case's history; issue 7)
 * reach the server through core/sync's online.h with a client of the
 * configured server and user, opened when such a screen opens and closed
 * with it: the TUI itself never speaks HTTP. */
#ifndef TTHC_TUI_ONLINE_H
#define TTHC_TUI_ONLINE_H

#include <stddef.h>

#include "config/config.h"
#include "sync/online.h"

/* A client of cfg's server and user (or the last login's), or NULL with
 * *err. */
struct sync_client *online_open(const struct config *cfg, struct tthc_err *err);
void online_close(struct sync_client *c);

/* Why `what` (translated) could not be done, for people: it needs the
 * server (offline, logged out, not configured, an untrusted server) and
 * why, or the server's own refusal. */
void online_message(char *out, size_t size, const char *what, const struct tthc_err *err);

#endif
