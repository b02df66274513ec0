/* Legacy Vietnamese encodings at the edges of the program (DESIGN.md
 * sections 5 and 8): bytes of a file in one of them become NFC UTF-8, and NFC
 * UTF-8 becomes bytes again.  VISCII, CP1258 and TCVN5712-1 go through glibc's
 * iconv; TCVN3 and VNI-Windows, which iconv lacks, through our own tables.
 *
 * Nothing is lost silently: a character the target cannot hold is an error
 * naming it, unless the caller asks for the marks-stripped fallback. */
#ifndef TTHC_TEXT_ENCODING_H
#define TTHC_TEXT_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

/* The encodings by the names the command line and `charset` use.  The
 * order is also detection's preference when several encodings read a file
 * to the same text: the most widely used first (DESIGN.md section 8). */
#define TTHC_ENCODINGS(X) \
	X(UTF8,       "utf-8",      "UTF-8") \
	X(TCVN3,      "tcvn3",      NULL) \
	X(VNI,        "vni",        NULL) \
	X(VISCII,     "viscii",     "VISCII") \
	X(CP1258,     "cp1258",     "CP1258") \
	X(TCVN5712_1, "tcvn5712-1", "TCVN5712-1")

enum text_enc {
#define X(id, name, iconv_name) TEXT_ENC_##id,
	TTHC_ENCODINGS(X)
#undef X
	TEXT_ENC_COUNT
};

/* What to do with a character the target cannot hold. */
enum text_fallback {
	TEXT_FALLBACK_NONE,     /* fail with TTHC_E_UNMAPPABLE naming it */
	TEXT_FALLBACK_UNMARK,   /* its letter without marks ("ễ" -> "e", đ -> d),
				   '?' when it has no Latin letter under it */
};

/* The encoding called `name` (case-insensitive; also the usual aliases:
 * utf8, abc, vni-windows, windows-1258, tcvn).  False when unknown. */
bool text_enc_lookup(const char *name, enum text_enc *enc);
const char *text_enc_name(enum text_enc enc);
/* The name glibc's iconv knows `enc` by; NULL for our own tables. */
const char *text_enc_iconv_name(enum text_enc enc);

/* The bytes s[0..len) in `enc` as NFC UTF-8 (caller frees; length in
 * *out_len if not NULL).  Bytes below 0x20 are decoded, not dropped (VISCII
 * 0x05 is Ẵ); control characters stay for the caller to judge.  A byte that
 * means nothing in `enc` fails with TTHC_E_INVALID, where = "byte N" (from
 * 1); invalid UTF-8 input for TEXT_ENC_UTF8 fails with TTHC_E_BAD_UTF8. */
char *text_enc_decode(enum text_enc enc, const char *s, size_t len,
		      size_t *out_len, struct tthc_err *err);

/* The UTF-8 text s[0..len), put in NFC first, as bytes of `enc` (caller
 * frees; NUL-terminated, length in *out_len).  A character `enc` cannot hold
 * fails with TTHC_E_UNMAPPABLE, where = "character N" (from 1, in the NFC
 * text) and a message naming it ("cannot encode 'ễ' (U+1EC5) in tcvn3"),
 * unless `fallback` is TEXT_FALLBACK_UNMARK: then *replaced (if not NULL)
 * counts the characters written another way. */
char *text_enc_encode(enum text_enc enc, const char *s, size_t len,
		      enum text_fallback fallback, size_t *out_len,
		      size_t *replaced, struct tthc_err *err);

#endif
