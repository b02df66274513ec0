/* core/sync: the client's session, pull, push and offline actions
 * (DESIGN.md sections 3 and 8; issue 6, core/sync; docs/ARCHITECTURE.md,
 * "Sync").
 *
 * A struct sync_client is one server and user: the local store (store.h),
 * a connection (net.h) and the cached session token.  Network work is a
 * struct sync_job that a caller drives step by step: sync_job_poll() waits
 * on the network and on the caller's own descriptors (a terminal's keys),
 * sync_job_progress() says how far it is, sync_job_cancel() stops it.  The
 * command line drives the same job with sync_job_run().  Nothing here
 * prints.
 *
 * Errors come back with a code a front end turns into advice:
 *   TTHC_E_NETWORK          the server could not be reached or answered 5xx:
 *                           nothing is lost, sync again later
 *   TTHC_E_UNAUTHENTICATED  no token, an expired or revoked one: log in again
 *                           (the outbox is kept)
 *   TTHC_E_TLS              the server's certificate or key was refused
 *   TTHC_E_AUTH ...         the server's own refusal of a login
 *   TTHC_E_DB, TTHC_E_IO    the local store could not be written (disk full)
 *   TTHC_E_CANCELLED        sync_job_cancel()
 * Queuing, listing and undoing actions never need a token (DESIGN.md
 * section 8). */
#ifndef TTHC_SYNC_H
#define TTHC_SYNC_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net/net.h"
#include "store/outbox.h"
#include "store/store.h"
#include "util/err.h"

/* Actions per POST /actions: the server's limit (API.md, Actions). */
#define SYNC_PUSH_BATCH 1000
/* Rows per page of GET /changes: the server's most (API.md, Changes), so
 * a slow line pays for fewest round trips; a page of 5,000 cases is about
 * 50 KiB gzipped. */
#define SYNC_PULL_LIMIT 5000

/* The cached session: the file data_dir/HOST_PORT_USER.token, mode 0600,
 * beside the store (store_file_name() gives the same stem).  The trust
 * settings of the login are kept with it, so that a `tthc login --ca-file`
 * is enough for the commands after it. */
struct sync_token {
	char *token;
	int64_t expires_at;     /* seconds since the epoch */
	char *roles;            /* JSON array as the server gave it */
	char *member;           /* the member the account is; NULL: staff only */
	char *ca_file;          /* NULL: none given at login */
	char *pin;
};

void sync_token_free(struct sync_token *t);

struct sync_client;

/* Open the store of server (https URL) and user, and read the cached
 * token if there is one.  o->base_url must be the server; o->token is
 * ignored (the cached one is used); an empty o->ca_file or o->pin takes
 * the one saved at login.  No network. */
struct sync_client *sync_client_open(const struct net_options *o, const char *user,
				     struct tthc_err *err);
void sync_client_close(struct sync_client *c);

struct store *sync_client_store(struct sync_client *c);
/* The cached token, or NULL when not logged in. */
const struct sync_token *sync_client_token(const struct sync_client *c);
/* The path of the token file. */
const char *sync_client_token_path(const struct sync_client *c);

/* The last server and user logged in to (data_dir/current), for commands
 * run without --server and --user or a tthcrc.  -1 with TTHC_E_NOT_FOUND
 * when nobody has logged in yet. */
int sync_current_load(char **server, char **user, struct tthc_err *err);

/* What a job does, in this order. */
enum {
	SYNC_LOGIN = 1u << 0,
	SYNC_PUSH = 1u << 1,
	SYNC_PULL = 1u << 2,
	SYNC_LOGOUT = 1u << 3,
};

enum sync_phase { SYNC_PHASE_IDLE, SYNC_PHASE_LOGIN, SYNC_PHASE_PUSH, SYNC_PHASE_PULL,
		  SYNC_PHASE_ORGS, SYNC_PHASE_LOGOUT, SYNC_PHASE_DONE };

struct sync_progress {
	enum sync_phase phase;
	size_t pages;           /* pages of changes applied */
	size_t rows;            /* changed rows received */
	size_t pushed;          /* actions answered by the server */
	size_t requests;        /* HTTP requests made */
	long long wire_bytes;   /* received, on the wire (gzip) */
	struct net_progress net;/* the request under way */
};

struct sync_report {
	struct store_push_summary push;
	size_t duplicates;      /* of push.applied: answered `duplicate`, a replay */
	size_t pages, rows;
	size_t requests;
	long long wire_bytes;
	bool resynced;          /* a 410 made the pull start over */
	bool logged_out_offline;/* logout: the server was not told */
};

struct sync_job;

/* A job doing `what` (SYNC_* bits).  A login needs password (copied,
 * wiped when the job is freed); the other phases need the cached token
 * (none or an expired one: the job fails with TTHC_E_UNAUTHENTICATED
 * before any byte is sent). */
struct sync_job *sync_job_new(struct sync_client *c, unsigned what, const char *password,
			      struct tthc_err *err);

enum sync_state { SYNC_RUNNING, SYNC_DONE };

/* Do what is ready, waiting up to timeout_ms (-1: until something happens)
 * on the network and the caller's descriptors (their revents are filled). */
enum sync_state sync_job_poll(struct sync_job *j, int timeout_ms, struct pollfd *extra,
			      unsigned n_extra);
void sync_job_progress(const struct sync_job *j, struct sync_progress *out);
/* Stop at once: what was applied stays applied, the rest stays queued. */
void sync_job_cancel(struct sync_job *j);
/* Once done: 0, or -1 with *err. */
int sync_job_result(const struct sync_job *j, struct sync_report *out, struct tthc_err *err);
/* Poll until done. */
int sync_job_run(struct sync_job *j, struct sync_report *out, struct tthc_err *err);
void sync_job_free(struct sync_job *j);

/* Taking an action offline: the same decision for each case, validated with
 * core/proc against the cached case, the cached roles and the cached
 * organisation tree, then queued as one batch (store_queue_actions marks
 * the cases pending in the same transaction).  When any case is refused,
 * nothing is queued and out lists every reason of every case.  The member
 * the account is (saved at login) acts in his own name on his own cases. */
struct sync_act {
	const char *action;             /* core/proc's wire name */
	const char *const *cases;
	size_t n_cases;
	const cJSON *payload;           /* object or NULL */
	const char *on_behalf_of;       /* member id, or NULL */
	int64_t now;                    /* seconds since the epoch */
};

struct sync_refusal {
	char case_id[64];
	char code[32];
	char path[64];
	char message[256];
};

struct sync_act_outcome {
	bool refused;
	struct sync_refusal *reasons;   /* when refused */
	size_t n_reasons;
	char batch[JSON_UUID_SIZE];     /* when queued */
	char (*ids)[JSON_UUID_SIZE];    /* one per case, when queued */
};

/* 0 when queued or refused (see out->refused); -1 with *err when it could
 * not be decided at all (a case not cached, no roles yet, the store). */
int sync_act(struct sync_client *c, const struct sync_act *a, struct sync_act_outcome *out,
	     struct tthc_err *err);
void sync_act_outcome_free(struct sync_act_outcome *o);

#endif
