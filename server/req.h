/* Strict reading of a JSON request body into a C struct (DESIGN.md section
 * 8: the wire is strict).  The body must be valid UTF-8 whose strings are
 * NFC, without duplicate keys, \u0000, raw control characters in strings,
 * unknown fields, wrong types, or nesting deeper than REQ_MAX_DEPTH; every
 * error names its path ("roles[1].org").  Kept narrow so that core/model's strict JSON layer can
 * take its place behind it. */
#ifndef TTHCD_REQ_H
#define TTHCD_REQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define REQ_MAX_DEPTH 16

enum req_type {
	REQ_STRING,     /* char * (malloc'd, NFC UTF-8), NULL when absent */
	REQ_BOOL,       /* bool */
	REQ_INT,        /* int64_t, an integral number within +-2^53 */
	REQ_LIST,       /* struct req_list of objects read by `item` */
};

struct req_spec;

struct req_field {
	const char *name;
	enum req_type type;
	bool required;
	size_t offset;                  /* where in the output struct */
	const struct req_spec *item;    /* REQ_LIST only */
};

struct req_spec {
	const struct req_field *fields;
	size_t n_fields;
	size_t size;                    /* sizeof the struct the fields fill */
	size_t max_items;               /* REQ_LIST bound, when this is an item */
};

struct req_list {
	void *items;                    /* count structs of item->size bytes */
	size_t count;
};

/* Fill *out (zeroed first) from body[0..len), which must be a JSON object
 * followed by a NUL at body[len].
 * An empty body reads as {}.  On failure *out holds nothing to free. */
int req_parse(const char *body, size_t len, const struct req_spec *spec, void *out,
	      struct tthc_err *e);

/* Free what req_parse put into *out. */
void req_free(const struct req_spec *spec, void *out);

#endif
