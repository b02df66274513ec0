/* What the commands that use the local store and the server share: the
 * client opened from tthcrc (--config / TTHC_CONFIG) and flags, and the
 * exit code of a sync error. */
#ifndef TTHC_CLI_SESSION_H
#define TTHC_CLI_SESSION_H

#include "sync/sync.h"

/* Flags that override tthcrc; NULL: not given. */
struct cli_target {
	const char *server, *user, *ca_file, *pin;
};

/* Load tthcrc, apply the flags, fall back to the last login for server and
 * user, and open the client.  On failure prints why and returns the exit
 * code (non-zero). */
int cli_open_client(const struct cli_target *t, struct sync_client **out);

/* Print err and return its exit code:
 *   1 refused, 3 the server cannot be reached (nothing lost), 4 log in again,
 *   5 the server's certificate or key refused, 6 the local store failed,
 *   2 usage. */
int cli_sync_fail(const struct tthc_err *err);

/* Drive j until it is done, with a progress line on stderr when stderr is
 * a terminal (the same polling a screen does between keys). */
int cli_run_job(struct sync_job *j, struct sync_report *rep, struct tthc_err *err);

#endif
