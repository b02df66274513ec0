/* The outbox of actions taken offline and the needs-attention list
 * (DESIGN.md section 3, "Client outbox" and "Conflicts"; section 8,
 * "Offline, tokens, undo, conflicts").
 *
 * An action's life: queued (store_queue_actions) -> taken for a push
 * (store_outbox_take: from then on it may have reached the server, so it
 * can no longer be undone, only replayed with the same id) -> answered
 * (store_apply_results): applied or duplicate leave the outbox; conflict
 * or rejected move to the needs-attention list; no answer leaves it queued.
 * Later actions on a case whose earlier action needs attention are held
 * until that entry is dropped or retried. */
#ifndef TTHC_STORE_OUTBOX_H
#define TTHC_STORE_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "model/action.h"
#include "store/store.h"

/* One action to queue.  The caller has decided it with core/proc. */
struct store_new_action {
	const char *kind;               /* core/proc's action name */
	const char *case_id;
	int64_t base_version;           /* 0 for an action that opens a case */
	const cJSON *payload;           /* an object; NULL means {} */
	const char *on_behalf_of;       /* NULL: in one's own name */
	int64_t client_time;            /* when the person decided */
	const char *new_state;          /* shown until the server answers; NULL: unchanged */
	char id[JSON_UUID_SIZE];        /* out: the new action's id (UUID v4) */
};

/* Queue n >= 1 actions together: one transaction writes them all, sharing
 * one batch id (out, may be NULL), and marks their cases pending.  Each
 * action is checked as the server will check its shape (model_action);
 * one bad action refuses all, with where "actions[i].FIELD". */
int store_queue_actions(struct store *st, struct store_new_action *acts, size_t n,
			char batch[JSON_UUID_SIZE], struct tthc_err *err);
/* The same, into the batch of an earlier call: a long bulk action queued
 * in chunks (each one transaction) is still undone as one batch. */
int store_queue_actions_join(struct store *st, struct store_new_action *acts, size_t n,
			     const char batch[JSON_UUID_SIZE], struct tthc_err *err);

/* Take back one queued action.  TTHC_E_NOT_FOUND when it is not in the
 * outbox, TTHC_E_REFUSED when it has been taken for a push already. */
int store_outbox_undo(struct store *st, const char *id, struct tthc_err *err);

/* Take back the most recently queued batch, whole; *n_undone (may be NULL)
 * says how many actions.  TTHC_E_NOT_FOUND when the outbox is empty,
 * TTHC_E_REFUSED when one of its actions was taken for a push. */
int store_outbox_undo_last_batch(struct store *st, size_t *n_undone,
				 struct tthc_err *err);

/* An action as stored.  Strings owned by the entry. */
struct store_action {
	char id[JSON_UUID_SIZE];
	char batch[JSON_UUID_SIZE];
	char *kind;
	char *case_id;
	int64_t base_version;
	char *payload;                  /* JSON object text */
	char *on_behalf_of;             /* NULL: none */
	int64_t client_time;
	int64_t queued_at;
	char *new_state;                /* NULL: none */
	int64_t sends;                  /* times taken for a push */
	bool held;                      /* an earlier action on its case needs attention */
};

struct store_action_list {
	struct store_action *items;
	size_t n;
};

/* The outbox, oldest first. */
int store_outbox_list(struct store *st, struct store_action_list *out,
		      struct tthc_err *err);
void store_action_list_free(struct store_action_list *l);

/* The next batch to push: the oldest queued actions, at most max, skipping
 * held ones; each counted as sent in the same transaction, before any byte
 * leaves.  out->n_actions may be 0.  Free with model_actions_request_free. */
int store_outbox_take(struct store *st, size_t max,
		      struct model_actions_request *out, struct tthc_err *err);

/* The push of batch surely never left (net: NET_SENT_NO over every
 * attempt): take back its count as sent, so that its actions may be undone
 * again, as if never taken.  One transaction. */
int store_outbox_release(struct store *st, const struct model_actions_request *batch,
			 struct tthc_err *err);

struct store_push_summary {
	size_t applied;                 /* applied or duplicate: left the outbox */
	size_t attention;               /* conflict or rejected: moved */
	size_t unknown;                 /* results for ids not in the outbox: ignored */
};

/* Apply the server's answers in one transaction.  Applied or duplicate:
 * the action leaves the outbox and the case the server returned replaces
 * the cached one when newer (with no case in the answer, the next pull
 * brings it).  Conflict or rejected: the action moves to the needs-
 * attention list with the server's case and error; the cache keeps what
 * was pulled.  An action with no answer in resp stays queued, to be
 * replayed with the same id. */
int store_apply_results(struct store *st, const struct model_actions_response *resp,
			struct store_push_summary *sum, struct tthc_err *err);

/* An entry of the needs-attention list. */
struct store_attention {
	struct store_action action;     /* as it was queued (held is false) */
	int status;                     /* RESULT_CONFLICT or RESULT_REJECTED */
	int64_t server_version;         /* the case's version on the server; 0: unknown */
	char *server_case;              /* JSON of the server's copy; NULL: none sent */
	char *error;                    /* JSON {code, message, path?, reasons?}; NULL: none */
	int64_t answered_at;
};

struct store_attention_list {
	struct store_attention *items;
	size_t n;
};

/* Oldest first. */
int store_attention_list(struct store *st, struct store_attention_list *out,
			 struct tthc_err *err);
void store_attention_list_free(struct store_attention_list *l);

/* One entry by its action id; TTHC_E_NOT_FOUND when there is none.  Free
 * with store_attention_free. */
int store_attention_get(struct store *st, const char *id, struct store_attention *out,
			struct tthc_err *err);
void store_attention_free(struct store_attention *a);

/* Forget the entry: its decision is given up, held actions go on. */
int store_attention_drop(struct store *st, const char *id, struct tthc_err *err);

/* Queue the same decision again against the server's version, under a NEW
 * id (the old id's answer is fixed on the server) and in the old one's
 * place in the queue, so that it still goes before the actions it held.
 * new_id (may be NULL) receives the new id. */
int store_attention_retry(struct store *st, const char *id, char new_id[JSON_UUID_SIZE],
			  struct tthc_err *err);

#endif
