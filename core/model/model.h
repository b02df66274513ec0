/* What every entity of core/model offers, generated from its schema so the
 * entities do not repeat it.  For an entity PREFIX of struct type TYPE:
 *
 *   int   PREFIX_decode(const cJSON *j, enum json_mode mode, TYPE *out, err);
 *   int   PREFIX_parse(const char *s, size_t len, enum json_mode mode,
 *                      TYPE *out, err);        json_parse() + decode
 *   cJSON *PREFIX_encode(const TYPE *v);       NULL when out of memory
 *   char *PREFIX_to_json(const TYPE *v);       compact text, caller frees
 *   bool  PREFIX_equal(const TYPE *a, const TYPE *b);
 *   void  PREFIX_free(TYPE *v);                what v owns; v is zeroed
 *
 * On a failed decode or parse, *out owns nothing and err->where is the
 * JSON path of the problem ("members[3].name"), or "byte N" for a
 * document that does not parse. */
#ifndef TTHC_MODEL_MODEL_H
#define TTHC_MODEL_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "model/json.h"
#include "model/schema.h"

/* Bounds shared by the entities' tables. */
#define MODEL_ID_MAX     64                 /* ids, usernames, kinds, states */
#define MODEL_NAME_MAX   200                /* names of people, orgs, banks */
#define MODEL_AMOUNT_MAX 1000000000000LL    /* đồng: far above any salary */

/* One table row: `{ MODEL_FIELD(struct model_org, "name", name, JT_STRING,
 * JF_REQUIRED), .min = 1, .max = MODEL_NAME_MAX }`. */
#define MODEL_FIELD(st, wire, member, t, fl) \
	.name = (wire), .type = (t), .flags = (fl), .off = offsetof(st, member)

#define MODEL_DECLARE(prefix, type)                                            \
	extern const struct jschema prefix##_schema;                           \
	int prefix##_decode(const cJSON *j, enum json_mode mode, type *out,    \
			    struct tthc_err *err);                             \
	int prefix##_parse(const char *s, size_t len, enum json_mode mode,     \
			   type *out, struct tthc_err *err);                   \
	cJSON *prefix##_encode(const type *v);                                 \
	char *prefix##_to_json(const type *v);                                 \
	bool prefix##_equal(const type *a, const type *b);                     \
	void prefix##_free(type *v);

#define MODEL_DEFINE(prefix, type)                                             \
	int prefix##_decode(const cJSON *j, enum json_mode mode, type *out,    \
			    struct tthc_err *err)                              \
	{                                                                      \
		return schema_decode(&prefix##_schema, j, mode, out, err);     \
	}                                                                      \
	int prefix##_parse(const char *s, size_t len, enum json_mode mode,     \
			   type *out, struct tthc_err *err)                    \
	{                                                                      \
		return model_parse(&prefix##_schema, s, len, mode, out, err);  \
	}                                                                      \
	cJSON *prefix##_encode(const type *v)                                  \
	{                                                                      \
		return schema_encode(&prefix##_schema, v);                     \
	}                                                                      \
	char *prefix##_to_json(const type *v)                                  \
	{                                                                      \
		return model_to_json(&prefix##_schema, v);                     \
	}                                                                      \
	bool prefix##_equal(const type *a, const type *b)                      \
	{                                                                      \
		return schema_equal(&prefix##_schema, a, b);                   \
	}                                                                      \
	void prefix##_free(type *v)                                            \
	{                                                                      \
		schema_free(&prefix##_schema, v);                              \
	}

/* The untyped forms behind PREFIX_parse and PREFIX_to_json. */
int model_parse(const struct jschema *s, const char *text, size_t len,
		enum json_mode mode, void *out, struct tthc_err *err);
char *model_to_json(const struct jschema *s, const void *obj);

#endif
