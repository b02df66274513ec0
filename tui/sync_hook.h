/* How sync plugs into the TUI.  The main loop never blocks on the network
 * (DESIGN.md section 6): between keys it calls wait(), which returns when
 * a key comes or the timeout passes and meanwhile drives the network, then
 * poll(), which never blocks.  The status line shows what poll() says, a
 * progress bar when a step runs longer than half a second, and cancel() is
 * bound to ESC while it runs.
 *
 * Two hooks: sync_hook_offline (a store opened alone with --store, no
 * server) and the live one of sync_live.h over core/sync's job. */
#ifndef TTHC_TUI_SYNC_HOOK_H
#define TTHC_TUI_SYNC_HOOK_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "util/err.h"

enum hook_state {
	HOOK_OFFLINE,           /* no server to talk to: everything queues */
	HOOK_IDLE,              /* online, nothing running */
	HOOK_RUNNING,           /* a step is under way: see progress */
	HOOK_FAILED,            /* the last step failed: see message */
};

struct sync_status {
	enum hook_state state;
	bool need_login;        /* no token or an expired one: login() */
	int progress;           /* 0..100, or -1 when not known */
	int64_t started_ms;     /* when the running step began (CLOCK_MONOTONIC) */
	char message[256];      /* translated; "" when none */
};

struct sync_hook {
	/* Begin a push and a pull at once (the sync action).  -1 with err
	 * when it cannot start (offline, one already running). */
	int (*start)(void *ctx, struct tthc_err *err);
	/* Log in with password, then pull: after need_login. */
	int (*login)(void *ctx, const char *password, struct tthc_err *err);
	/* Wait up to timeout_ms for keys (its revents are filled) while the
	 * network work goes on. */
	void (*wait)(void *ctx, int timeout_ms, struct pollfd *keys);
	/* Where things stand; starts the due pulls and pushes; never blocks.
	 * True when a step ended (the store may have changed: the views
	 * reload, and message says how it ended). */
	bool (*poll)(void *ctx, struct sync_status *out);
	void (*cancel)(void *ctx);
	/* The user and server, for the login form; "" offline. */
	const char *(*who)(void *ctx);
	void *ctx;
};

extern const struct sync_hook sync_hook_offline;

#endif
