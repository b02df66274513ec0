#include "model/json.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/json_scan.h"
#include "text/nfc.h"
#include "text/utf8.h"
#include "util/i18n.h"

const struct json_limits json_default_limits = {
	JSON_MAX_BYTES_DEFAULT, JSON_MAX_DEPTH_DEFAULT
};

/* cJSON 1.7.15 writes a global error position on every parse: parsing
 * from the server's several threads at once would race on it. */
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

/* Objects up to this many members are checked for duplicate keys pair by
 * pair; bigger ones are sorted, so a 1 MiB object of distinct keys costs
 * n log n, not n^2. */
#define SMALL_OBJECT 16

static int check_node(const cJSON *n, struct tthc_err *err);

static bool is_nfc(const char *s)
{
	return text_is_nfc(s, strlen(s));
}

static int compare_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *duplicate_in_sorted(const char **keys, size_t n)
{
	size_t i;

	qsort(keys, n, sizeof *keys, compare_keys);
	for (i = 1; i < n; i++)
		if (!strcmp(keys[i - 1], keys[i]))
			return keys[i];
	return NULL;
}

static const char *duplicate_in_small(const cJSON *obj)
{
	const cJSON *a, *b;

	for (a = obj->child; a; a = a->next)
		for (b = a->next; b; b = b->next)
			if (!strcmp(a->string, b->string))
				return b->string;
	return NULL;
}

static int check_keys(const cJSON *obj, struct tthc_err *err)
{
	const cJSON *c;
	const char **keys, *dup;
	size_t n = 0;

	for (c = obj->child; c; c = c->next) {
		if (!is_nfc(c->string))
			return tthc_fail(err, TTHC_E_NOT_NFC, c->string, _("key not NFC"));
		n++;
	}
	if (n <= SMALL_OBJECT) {
		dup = duplicate_in_small(obj);
	} else {
		keys = malloc(n * sizeof *keys);
		if (!keys)
			return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
		n = 0;
		for (c = obj->child; c; c = c->next)
			keys[n++] = c->string;
		dup = duplicate_in_sorted(keys, n);
		if (dup)
			tthc_fail(err, TTHC_E_DUPLICATE_KEY, dup, _("duplicate key"));
		free(keys);
		return dup ? -1 : 0;
	}
	return dup ? tthc_fail(err, TTHC_E_DUPLICATE_KEY, dup, _("duplicate key")) : 0;
}

static int check_children(const cJSON *n, struct tthc_err *err)
{
	const cJSON *c;
	char index[24];
	int i = 0;

	for (c = n->child; c; c = c->next, i++) {
		if (!check_node(c, err))
			continue;
		if (cJSON_IsArray(n)) {
			snprintf(index, sizeof index, "[%d]", i);
			tthc_err_prefix(err, index);
		} else {
			tthc_err_prefix(err, c->string);
		}
		return -1;
	}
	return 0;
}

/* Recursion is bounded: json_scan() has limited the depth already. */
static int check_node(const cJSON *n, struct tthc_err *err)
{
	if (cJSON_IsString(n)) {
		if (!is_nfc(n->valuestring))
			return tthc_fail(err, TTHC_E_NOT_NFC, NULL, _("not NFC"));
		return 0;
	}
	if (cJSON_IsObject(n) && check_keys(n, err))
		return -1;
	return check_children(n, err);
}

static cJSON *parse_copy(const char *s, size_t len, struct tthc_err *err)
{
	char *copy = malloc(len + 1), where[32];
	const char *end = NULL;
	cJSON *root;

	if (!copy) {
		tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory"));
		return NULL;
	}
	memcpy(copy, s, len);
	copy[len] = '\0';
	/* require_null_terminated looks for the NUL inside the given length,
	 * so the length counts it: trailing garbage then fails the parse. */
	pthread_mutex_lock(&parse_lock);
	root = cJSON_ParseWithLengthOpts(copy, len + 1, &end, 1);
	pthread_mutex_unlock(&parse_lock);
	if (!root) {
		snprintf(where, sizeof where, "byte %zu",
			 end && end >= copy ? (size_t)(end - copy) : (size_t)0);
		tthc_fail(err, TTHC_E_BAD_JSON, where, _("malformed JSON"));
	}
	free(copy);
	return root;
}

cJSON *json_parse(const char *s, size_t len, const struct json_limits *limits,
		  struct tthc_err *err)
{
	char where[32];
	size_t bad;
	cJSON *root;

	if (!limits)
		limits = &json_default_limits;
	if (len > limits->max_bytes) {
		tthc_fail(err, TTHC_E_TOO_LARGE, NULL,
			  _("the document is larger than %zu bytes"), limits->max_bytes);
		return NULL;
	}
	if (!utf8_valid(s, len, &bad)) {
		snprintf(where, sizeof where, "byte %zu", bad);
		tthc_fail(err, TTHC_E_BAD_UTF8, where, _("invalid UTF-8"));
		return NULL;
	}
	if (json_scan(s, len, limits->max_depth, err))
		return NULL;
	root = parse_copy(s, len, err);
	if (root && check_node(root, err)) {
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

int json_int(const cJSON *n, int64_t min, int64_t max, int64_t *out,
	     struct tthc_err *err)
{
	double d;
	int64_t v;

	if (!cJSON_IsNumber(n))
		return tthc_fail(err, TTHC_E_TYPE, NULL, _("expected an integer"));
	d = n->valuedouble;
	/* Written so that NaN fails too. */
	if (!(d > -(double)JSON_INT_LIMIT && d < (double)JSON_INT_LIMIT))
		return tthc_fail(err, TTHC_E_RANGE, NULL,
				 _("%g is too large to be an exact integer"), d);
	v = (int64_t)d;
	if ((double)v != d)
		return tthc_fail(err, TTHC_E_TYPE, NULL,
				 _("expected an integer, not %g"), d);
	if (v < min || v > max)
		return tthc_fail(err, TTHC_E_RANGE, NULL,
				 _("%lld is not between %lld and %lld"),
				 (long long)v, (long long)min, (long long)max);
	*out = v;
	return 0;
}
