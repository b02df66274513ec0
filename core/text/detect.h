/* Which encoding a file's bytes are in, for imports and `tthc text detect`.
 *
 * Valid UTF-8 is UTF-8, and plain ASCII is reported as UTF-8 too (it reads
 * the same, and is nothing exotic).  Otherwise each legacy encoding that
 * can read the bytes is scored by how much of its reading is plausible
 * Vietnamese (syllable.h: spelling, tone marks and where they sit).  When
 * two encodings read the bytes to the same text the choice does not matter,
 * and the more widely used one (encoding.h's order: tcvn3 first) is named
 * (DESIGN.md section 8).  When two readings are both plausible the answer
 * is "ambiguous" with the candidates, never a guess. */
#ifndef TTHC_TEXT_DETECT_H
#define TTHC_TEXT_DETECT_H

#include <stdbool.h>
#include <stddef.h>

#include "text/encoding.h"
#include "util/err.h"

struct text_guess {
	bool ambiguous;
	enum text_enc enc;      /* the answer, or the best candidate */
	double confidence;      /* 0..1: how far the answer beats the next,
				   less for few words or poor Vietnamese */
	size_t n;               /* candidates, best first, when ambiguous */
	enum text_enc candidates[TEXT_ENC_COUNT];
};

/* -1 when no encoding reads the bytes at all (TTHC_E_UNKNOWN_ENC; VISCII
 * gives every byte a meaning, so in practice never). */
int text_detect_encoding(const char *s, size_t len, struct text_guess *g, struct tthc_err *err);

#endif
