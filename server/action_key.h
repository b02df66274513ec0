/* Idempotency keys of pushed actions (DESIGN.md section 3): the client's
 * UUID names one action; the same UUID with different content is a reused
 * key, told apart by a hash of the action's canonical JSON. */
#ifndef TTHCD_ACTION_KEY_H
#define TTHCD_ACTION_KEY_H

#include "model/action.h"

#define ACTION_HASH_HEX 65

/* Lower-case hex SHA-256 of the action's canonical JSON: the fields as
 * core/model encodes them, every object's keys sorted (so the payload's key
 * order does not matter), compact, without "actor" (which the server sets). */
int action_hash(const struct model_action *a, char out[ACTION_HASH_HEX], struct tthc_err *e);

#endif
