/* Collation keys in the layout of UTS #10 and ICU: every primary weight,
 * a level separator, every secondary, a separator, every tertiary, so that
 * comparing keys byte by byte compares base letters of the whole string
 * before any tone and tones before any case.  Names mode keeps the given
 * name and the rest apart inside each level with a separator lower than any
 * weight, so "An" with any family sorts before "Anh". */
#include "text/collate.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/collate_weights.h"
#include "text/utf8.h"
#include "util/i18n.h"

/* Room on the stack for the common case: a name or a line of a list. */
enum { CE_STACK = 128, DECOMP_STACK = 256, KEY_STACK = 1024 };

/* The decomposed route, for text with combining marks or characters past
 * the table: NFD through utf8proc, then the weights of the whole. */
static int weigh_decomposed(const char *s, size_t len, struct coll_vec *out)
{
	utf8proc_int32_t stack[DECOMP_STACK], *cps = stack;
	utf8proc_ssize_t n;
	int rc;

	n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
			       cps, DECOMP_STACK, UTF8PROC_DECOMPOSE);
	if (n > DECOMP_STACK) {
		cps = malloc((size_t)n * sizeof *cps);
		if (!cps)
			return -1;
		n = utf8proc_decompose((const utf8proc_uint8_t *)s,
				       (utf8proc_ssize_t)len, cps, n, UTF8PROC_DECOMPOSE);
	}
	rc = n < 0 ? -1 : coll_weigh_nfd(cps, (size_t)n, out);
	if (cps != stack)
		free(cps);
	return rc;
}

/* Append the elements of valid UTF-8 s[0..len).  Text made only of table
 * characters (all of Vietnamese, precomposed) is weighed one code point at
 * a time with no decomposition; anything else takes the decomposed route. */
static int weigh_text(const char *s, size_t len, struct coll_vec *out)
{
	size_t start = out->n, i = 0, k;
	const struct coll_ce *ces;
	int32_t cp;
	int n;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i++];
		} else {
			k = utf8_decode(s + i, len - i, &cp);
			i += k;
		}
		n = coll_table_lookup(cp, &ces);
		if (n < 0) {
			out->n = start;
			return weigh_decomposed(s, len, out);
		}
		if (n && coll_vec_push(out, ces, (size_t)n))
			return -1;
	}
	return 0;
}

static bool is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* Names mode: the last word is the given name, the words before it the
 * family and middle names; spaces around both are dropped. */
static void split_name(const char *s, size_t len, size_t given[2], size_t rest[2])
{
	size_t i = 0, k, first = len, last = len, end = len, before = len;
	bool in_word = false;
	int32_t cp;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		if (is_space(cp)) {
			if (in_word)
				end = i;
			in_word = false;
		} else if (!in_word) {
			if (first == len)
				first = i;
			else
				before = end;
			last = i;
			in_word = true;
		}
		i += k;
	}
	if (in_word)
		end = len;
	given[0] = last;
	given[1] = end;
	rest[0] = last == first ? len : first;
	rest[1] = last == first ? len : before;
}

static size_t level_size(const struct coll_vec *v)
{
	size_t i, n = 2 * v->n;

	for (i = 0; i < v->n; i++)
		n += v->v[i].plen;
	return n;
}

/* parts: element ranges [bounds[i], bounds[i+1]) in the order they count. */
static size_t write_key(uint8_t *k, const struct coll_vec *v,
			const size_t *bounds, size_t parts)
{
	size_t n = 0, level, part, i;

	for (level = 0; level < 3; level++) {
		if (level)
			k[n++] = COLL_LEVEL_SEP;
		for (part = 0; part < parts; part++) {
			if (part)
				k[n++] = COLL_PART_SEP;
			for (i = bounds[part]; i < bounds[part + 1]; i++) {
				const struct coll_ce *ce = &v->v[i];

				if (level == 0) {
					memcpy(k + n, ce->p, ce->plen);
					n += ce->plen;
				} else {
					k[n++] = level == 1 ? ce->sec : ce->ter;
				}
			}
		}
	}
	return n;
}

static int weigh_for_mode(const char *s, size_t len, enum collate_mode mode,
			  struct coll_vec *v, size_t bounds[3], size_t *parts)
{
	size_t given[2], rest[2];

	bounds[0] = 0;
	if (mode != COLLATE_NAMES) {
		*parts = 1;
		if (weigh_text(s, len, v))
			return -1;
		bounds[1] = v->n;
		return 0;
	}
	*parts = 2;
	split_name(s, len, given, rest);
	if (weigh_text(s + given[0], given[1] - given[0], v))
		return -1;
	bounds[1] = v->n;
	if (weigh_text(s + rest[0], rest[1] - rest[0], v))
		return -1;
	bounds[2] = v->n;
	return 0;
}

int text_collate_key(const char *s, size_t len, enum collate_mode mode,
		     struct buf *key, struct tthc_err *err)
{
	struct coll_ce ce_stack[CE_STACK];
	uint8_t key_stack[KEY_STACK], *k = key_stack;
	struct coll_vec v;
	size_t bad, bounds[3], parts, size;
	char where[32];
	int rc = -1;

	if (!utf8_valid(s, len, &bad)) {
		snprintf(where, sizeof where, "byte %zu", bad);
		return tthc_fail(err, TTHC_E_BAD_UTF8, where, "%s", _("invalid UTF-8"));
	}
	coll_init();
	coll_vec_init(&v, ce_stack, CE_STACK);
	if (weigh_for_mode(s, len, mode, &v, bounds, &parts))
		goto out;
	size = level_size(&v) + 3 * parts;
	if (size > KEY_STACK && !(k = malloc(size)))
		goto out;
	buf_append(key, k, write_key(k, &v, bounds, parts));
	rc = buf_failed(key) ? -1 : 0;
out:
	if (k != key_stack)
		free(k);
	coll_vec_free(&v);
	if (rc)
		tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	return rc;
}

int text_collate(const char *a, const char *b, enum collate_mode mode,
		 struct tthc_err *err)
{
	struct buf ka = BUF_INIT, kb = BUF_INIT;
	int bad_a, bad_b, cmp;

	tthc_err_clear(err);
	bad_a = text_collate_key(a, strlen(a), mode, &ka, err);
	bad_b = text_collate_key(b, strlen(b), mode, &kb, bad_a ? NULL : err);
	if (bad_a || bad_b)
		cmp = bad_a && bad_b ? strcmp(a, b) : bad_a ? 1 : -1;
	else
		cmp = strcmp(ka.data ? ka.data : "", kb.data ? kb.data : "");
	buf_free(&ka);
	buf_free(&kb);
	return cmp;
}
