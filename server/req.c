#include "req.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/nfc.h"
#include "text/utf8.h"
#include "util/i18n.h"

#define MAX_SAFE_INT 9007199254740992.0        /* 2^53: doubles are exact below */

/* What cJSON lets through and the wire refuses, found in the raw text:
 * \u0000, which cJSON turns into the end of its string and so would silently
 * cut a field, and raw control characters in strings (RFC 8259 section 7). */
static int scan_strings(const char *s, size_t len, struct tthc_err *e)
{
	bool in_string = false;
	size_t i;

	for (i = 0; i < len; i++) {
		if (!in_string) {
			in_string = s[i] == '"';
			continue;
		}
		if (s[i] == '"') {
			in_string = false;
		} else if ((unsigned char)s[i] < 0x20) {
			return tthc_fail(e, TTHC_E_BAD_JSON, "",
					 _("an unescaped control character in a string (byte %zu)"), i);
		} else if (s[i] == '\\' && i + 1 < len) {
			if (s[i + 1] == 'u' && i + 5 < len && !strncmp(s + i + 2, "0000", 4))
				return tthc_fail(e, TTHC_E_INVALID, "",
						 _("\\u0000 is not allowed in a string (byte %zu)"), i);
			i++;
		}
	}
	return 0;
}

static bool utf8_ok(const char *s)
{
	return utf8_valid(s, strlen(s), NULL);
}

/* Every key and string is valid UTF-8 (so that a path or message built from
 * them is too), no object has a key twice (cJSON would keep the last), and
 * nesting is bounded. */
static int check_tree(const cJSON *node, int depth, struct tthc_err *e)
{
	const cJSON *a, *b;
	char at[32];
	int index = 0;

	if (depth > REQ_MAX_DEPTH)
		return tthc_fail(e, TTHC_E_TOO_DEEP, "", _("nested deeper than %d"), REQ_MAX_DEPTH);
	if (cJSON_IsString(node) && !utf8_ok(node->valuestring))
		return tthc_fail(e, TTHC_E_BAD_UTF8, "", _("invalid UTF-8"));
	for (a = node->child; a; a = a->next)
		if (cJSON_IsObject(node) && !utf8_ok(a->string))
			return tthc_fail(e, TTHC_E_BAD_UTF8, "", _("a key is not valid UTF-8"));
	for (a = node->child; a; a = a->next) {
		if (cJSON_IsObject(node))
			for (b = a->next; b; b = b->next)
				if (!strcmp(a->string, b->string))
					return tthc_fail(e, TTHC_E_DUPLICATE_KEY, b->string,
							 _("duplicate key"));
		if (check_tree(a, depth + 1, e) < 0) {
			if (cJSON_IsObject(node)) {
				tthc_err_prefix(e, a->string);
			} else {
				snprintf(at, sizeof at, "[%d]", index);
				tthc_err_prefix(e, at);
			}
			return -1;
		}
		index++;
	}
	return 0;
}

static int read_string(const cJSON *v, char **out, struct tthc_err *e)
{
	size_t n;

	if (!cJSON_IsString(v))
		return tthc_fail(e, TTHC_E_TYPE, "", _("must be a string"));
	n = strlen(v->valuestring);
	if (!utf8_valid(v->valuestring, n, NULL))
		return tthc_fail(e, TTHC_E_BAD_UTF8, "", _("invalid UTF-8"));
	if (!text_is_nfc(v->valuestring, n))
		return tthc_fail(e, TTHC_E_NOT_NFC, "", _("not NFC"));
	*out = strdup(v->valuestring);
	return *out ? 0 : tthc_fail(e, TTHC_E_NOMEM, "", _("out of memory"));
}

static int read_object(const cJSON *obj, const struct req_spec *spec, void *out,
		       struct tthc_err *e);

static int read_list(const cJSON *v, const struct req_spec *item, struct req_list *out,
		     struct tthc_err *e)
{
	const cJSON *el;
	char at[32];
	int n;

	if (!cJSON_IsArray(v))
		return tthc_fail(e, TTHC_E_TYPE, "", _("must be an array"));
	n = cJSON_GetArraySize(v);
	if ((size_t)n > item->max_items)
		return tthc_fail(e, TTHC_E_TOO_LARGE, "", _("at most %zu items"), item->max_items);
	out->items = calloc(n ? (size_t)n : 1, item->size);
	if (!out->items)
		return tthc_fail(e, TTHC_E_NOMEM, "", _("out of memory"));
	for (el = v->child; el; el = el->next) {
		if (read_object(el, item, (char *)out->items + out->count * item->size, e) < 0) {
			req_free(item, (char *)out->items + out->count * item->size);
			snprintf(at, sizeof at, "[%zu]", out->count);
			tthc_err_prefix(e, at);
			return -1;
		}
		out->count++;
	}
	return 0;
}

static int read_field(const cJSON *v, const struct req_field *f, void *out,
		      struct tthc_err *e)
{
	char *at = (char *)out + f->offset;

	switch (f->type) {
	case REQ_STRING:
		return read_string(v, (char **)(void *)at, e);
	case REQ_BOOL:
		if (!cJSON_IsBool(v))
			return tthc_fail(e, TTHC_E_TYPE, "", _("must be true or false"));
		*(bool *)(void *)at = cJSON_IsTrue(v);
		return 0;
	case REQ_INT:
		if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble))
			return tthc_fail(e, TTHC_E_TYPE, "", _("must be an integer"));
		if (fabs(v->valuedouble) > MAX_SAFE_INT)
			return tthc_fail(e, TTHC_E_RANGE, "", _("out of range"));
		*(int64_t *)(void *)at = (int64_t)v->valuedouble;
		return 0;
	case REQ_LIST:
		return read_list(v, f->item, (struct req_list *)(void *)at, e);
	}
	return tthc_fail(e, TTHC_E_INVALID, "", _("unknown field type"));
}

static int read_object(const cJSON *obj, const struct req_spec *spec, void *out,
		       struct tthc_err *e)
{
	const cJSON *v;
	size_t i;

	if (!cJSON_IsObject(obj))
		return tthc_fail(e, TTHC_E_TYPE, "", _("must be an object"));
	for (v = obj->child; v; v = v->next) {
		for (i = 0; i < spec->n_fields; i++)
			if (!strcmp(spec->fields[i].name, v->string))
				break;
		if (i == spec->n_fields)
			return tthc_fail(e, TTHC_E_UNKNOWN_FIELD, v->string, _("unknown field"));
		if (cJSON_IsNull(v) && !spec->fields[i].required)
			continue;
		if (read_field(v, &spec->fields[i], out, e) < 0) {
			tthc_err_prefix(e, v->string);
			return -1;
		}
	}
	for (i = 0; i < spec->n_fields; i++)
		if (spec->fields[i].required &&
		    !cJSON_GetObjectItemCaseSensitive(obj, spec->fields[i].name))
			return tthc_fail(e, TTHC_E_MISSING, spec->fields[i].name,
					 _("missing field"));
	return 0;
}

int req_parse(const char *body, size_t len, const struct req_spec *spec, void *out,
	      struct tthc_err *e)
{
	const char *end = NULL;
	size_t bad;
	cJSON *root;
	int rc;

	memset(out, 0, spec->size);
	if (len == 0) {
		body = "{}";
		len = 2;
	}
	if (memchr(body, '\0', len))
		return tthc_fail(e, TTHC_E_BAD_JSON, "", _("a NUL byte in the body"));
	if (scan_strings(body, len, e) < 0)
		return -1;
	/* The length includes the terminating NUL: cJSON's check for trailing
	 * bytes wants to find it.  Bad UTF-8 inside a string parses, and
	 * check_tree then names the field; anywhere else it is a syntax error,
	 * reported as what it is. */
	root = cJSON_ParseWithLengthOpts(body, len + 1, &end, 1);
	if (!root && !utf8_valid(body, len, &bad))
		return tthc_fail(e, TTHC_E_BAD_UTF8, "", _("invalid UTF-8 at byte %zu"), bad);
	if (!root)
		return tthc_fail(e, TTHC_E_BAD_JSON, "", _("malformed JSON at byte %zu"),
				 end && end >= body ? (size_t)(end - body) : 0);
	rc = check_tree(root, 0, e);
	if (rc == 0)
		rc = read_object(root, spec, out, e);
	cJSON_Delete(root);
	if (rc < 0)
		req_free(spec, out);
	return rc;
}

void req_free(const struct req_spec *spec, void *out)
{
	struct req_list *list;
	size_t i, j;
	char *at;

	for (i = 0; i < spec->n_fields; i++) {
		at = (char *)out + spec->fields[i].offset;
		if (spec->fields[i].type == REQ_STRING) {
			free(*(char **)(void *)at);
			*(char **)(void *)at = NULL;
		} else if (spec->fields[i].type == REQ_LIST) {
			list = (struct req_list *)(void *)at;
			for (j = 0; list->items && j < list->count; j++)
				req_free(spec->fields[i].item,
					 (char *)list->items + j * spec->fields[i].item->size);
			free(list->items);
			list->items = NULL;
			list->count = 0;
		}
	}
}
