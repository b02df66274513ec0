/* The decoding half of model/schema.h: from a cJSON tree (normally one that
 * json_parse() returned, so already valid UTF-8 and NFC) to a struct. */
#include "model/schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/json.h"
#include "text/utf8.h"
#include "util/date.h"
#include "util/i18n.h"

#define AT(obj, off) ((char *)(obj) + (off))

/* Entity text is one line of words: C0 and C1 controls have no place in a
 * name, and would reach a terminal raw (DESIGN.md section 5). */
static int check_text(const char *s, const struct jfield *f, struct tthc_err *err)
{
	size_t len = strlen(s), i = 0, k;
	int64_t chars = 0;
	int32_t cp;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0)
			return tthc_fail(err, TTHC_E_BAD_UTF8, NULL, _("invalid UTF-8"));
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			return tthc_fail(err, TTHC_E_CONTROL_CHAR, NULL,
					 _("control character in text"));
		i += k;
		chars++;
	}
	if (chars < f->min || chars > f->max)
		return tthc_fail(err, TTHC_E_RANGE, NULL,
				 _("must be %lld to %lld characters long"),
				 (long long)f->min, (long long)f->max);
	return 0;
}

static int decode_string(const struct jfield *f, const cJSON *item, void *p,
			 struct tthc_err *err)
{
	char *copy;

	if (f->type == JT_ID) {
		if (!json_is_id(item->valuestring, (size_t)f->min, (size_t)f->max))
			return tthc_fail(err, TTHC_E_INVALID, NULL,
					 _("must be %lld to %lld of the characters A-Z a-z 0-9 . _ : -"),
					 (long long)f->min, (long long)f->max);
	} else if (check_text(item->valuestring, f, err)) {
		return -1;
	}
	copy = strdup(item->valuestring);
	if (!copy)
		return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	*(char **)p = copy;
	return 0;
}

static int decode_enum(const struct jfield *f, const char *s, int *out,
		       struct tthc_err *err)
{
	char names[160] = "";
	size_t used = 0;
	int i;

	*out = vocab_find(f->vocab, s);
	if (*out >= 0)
		return 0;
	for (i = 0; i < f->vocab->count && used < sizeof names; i++)
		used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
					 i ? ", " : "", f->vocab->names[i]);
	return tthc_fail(err, TTHC_E_INVALID, NULL,
			 _("unknown value '%.40s' (expected one of: %s)"), s, names);
}

static int decode_array(const struct jfield *f, const cJSON *item,
			enum json_mode mode, void *obj, struct tthc_err *err)
{
	int n = cJSON_GetArraySize(item), i = 0;
	size_t size = f->sub->size;
	const cJSON *el;
	char index[24], *items;

	if (n < f->min || n > f->max)
		return tthc_fail(err, TTHC_E_RANGE, NULL,
				 _("must have %lld to %lld elements"),
				 (long long)f->min, (long long)f->max);
	if (n == 0)
		return 0;
	items = calloc((size_t)n, size);
	if (!items)
		return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	cJSON_ArrayForEach(el, item) {
		if (schema_decode(f->sub, el, mode, items + (size_t)i * size, err)) {
			snprintf(index, sizeof index, "[%d]", i);
			tthc_err_prefix(err, index);
			while (i-- > 0)
				schema_free(f->sub, items + (size_t)i * size);
			free(items);
			return -1;
		}
		i++;
	}
	*(void **)AT(obj, f->off) = items;
	*(size_t *)AT(obj, f->aux) = (size_t)n;
	return 0;
}

static int decode_struct(const struct jfield *f, const cJSON *item,
			 enum json_mode mode, void *p, struct tthc_err *err)
{
	void *sub = malloc(f->sub->size);

	if (!sub)
		return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	if (schema_decode(f->sub, item, mode, sub, err)) {
		free(sub);
		return -1;
	}
	*(void **)p = sub;
	return 0;
}

static bool wants_string(enum jtype t)
{
	return t == JT_STRING || t == JT_ID || t == JT_ENUM || t == JT_DATE
		|| t == JT_PERIOD || t == JT_INSTANT || t == JT_UUID;
}

static int type_error(enum jtype t, struct tthc_err *err)
{
	if (wants_string(t))
		return tthc_fail(err, TTHC_E_TYPE, NULL, _("expected a string"));
	if (t == JT_BOOL)
		return tthc_fail(err, TTHC_E_TYPE, NULL, _("expected true or false"));
	if (t == JT_ARRAY)
		return tthc_fail(err, TTHC_E_TYPE, NULL, _("expected an array"));
	return tthc_fail(err, TTHC_E_TYPE, NULL, _("expected an object"));
}

static bool type_fits(enum jtype t, const cJSON *item)
{
	if (wants_string(t))
		return cJSON_IsString(item);
	if (t == JT_INT)
		return true;            /* json_int() says what is wrong */
	if (t == JT_BOOL)
		return cJSON_IsBool(item);
	if (t == JT_ARRAY)
		return cJSON_IsArray(item);
	return cJSON_IsObject(item);
}

static int decode_value(const struct jfield *f, const cJSON *item,
			enum json_mode mode, void *obj, struct tthc_err *err)
{
	void *p = AT(obj, f->off);
	const char *s = item->valuestring;

	if (!type_fits(f->type, item))
		return type_error(f->type, err);
	switch (f->type) {
	case JT_STRING:
	case JT_ID:
		return decode_string(f, item, p, err);
	case JT_INT:
		return json_int(item, f->min, f->max, (int64_t *)p, err);
	case JT_BOOL:
		*(bool *)p = cJSON_IsTrue(item);
		return 0;
	case JT_ENUM:
		return decode_enum(f, s, (int *)p, err);
	case JT_DATE:
		return date_parse(s, (struct date *)p, err);
	case JT_PERIOD:
		return period_parse(s, (struct period *)p, err);
	case JT_INSTANT:
		return instant_parse(s, (int64_t *)p, err);
	case JT_UUID:
		if (!json_is_uuid(s))
			return tthc_fail(err, TTHC_E_INVALID, NULL,
					 _("not a UUID in lowercase 8-4-4-4-12 hex"));
		memcpy(p, s, JSON_UUID_SIZE);
		return 0;
	case JT_OBJECT:
		*(cJSON **)p = cJSON_Duplicate(item, 1);
		return *(cJSON **)p ? 0
			: tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
	case JT_STRUCT:
		return decode_struct(f, item, mode, p, err);
	default:        /* JT_ARRAY */
		return decode_array(f, item, mode, obj, err);
	}
}

static int decode_field(const struct jfield *f, const cJSON *item,
			enum json_mode mode, void *obj, struct tthc_err *err)
{
	/* null stands for an absent optional field. */
	if (!item || cJSON_IsNull(item)) {
		if (f->flags & JF_REQUIRED)
			return tthc_fail(err, TTHC_E_MISSING, f->name, _("missing field"));
		return 0;
	}
	if (decode_value(f, item, mode, obj, err)) {
		tthc_err_prefix(err, f->name);
		return -1;
	}
	if (f->flags & JF_HAS)
		*(bool *)AT(obj, f->aux) = true;
	return 0;
}

static const struct jfield *find_field(const struct jschema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nfields; i++)
		if (!strcmp(s->fields[i].name, name))
			return &s->fields[i];
	return NULL;
}

int schema_decode(const struct jschema *s, const cJSON *j, enum json_mode mode,
		  void *out, struct tthc_err *err)
{
	const cJSON *c;
	size_t i;

	memset(out, 0, s->size);
	if (!cJSON_IsObject(j))
		return tthc_fail(err, TTHC_E_TYPE, NULL, _("expected an object"));
	if (mode == JSON_STRICT)
		cJSON_ArrayForEach(c, j)
			if (!find_field(s, c->string))
				return tthc_fail(err, TTHC_E_UNKNOWN_FIELD, c->string,
						 _("unknown field"));
	for (i = 0; i < s->nfields; i++) {
		const struct jfield *f = &s->fields[i];

		if (decode_field(f, cJSON_GetObjectItemCaseSensitive(j, f->name),
				 mode, out, err))
			goto fail;
	}
	if (s->check && s->check(out, err))
		goto fail;
	return 0;
fail:
	schema_free(s, out);
	return -1;
}
