/* Idempotency keys of pushed actions (DESIGN.md section 3): the client's
 * UUID names one action; the same UUID with different content is a reused
 * key, told apart by a hash of the action's canonical JSON. */
#ifndef TTHCD_ACTION_KEY_H
#define TTHCD_ACTION_KEY_H

#include <stdbool.h>

#include "db.h"
#include "model/action.h"

#define ACTION_HASH_HEX 65

/* Lower-case hex SHA-256 of the action's canonical JSON: the fields as
 * core/model encodes them, every object's keys sorted (so the payload's key
 * order does not matter), compact, without "actor" (which the server sets). */
int action_hash(const struct model_action *a, char out[ACTION_HASH_HEX], struct tthc_err *e);

struct action_key {
	bool found;
	int64_t account_id;
	char hash[ACTION_HASH_HEX];
	char *result;                   /* the stored result's JSON; caller frees */
};

/* What is stored under key, if anything (out->found). */
int action_key_find(struct db_tx *tx, const char *key, struct action_key *out,
		    struct tthc_err *e);

/* Store the first result of key: kept at least 180 days (tthcd(8), prune),
 * longer than any branch stays offline (issue 5). */
int action_key_store(struct db_tx *tx, const char *key, int64_t account_id,
		     const char *hash, const char *result, int64_t now, struct tthc_err *e);

#endif
