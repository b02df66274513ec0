/* Password hashing: argon2id through libsodium's crypto_pwhash_str.
 *
 * At libsodium's interactive limits one hash takes ~64 MiB, so at most
 * PW_MAX_CONCURRENT hash at once (DESIGN.md section 8, "Accounts").  The
 * environment variable TTHCD_HASH_COST=min lowers the cost to libsodium's
 * minimum: FOR TESTS ONLY, never in production. */
#ifndef TTHCD_PASSWORD_H
#define TTHCD_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>
#include <sodium.h>

#include "util/err.h"

#define PW_MAX_CONCURRENT 2
#define PW_MIN_LEN 8            /* bytes */
#define PW_MAX_LEN 1024
#define PW_GENERATED_LEN 20     /* characters of base64url: 120 bits */

/* Call once before any other function (sodium_init, the cost, the dummy
 * hash that unknown users are checked against). */
int pw_init(struct tthc_err *e);

int pw_hash(const char *password, char out[crypto_pwhash_STRBYTES], struct tthc_err *e);

/* True when password matches hash.  hash NULL checks against a dummy, so
 * that an unknown user costs the same time as a wrong password, and is
 * always false. */
bool pw_verify(const char *hash, const char *password);

/* A fresh random password of PW_GENERATED_LEN characters. */
void pw_generate(char out[PW_GENERATED_LEN + 1]);

/* Length and UTF-8 rules for a new password. */
int pw_acceptable(const char *password, struct tthc_err *e);

#endif
