/* The raw-byte pass of json_parse(): what cJSON would let through or
 * would handle unsafely, checked before cJSON sees the text. */
#ifndef TTHC_MODEL_JSON_SCAN_H
#define TTHC_MODEL_JSON_SCAN_H

#include <stddef.h>

#include "util/err.h"

/* Checks s[0..len) (valid UTF-8 already): nesting no deeper than
 * max_depth, counted without recursion so that 10,000 '[' cost one loop;
 * white space limited to the four of RFC 8259; numbers in RFC 8259's
 * grammar; strings free of raw control bytes, with valid escapes, no
 * \u0000 and no lone surrogate.  Errors have where "byte N". */
int json_scan(const char *s, size_t len, int max_depth, struct tthc_err *err);

#endif
