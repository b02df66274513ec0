/* Entities described as tables, not hand-written code: one table per struct
 * drives its decoding from cJSON, its encoding back, its comparison and its
 * release.  Field types carry their own checks (lengths in characters,
 * integer ranges, closed vocabularies, dates), and every error comes back
 * with the JSON path of the value ("members[3].name"). */
#ifndef TTHC_MODEL_SCHEMA_H
#define TTHC_MODEL_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "model/vocab.h"
#include "util/err.h"

/* Requests are checked strictly; responses are read tolerantly, so that
 * the server may add fields within /api/v1 (DESIGN.md section 8). */
enum json_mode {
	JSON_STRICT,            /* an unknown field is an error */
	JSON_TOLERANT,          /* an unknown field is ignored */
};

/* Each type and the C member it fills. */
enum jtype {
	JT_STRING,      /* char *: NFC text, min..max characters, no control */
	JT_ID,          /* char *: ASCII [A-Za-z0-9._:-], min..max bytes */
	JT_INT,         /* int64_t in min..max */
	JT_BOOL,        /* bool; absent means false */
	JT_ENUM,        /* int: an index of ->vocab */
	JT_DATE,        /* struct date, "YYYY-MM-DD" */
	JT_PERIOD,      /* struct period, "YYYY-MM" */
	JT_INSTANT,     /* int64_t seconds since the epoch, ISO 8601 */
	JT_UUID,        /* char[JSON_UUID_SIZE], lowercase 8-4-4-4-12; "" absent */
	JT_OBJECT,      /* cJSON *: any object, owned (a copy) */
	JT_STRUCT,      /* a pointer to a ->sub struct, owned */
	JT_ARRAY,       /* a pointer to ->sub structs and a size_t count */
};

#define JSON_UUID_SIZE 37

#define JF_REQUIRED 1u  /* absent (or null) is an error */
#define JF_HAS      2u  /* optional scalar: aux is the offset of a bool has_x */

struct jschema;

struct jfield {
	const char *name;               /* on the wire */
	enum jtype type;
	unsigned flags;
	size_t off;                     /* of the member */
	size_t aux;                     /* JT_ARRAY: the count; JF_HAS: the flag */
	int64_t min, max;               /* characters, value, or element count */
	const struct vocab *vocab;      /* JT_ENUM */
	const struct jschema *sub;      /* JT_STRUCT, JT_ARRAY */
};

struct jschema {
	size_t size;                    /* of the struct */
	const struct jfield *fields;
	size_t nfields;
	/* Rules across fields, run after a successful field decode; NULL if
	 * none.  Its error's where is relative to the object. */
	int (*check)(const void *obj, struct tthc_err *err);
};

#define JSCHEMA(type, table, check_fn) \
	{ sizeof(type), table, sizeof table / sizeof table[0], check_fn }

/* Decode j into *out (zeroed first).  On error *out holds nothing to
 * free and err->where is the path inside j. */
int schema_decode(const struct jschema *s, const cJSON *j, enum json_mode mode,
		  void *out, struct tthc_err *err);
/* The JSON object for obj, NULL when out of memory.  Absent optional
 * fields are left out. */
cJSON *schema_encode(const struct jschema *s, const void *obj);
bool schema_equal(const struct jschema *s, const void *a, const void *b);
/* Release what obj owns (not obj itself) and zero it. */
void schema_free(const struct jschema *s, void *obj);

/* Field checks that entity rules reuse. */
bool json_is_id(const char *s, size_t min, size_t max);
bool json_is_uuid(const char *s);

#endif
