/* Vietnamese collation (DESIGN.md sections 5 and 8): CLDR's `vi` order as
 * ICU implements it.  The base letters of the whole string decide first
 * (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with f j w z
 * in their Latin places; `ch` is c then h), then the tones (ngang < huyền <
 * hỏi < ngã < sắc < nặng), then case (lower first).  Spaces and punctuation
 * come before digits, digits before letters, other scripts after Latin.
 *
 * Sorting many strings: build each key once, then compare keys with strcmp
 * (or memcmp and the shorter first).  NFC and NFD input give the same key.
 * Strings equal at all three levels (they differ only in ignorable control
 * or format characters, or digits of different scripts) get equal keys. */
#ifndef TTHC_TEXT_COLLATE_H
#define TTHC_TEXT_COLLATE_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

enum collate_mode {
	COLLATE_PLAIN,
	/* People as Vietnamese offices list them: the given name (the last
	 * word) first at every level, then family and middle names. */
	COLLATE_NAMES,
};

/* Append the collation key of the UTF-8 text s[0..len) to *key.  The key
 * holds no NUL byte, so key->data is a C string ready for strcmp.  Invalid
 * UTF-8 fails with TTHC_E_BAD_UTF8 and where = "byte N" (counted from 0);
 * *key is then left as it was.  Returns 0 or -1. */
int text_collate_key(const char *s, size_t len, enum collate_mode mode,
		     struct buf *key, struct tthc_err *err);

/* Compare two NUL-terminated strings in collation order: < 0, 0 or > 0.
 * A total order even for bad input, so that it can serve a sort: invalid
 * UTF-8 sorts after all valid text (byte order among itself) and *err (if
 * not NULL) says what was wrong; err->code stays TTHC_E_OK otherwise. */
int text_collate(const char *a, const char *b, enum collate_mode mode,
		 struct tthc_err *err);

#endif
