/* The full-screen interface (issue 7): `tthc` with no command on a
 * terminal, or `tthc tui`. */
#ifndef TTHC_TUI_H
#define TTHC_TUI_H

#include "config/config.h"
#include "store/store.h"
#include "sync_hook.h"

/* Run until the user quits, on st, with cfg's settings and bindings (cfg
 * must have been loaded with keymap_check as its binding check).  Errors in
 * cfg are shown on the message line at the start.  hook syncs st with the
 * server (sync_live.h) or says it is offline (sync_hook_offline).  0 on a
 * normal quit, -1 with err when the screen could not be set up. */
int tui_run(struct store *st, const struct config *cfg, const struct sync_hook *hook,
	    struct tthc_err *err);

#endif
