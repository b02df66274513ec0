/* Unicode Normalization Form C through utf8proc.  Every string that enters
 * the program is put in NFC once, at the edge, so that comparison inside is
 * a plain byte comparison ("Unicode dựng sẵn" and "tổ hợp" meet here). */
#ifndef TTHC_TEXT_NFC_H
#define TTHC_TEXT_NFC_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

/* The NFC form of s[0..len) as a new NUL-terminated string (caller frees),
 * its length in *out_len if not NULL.  Invalid UTF-8 fails with
 * TTHC_E_BAD_UTF8 and where = "byte N". */
char *text_nfc(const char *s, size_t len, size_t *out_len, struct tthc_err *err);

/* True when s is valid UTF-8 already in NFC (the check the JSON API makes). */
bool text_is_nfc(const char *s, size_t len);

/* A quick sufficient test: true when s is valid UTF-8 made only of code
 * points that are NFC whatever surrounds them (Latin and precomposed
 * Vietnamese); false means "normalise to know". */
bool text_surely_nfc(const char *s, size_t len);

#endif
