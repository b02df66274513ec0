/* Payload fields against an action's table: every field is checked and
 * every problem reported, with its path (DESIGN.md section 8: the wire is
 * strict; `payload.fixes[2]: too long`). */
#include <stdio.h>
#include <string.h>

#include "proc/check.h"
#include "text/nfc.h"
#include "text/utf8.h"
#include "util/i18n.h"

/* A payload list's entries, e.g. each fix in a notice. */
enum { LIST_ITEM_MAX = 500 };

static const char *type_noun(enum proc_field_type t)
{
	switch (t) {
	case FIELD_TEXT: return _("text");
	case FIELD_INT: return _("a whole number");
	case FIELD_DATE: return _("a date of the form YYYY-MM-DD");
	case FIELD_PERIOD: return _("a month of the form YYYY-MM");
	case FIELD_ENUM: return _("one of the listed names");
	case FIELD_TEXT_LIST: return _("a list of texts");
	}
	return "?";
}

/* Valid, NFC, free of control characters, min..max code points. */
static void check_text(const struct proc_check *k, const cJSON *item, const char *path,
		       long min, long max)
{
	const char *s = cJSON_GetStringValue(item);
	size_t len, i, n;
	long count = 0;
	int32_t cp;
	bool control = false;

	if (!s) {
		proc_refuse(k->v, REASON_WRONG_TYPE, path, type_noun(FIELD_TEXT));
		return;
	}
	len = strlen(s);
	if (!utf8_valid(s, len, NULL)) {
		proc_refuse(k->v, REASON_BAD_UTF8, path);
		return;
	}
	if (!text_is_nfc(s, len))
		proc_refuse(k->v, REASON_NOT_NFC, path);
	for (i = 0; i < len; i += n, count++) {
		n = utf8_decode(s + i, len - i, &cp);
		/* Line breaks and tabs belong in long texts; other controls never do. */
		if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7f && cp < 0xa0))
			control = true;
	}
	if (control)
		proc_refuse(k->v, REASON_CONTROL, path);
	if (count < min)
		proc_refuse(k->v, REASON_TOO_SHORT, path, min);
	else if (count > max)
		proc_refuse(k->v, REASON_TOO_LONG, path, max);
}

static void check_int(const struct proc_check *k, const cJSON *item, const char *path,
		      const struct proc_field *f)
{
	double d = cJSON_IsNumber(item) ? item->valuedouble : 0.5;

	/* JSON numbers are doubles: whole and within 2^53 to be an exact integer. */
	if (!(d > -9007199254740992.0 && d < 9007199254740992.0) || d != (double)(long long)d)
		proc_refuse(k->v, REASON_WRONG_TYPE, path, type_noun(FIELD_INT));
	else if (d < (double)f->min || d > (double)f->max)
		proc_refuse(k->v, REASON_OUT_OF_RANGE, path, f->min, f->max);
}

static void check_date(const struct proc_check *k, const cJSON *item, const char *path,
		       const struct proc_field *f)
{
	const char *s = cJSON_GetStringValue(item);
	char a[11], b[11];
	struct date d;

	if (!s) {
		proc_refuse(k->v, REASON_WRONG_TYPE, path, type_noun(FIELD_DATE));
		return;
	}
	if (date_parse(s, &d, NULL) < 0) {
		proc_refuse(k->v, REASON_BAD_DATE, path, s);
		return;
	}
	if ((f->flags & FIELD_NOT_FUTURE) && date_cmp(d, k->today) > 0) {
		date_format_vn(d, a);
		date_format_vn(k->today, b);
		proc_refuse(k->v, REASON_IN_FUTURE, path, a, b);
	}
}

static void check_period(const struct proc_check *k, const cJSON *item, const char *path)
{
	const char *s = cJSON_GetStringValue(item);
	struct period p;

	if (!s)
		proc_refuse(k->v, REASON_WRONG_TYPE, path, type_noun(FIELD_PERIOD));
	else if (period_parse(s, &p, NULL) < 0)
		proc_refuse(k->v, REASON_BAD_PERIOD, path, s);
}

static void check_enum(const struct proc_check *k, const cJSON *item, const char *path,
		       const struct proc_field *f)
{
	const char *s = cJSON_GetStringValue(item);
	const struct proc_choice *c;
	char names[256] = "";
	size_t used = 0;

	for (c = f->choices; s && c->name; c++)
		if (!strcmp(c->name, s))
			return;
	for (c = f->choices; c->name && used < sizeof names; c++)
		used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
					 c == f->choices ? "" : ", ", c->name);
	proc_refuse(k->v, REASON_NOT_IN_LIST, path, names);
}

static void check_list(const struct proc_check *k, const cJSON *item, const char *path,
		       const struct proc_field *f)
{
	char sub[96];
	const cJSON *e;
	long n = 0;

	if (!cJSON_IsArray(item)) {
		proc_refuse(k->v, REASON_WRONG_TYPE, path, type_noun(FIELD_TEXT_LIST));
		return;
	}
	cJSON_ArrayForEach(e, item) {
		snprintf(sub, sizeof sub, "%.60s[%ld]", path, n++);
		check_text(k, e, sub, 1, LIST_ITEM_MAX);
	}
	if (n < f->min)
		proc_refuse(k->v, REASON_TOO_FEW, path, f->min);
	else if (n > f->max)
		proc_refuse(k->v, REASON_TOO_MANY, path, f->max);
}

static void check_field(const struct proc_check *k, const struct proc_field *f,
			const cJSON *item, const char *path)
{
	switch (f->type) {
	case FIELD_TEXT: check_text(k, item, path, f->min, f->max); break;
	case FIELD_INT: check_int(k, item, path, f); break;
	case FIELD_DATE: check_date(k, item, path, f); break;
	case FIELD_PERIOD: check_period(k, item, path); break;
	case FIELD_ENUM: check_enum(k, item, path, f); break;
	case FIELD_TEXT_LIST: check_list(k, item, path, f); break;
	}
}

static const struct proc_field *field_named(const struct proc_field *fields, const char *name)
{
	for (; fields->name; fields++)
		if (name && !strcmp(fields->name, name))
			return fields;
	return NULL;
}

/* An earlier member of the object has the same key as item. */
static bool repeated(const cJSON *object, const cJSON *item)
{
	const cJSON *e;

	for (e = object->child; e && e != item; e = e->next)
		if (e->string && item->string && !strcmp(e->string, item->string))
			return true;
	return false;
}

void proc_check_fields(const struct proc_check *k)
{
	const cJSON *payload = k->req->payload, *item;
	const struct proc_field *f;
	char path[64];

	if (payload && !cJSON_IsObject(payload)) {
		proc_refuse(k->v, REASON_NOT_OBJECT, "payload");
		return;
	}
	for (f = k->action->fields; f->name; f++) {
		snprintf(path, sizeof path, "payload.%s", f->name);
		item = payload ? cJSON_GetObjectItemCaseSensitive(payload, f->name) : NULL;
		if (!item || cJSON_IsNull(item)) {
			if (f->flags & FIELD_REQUIRED)
				proc_refuse(k->v, REASON_MISSING, path);
			continue;
		}
		check_field(k, f, item, path);
	}
	cJSON_ArrayForEach(item, payload) {
		snprintf(path, sizeof path, "payload.%.50s", item->string ? item->string : "");
		/* cJSON keeps both copies of a repeated key and finds the first:
		 * the second would pass unchecked. */
		if (repeated(payload, item))
			proc_refuse(k->v, REASON_DUPLICATE_KEY, path);
		else if (!field_named(k->action->fields, item->string))
			proc_refuse(k->v, REASON_UNKNOWN_FIELD, path, k->action->name);
	}
}

bool proc_payload_date(const cJSON *payload, const char *name, struct date *out)
{
	const cJSON *item = payload ? cJSON_GetObjectItemCaseSensitive(payload, name) : NULL;
	const char *s = cJSON_GetStringValue(item);

	return s && date_parse(s, out, NULL) == 0;
}
