/* UTF-8 as the rest of the program may trust it: strict decoding that refuses
 * overlong forms, surrogates, code points past U+10FFFF and cut sequences. */
#ifndef TTHC_TEXT_UTF8_H
#define TTHC_TEXT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s[0..len).  Returns its length in bytes (1-4),
 * or 0 when the bytes there are not valid UTF-8 (or len is 0). */
size_t utf8_decode(const char *s, size_t len, int32_t *cp);

/* Encode cp (a valid scalar value) into out; returns the length, 0 if cp is
 * a surrogate or out of range. */
size_t utf8_encode(int32_t cp, char out[4]);

/* True when s[0..len) is valid UTF-8.  Otherwise *bad_offset (if not NULL)
 * gets the byte offset of the first byte that does not start a valid
 * sequence. */
bool utf8_valid(const char *s, size_t len, size_t *bad_offset);

#endif
