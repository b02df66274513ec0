/* How background sync plugs into the TUI.  The main loop never blocks on
 * the network (DESIGN.md section 6): it reads keys with a short timeout and
 * calls poll() between them, which must return at once; the sync itself
 * runs elsewhere (a thread or a child of core/sync).  The status line shows
 * what poll() says, a progress bar when a step runs longer than half a
 * second, and cancel() is bound to ESC while it runs.
 *
 * Only sync_hook_offline exists in this build: core/sync is being written
 * in parallel; when it lands, a hook over it replaces this one in tui.c
 * and nothing else in tui/ changes. */
#ifndef TTHC_TUI_SYNC_HOOK_H
#define TTHC_TUI_SYNC_HOOK_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "util/err.h"

enum sync_state {
	SYNC_OFFLINE,           /* no server to talk to: everything queues */
	SYNC_IDLE,              /* online, nothing running */
	SYNC_RUNNING,           /* a step is under way: see progress */
	SYNC_FAILED,            /* the last step failed: see message */
};

struct sync_status {
	enum sync_state state;
	int progress;           /* 0..100, or -1 when not known */
	int64_t started_ms;     /* when the running step began (CLOCK_MONOTONIC) */
	char message[256];      /* translated; "" when none */
};

struct sync_hook {
	/* Begin one step (pull, then push what push-delay allows).  -1 with
	 * err when it cannot start (offline, one already running). */
	int (*start)(void *ctx, struct store *st, struct tthc_err *err);
	/* Where things stand; never blocks.  True when the store changed since
	 * the last poll (the views reload then). */
	bool (*poll)(void *ctx, struct sync_status *out);
	void (*cancel)(void *ctx);
	void *ctx;
};

extern const struct sync_hook sync_hook_offline;

#endif
