/* Strict JSON reading on top of cJSON (DESIGN.md section 8, "API evolution
 * and errors" and "Text at the edges").
 *
 * cJSON alone is lenient where the wire must not be: it parses invalid
 * UTF-8, skips any byte below 0x21 as white space, reads "\uZZZZ" as U+0000
 * and cuts the string there, accepts "01" and "1.", keeps duplicate keys and
 * recurses once per nesting level.  json_parse() closes each of these gaps
 * before or after handing the text to cJSON, so a document it returns is
 * RFC 8259 JSON in valid UTF-8 with every string and key in NFC, no U+0000,
 * no duplicate key, and bounded in size and depth. */
#ifndef TTHC_MODEL_JSON_H
#define TTHC_MODEL_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "util/buf.h"
#include "util/err.h"

struct json_limits {
	size_t max_bytes;       /* the whole document */
	int max_depth;          /* arrays and objects inside each other */
};

/* 1 MiB holds a batch of 1,000 actions with room to spare; 32 levels are
 * far more than any entity needs and keep the walks' recursion shallow. */
#define JSON_MAX_BYTES_DEFAULT ((size_t)1 << 20)
#define JSON_MAX_DEPTH_DEFAULT 32

extern const struct json_limits json_default_limits;

/* Integers travel as doubles; past 2^53 they are no longer exact. */
#define JSON_INT_LIMIT ((int64_t)1 << 53)

/* Parse s[0..len) strictly (s need not be NUL-terminated); limits NULL
 * means json_default_limits.  Returns the tree (free with cJSON_Delete) or
 * NULL with *err filled: TOO_LARGE, BAD_UTF8 / BAD_JSON / TOO_DEEP /
 * CONTROL_CHAR with where "byte N", or DUPLICATE_KEY / NOT_NFC with the
 * path of the value ("members[3].name"). */
cJSON *json_parse(const char *s, size_t len, const struct json_limits *limits,
		  struct tthc_err *err);

/* The integer in n, which must be integral, within ±(2^53 - 1) and then
 * within [min, max].  Errors (TYPE, RANGE) have an empty where, for the
 * caller to prefix with the path. */
int json_int(const cJSON *n, int64_t min, int64_t max, int64_t *out,
	     struct tthc_err *err);

/* The compact text of j (caller frees), NULL when out of memory; the same
 * text as cJSON_PrintUnformatted (json_print.c). */
char *json_print(const cJSON *j);

/* The same text in b (emptied first), which the caller keeps for the next
 * one: b->data, or NULL when out of memory. */
const char *json_print_into(const cJSON *j, struct buf *b);

#endif
