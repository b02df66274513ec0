/* The other halves of model/schema.h: encode, compare, free. */
#include "model/schema.h"

#include <stdlib.h>
#include <string.h>

#include "util/date.h"

#define AT(obj, off) ((char *)(obj) + (off))
#define CAT(obj, off) ((const char *)(obj) + (off))

static bool present(const struct jfield *f, const void *obj)
{
	const void *p = CAT(obj, f->off);

	if (f->flags & JF_HAS)
		return *(const bool *)CAT(obj, f->aux);
	switch (f->type) {
	case JT_STRING:
	case JT_ID:
	case JT_OBJECT:
	case JT_STRUCT:
		return *(void *const *)p != NULL;
	case JT_UUID:
		return *(const char *)p != '\0';
	case JT_ARRAY:
		return (f->flags & JF_REQUIRED) || *(const size_t *)CAT(obj, f->aux) > 0;
	default:
		return true;
	}
}

static cJSON *encode_array(const struct jfield *f, const void *obj)
{
	const char *items = *(char *const *)CAT(obj, f->off);
	size_t n = *(const size_t *)CAT(obj, f->aux), i;
	cJSON *a = cJSON_CreateArray(), *el;

	for (i = 0; a && i < n; i++) {
		el = schema_encode(f->sub, items + i * f->sub->size);
		if (!el || !cJSON_AddItemToArray(a, el)) {
			cJSON_Delete(el);
			cJSON_Delete(a);
			return NULL;
		}
	}
	return a;
}

static cJSON *encode_value(const struct jfield *f, const void *obj)
{
	const void *p = CAT(obj, f->off);
	char text[24];

	switch (f->type) {
	case JT_STRING:
	case JT_ID:
		return cJSON_CreateString(*(char *const *)p);
	case JT_INT:
		/* Exact: decoding limits integers to 2^53. */
		return cJSON_CreateNumber((double)*(const int64_t *)p);
	case JT_BOOL:
		return cJSON_CreateBool(*(const bool *)p);
	case JT_ENUM:
		return cJSON_CreateString(vocab_name(f->vocab, *(const int *)p));
	case JT_DATE:
		date_format_iso(*(const struct date *)p, text);
		return cJSON_CreateString(text);
	case JT_PERIOD:
		period_format(*(const struct period *)p, text);
		return cJSON_CreateString(text);
	case JT_INSTANT:
		instant_format(*(const int64_t *)p, text);
		return cJSON_CreateString(text);
	case JT_UUID:
		return cJSON_CreateString((const char *)p);
	case JT_OBJECT:
		return cJSON_Duplicate(*(cJSON *const *)p, 1);
	case JT_STRUCT:
		return schema_encode(f->sub, *(void *const *)p);
	case JT_ARRAY:
		return encode_array(f, obj);
	}
	return NULL;
}

cJSON *schema_encode(const struct jschema *s, const void *obj)
{
	cJSON *o = cJSON_CreateObject(), *v;
	size_t i;

	for (i = 0; o && i < s->nfields; i++) {
		const struct jfield *f = &s->fields[i];

		if (!present(f, obj))
			continue;
		v = encode_value(f, obj);
		if (!v || !cJSON_AddItemToObject(o, f->name, v)) {
			cJSON_Delete(v);
			cJSON_Delete(o);
			return NULL;
		}
	}
	return o;
}

static bool strings_equal(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool arrays_equal(const struct jfield *f, const void *a, const void *b)
{
	size_t n = *(const size_t *)CAT(a, f->aux), i, size = f->sub->size;
	const char *ia = *(char *const *)CAT(a, f->off);
	const char *ib = *(char *const *)CAT(b, f->off);

	if (n != *(const size_t *)CAT(b, f->aux))
		return false;
	for (i = 0; i < n; i++)
		if (!schema_equal(f->sub, ia + i * size, ib + i * size))
			return false;
	return true;
}

static bool values_equal(const struct jfield *f, const void *a, const void *b)
{
	const void *pa = CAT(a, f->off), *pb = CAT(b, f->off);
	/* Only pointer members may be read as pointers. */
#define SA (*(void *const *)pa)
#define SB (*(void *const *)pb)

	switch (f->type) {
	case JT_STRING:
	case JT_ID:
		return strings_equal(SA, SB);
	case JT_INT:
	case JT_INSTANT:
		return *(const int64_t *)pa == *(const int64_t *)pb;
	case JT_BOOL:
		return *(const bool *)pa == *(const bool *)pb;
	case JT_ENUM:
		return *(const int *)pa == *(const int *)pb;
	case JT_DATE:
		return date_cmp(*(const struct date *)pa, *(const struct date *)pb) == 0;
	case JT_PERIOD:
		return ((const struct period *)pa)->y == ((const struct period *)pb)->y
			&& ((const struct period *)pa)->m == ((const struct period *)pb)->m;
	case JT_UUID:
		return !strcmp(pa, pb);
	case JT_OBJECT:
		return SA == SB || (SA && SB && cJSON_Compare(SA, SB, 1));
	case JT_STRUCT:
		return SA == SB || (SA && SB && schema_equal(f->sub, SA, SB));
	case JT_ARRAY:
		return arrays_equal(f, a, b);
	}
#undef SA
#undef SB
	return false;
}

bool schema_equal(const struct jschema *s, const void *a, const void *b)
{
	size_t i;

	for (i = 0; i < s->nfields; i++) {
		const struct jfield *f = &s->fields[i];
		bool pa = present(f, a);

		if (pa != present(f, b))
			return false;
		if (pa && !values_equal(f, a, b))
			return false;
	}
	return true;
}

void schema_free(const struct jschema *s, void *obj)
{
	size_t i, k, n;

	for (i = 0; i < s->nfields; i++) {
		const struct jfield *f = &s->fields[i];
		void **p = (void **)AT(obj, f->off);

		switch (f->type) {
		case JT_STRING:
		case JT_ID:
			free(*p);
			break;
		case JT_OBJECT:
			cJSON_Delete(*p);
			break;
		case JT_STRUCT:
			if (*p)
				schema_free(f->sub, *p);
			free(*p);
			break;
		case JT_ARRAY:
			n = *(size_t *)AT(obj, f->aux);
			for (k = 0; k < n; k++)
				schema_free(f->sub, (char *)*p + k * f->sub->size);
			free(*p);
			break;
		default:
			break;
		}
	}
	memset(obj, 0, s->size);
}

static bool is_id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		|| (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' || c == '-';
}

bool json_is_id(const char *s, size_t min, size_t max)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (n >= max || !is_id_char(s[n]))
			return false;
	return n >= min;
}

bool json_is_uuid(const char *s)
{
	size_t i;

	for (i = 0; i < JSON_UUID_SIZE - 1; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s[i] != '-'
			 : !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	}
	return s[i] == '\0';
}
