/* Errors as values: a code for programs, a message for people, and where.
 *
 * A function that can fail returns a status (0 or -1, or NULL) and fills a
 * struct tthc_err that the caller may show.  The core never prints and never
 * exits: it hands the error back and the front end decides.
 */
#ifndef TTHC_ERR_H
#define TTHC_ERR_H

#include <stddef.h>

/* One list of error codes; the string is the stable name used in JSON and by
 * scripts, so never rename one, only add. */
#define TTHC_ERRORS(X) \
	X(OK,            "ok") \
	X(NOMEM,         "out-of-memory") \
	X(IO,            "io") \
	X(USAGE,         "usage") \
	X(INVALID,       "invalid") \
	X(BAD_UTF8,      "invalid-utf8") \
	X(NOT_NFC,       "not-nfc") \
	X(CONTROL_CHAR,  "control-character") \
	X(UNMAPPABLE,    "unmappable") \
	X(UNKNOWN_ENC,   "unknown-encoding") \
	X(TOO_LARGE,     "too-large") \
	X(TOO_DEEP,      "too-deep") \
	X(BAD_JSON,      "malformed-json") \
	X(TYPE,          "wrong-type") \
	X(MISSING,       "missing-field") \
	X(UNKNOWN_FIELD, "unknown-field") \
	X(DUPLICATE_KEY, "duplicate-key") \
	X(RANGE,         "out-of-range") \
	X(NOT_FOUND,     "not-found") \
	X(REFUSED,       "refused") \
	X(CONFLICT,      "conflict") \
	X(DB,            "database") \
	X(AUTH,          "invalid-credentials") \
	X(UNAUTHENTICATED, "unauthenticated") \
	X(LOCKED_OUT,    "locked-out") \
	X(ACCOUNT_LOCKED, "account-locked") \
	X(ACCOUNT_REVOKED, "account-revoked") \
	X(ACCOUNT_PENDING, "account-pending") \
	X(FORBIDDEN,     "forbidden") \
	X(MUST_CHANGE_PASSWORD, "password-change-required") \
	X(NETWORK,       "network") \
	X(TLS,           "tls") \
	X(HTTP,          "http") \
	X(CANCELLED,     "cancelled") \
	X(CURSOR_EXPIRED, "cursor-expired") \
	X(RESYNC,        "resync-required")

enum tthc_code {
#define X(id, name) TTHC_E_##id,
	TTHC_ERRORS(X)
#undef X
	TTHC_E_COUNT
};

struct tthc_err {
	enum tthc_code code;
	char where[128];        /* "line 3, byte 17", "members[3].name", "rc:12" */
	char msg[256];          /* for people, already translated */
};

/* Fill *e (which may be NULL) and return -1, so that a failing path reads
 * `return tthc_fail(e, TTHC_E_BAD_UTF8, where, _("invalid UTF-8"));`. */
int tthc_fail(struct tthc_err *e, enum tthc_code code, const char *where,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Prefix the location of an error that is already set ("members[3]" in front
 * of "name" gives "members[3].name"; a where that is empty takes the prefix). */
void tthc_err_prefix(struct tthc_err *e, const char *prefix);

void tthc_err_clear(struct tthc_err *e);
const char *tthc_code_name(enum tthc_code code);

/* "where: message", or just the message when there is no where. */
const char *tthc_err_text(const struct tthc_err *e, char *buf, size_t size);

#endif
