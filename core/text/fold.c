#include "text/fold.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/nfc.h"
#include "text/utf8.h"
#include "util/i18n.h"

/* The folded key in utf8proc's terms: canonical decomposition, full case
 * folding, and marks (categories Mn, Mc, Me) dropped; utf8proc applies all
 * three again to each piece of a decomposition, so the result is stable. */
#define FOLD_OPTIONS (UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK)

/* One code point folds to at most 3 code points in Unicode 15 (U+FB03 ﬃ
 * gives f f i); FOLD_CPS leaves room for later versions, and a longer
 * result keeps the code point unfolded rather than cut it. */
#define FOLD_CPS 16
#define FOLD_CHAR_MAX (FOLD_CPS * 4)

/* Results cached for the blocks Vietnamese text lives in, so that most
 * characters cost one lookup instead of a utf8proc decomposition:
 * U+0080..U+036F (Latin-1, Latin Extended-A and -B with ơ ư, and the
 * combining marks of NFD input) and U+1E00..U+1EFF (Latin Extended
 * Additional: ạ ả ấ ... ỹ).  An entry is the UTF-8 of the folded form. */
struct fold_entry {
	uint8_t len;
	char s[7];
};
#define NOT_CACHED 0xFF
#define LOW_FIRST 0x80
#define LOW_LAST 0x36F
#define HIGH_FIRST 0x1E00
#define HIGH_LAST 0x1EFF

static struct fold_entry low_table[LOW_LAST - LOW_FIRST + 1];
static struct fold_entry high_table[HIGH_LAST - HIGH_FIRST + 1];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* đ has no decomposition (the stroke belongs to the letter), so utf8proc
 * keeps it; Vietnamese search treats it as d.  The Icelandic Ð (U+00D0,
 * folded to ð U+00F0) looks the same as Đ and stands for it in text typed
 * with Latin-1 keyboards and fonts. */
static int32_t fold_stroke(int32_t cp)
{
	return (cp == 0x0111 || cp == 0x00F0) ? 'd' : cp;
}

static size_t fold_char_slow(int32_t cp, char *out)
{
	utf8proc_int32_t cps[FOLD_CPS];
	utf8proc_ssize_t n, i;
	size_t len = 0;
	int boundclass = 0;

	/* Hangul syllables have neither case nor marks; decomposing them would
	 * only turn them into jamo. */
	if (cp >= 0xAC00 && cp <= 0xD7A3)
		return utf8_encode(cp, out);
	n = utf8proc_decompose_char(cp, cps, FOLD_CPS, FOLD_OPTIONS, &boundclass);
	if (n < 0 || n > FOLD_CPS)
		return utf8_encode(cp, out);
	for (i = 0; i < n; i++)
		len += utf8_encode(fold_stroke(cps[i]), out + len);
	return len;
}

static void fill_table(struct fold_entry *table, int32_t first, int32_t last)
{
	char tmp[FOLD_CHAR_MAX];
	int32_t cp;
	size_t n;

	for (cp = first; cp <= last; cp++) {
		struct fold_entry *e = &table[cp - first];

		n = fold_char_slow(cp, tmp);
		if (n > sizeof e->s) {
			e->len = NOT_CACHED;
			continue;
		}
		e->len = (uint8_t)n;
		memcpy(e->s, tmp, n);
	}
}

static void fill_tables(void)
{
	fill_table(low_table, LOW_FIRST, LOW_LAST);
	fill_table(high_table, HIGH_FIRST, HIGH_LAST);
}

/* Writes the folded form of a non-ASCII cp to out (FOLD_CHAR_MAX bytes of
 * room) and returns its length. */
static size_t fold_char(int32_t cp, char *out)
{
	const struct fold_entry *e;

	if (cp <= LOW_LAST)
		e = &low_table[cp - LOW_FIRST];
	else if (cp >= HIGH_FIRST && cp <= HIGH_LAST)
		e = &high_table[cp - HIGH_FIRST];
	else
		return fold_char_slow(cp, out);
	if (e->len == NOT_CACHED)
		return fold_char_slow(cp, out);
	/* A fixed-size copy is two moves; the chunk always has the room. */
	memcpy(out, e->s, sizeof e->s);
	return e->len;
}

static int fail_bad_utf8(struct tthc_err *err, size_t offset)
{
	char where[32];

	snprintf(where, sizeof where, "byte %zu", offset);
	return tthc_fail(err, TTHC_E_BAD_UTF8, where, "%s", _("invalid UTF-8"));
}

static int fail_nomem(struct tthc_err *err)
{
	return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
}

/* Output is gathered in a chunk on the stack and appended to the buffer a
 * chunk at a time: no allocation per character. */
#define CHUNK 1024

int text_fold_append(struct buf *out, const char *s, size_t len, struct tthc_err *err)
{
	const unsigned char *p = (const unsigned char *)s;
	char chunk[CHUNK];
	size_t i = 0, n = 0, start = out->len, k, end;
	int32_t cp;

	pthread_once(&tables_once, fill_tables);
	while (i < len) {
		if (n > CHUNK - FOLD_CHAR_MAX) {
			buf_append(out, chunk, n);
			n = 0;
		}
		if (p[i] < 0x80) {
			/* ASCII run: bounded first, so the loop below has a
			 * known trip count and compiles to vector code. */
			end = i + (CHUNK - n < len - i ? CHUNK - n : len - i);
			for (k = i; k < end && p[k] < 0x80; k++)
				;
			for (; i < k; i++)
				chunk[n++] = (char)((unsigned)(p[i] - 'A') < 26u ? p[i] + 32 : p[i]);
			continue;
		}
		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			if (out->data && !buf_failed(out)) {
				out->len = start;
				out->data[start] = '\0';
			}
			return fail_bad_utf8(err, i);
		}
		i += k;
		n += fold_char(cp, chunk + n);
	}
	buf_append(out, chunk, n);
	return buf_failed(out) ? fail_nomem(err) : 0;
}

char *text_fold(const char *s, size_t len, size_t *out_len, struct tthc_err *err)
{
	struct buf b = BUF_INIT;
	size_t n;

	if (text_fold_append(&b, s, len, err)) {
		buf_free(&b);
		return NULL;
	}
	n = b.len;
	if (out_len)
		*out_len = n;
	return buf_detach(&b);
}

char *text_fold_case(const char *s, size_t len, size_t *out_len, struct tthc_err *err)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;
	size_t bad;

	if (!utf8_valid(s, len, &bad)) {
		fail_bad_utf8(err, bad);
		return NULL;
	}
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n < 0) {
		fail_nomem(err);
		return NULL;
	}
	if (out_len)
		*out_len = (size_t)n;
	return (char *)out;
}

/* A capital or title-case letter anywhere in valid UTF-8. */
static bool has_capital(const char *s, size_t len)
{
	size_t i = 0, n;
	int32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return false;
		if (utf8proc_tolower(cp) != cp)
			return true;
		i += n;
	}
	return false;
}

/* The key of s for q's mode, as a new string. */
static char *exact_key(const struct text_search *q, const char *s, size_t len,
		       size_t *out_len, struct tthc_err *err)
{
	return q->match_case ? text_nfc(s, len, out_len, err)
			     : text_fold_case(s, len, out_len, err);
}

int text_search_init(struct text_search *q, const char *needle, size_t len,
		     enum text_match mode, struct tthc_err *err)
{
	memset(q, 0, sizeof *q);
	q->mode = mode;
	if (mode == TEXT_MATCH_EXACT) {
		q->match_case = has_capital(needle, len);
		q->key = exact_key(q, needle, len, &q->key_len, err);
	} else {
		q->key = text_fold(needle, len, &q->key_len, err);
	}
	return q->key ? 0 : -1;
}

static bool starts_with_mark(const char *s, size_t len)
{
	int32_t cp;
	utf8proc_category_t cat;

	if (utf8_decode(s, len, &cp) == 0)
		return false;
	cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
	       cat == UTF8PROC_CATEGORY_ME;
}

/* Substring search on keys.  Both are valid UTF-8, so a byte match starts
 * and ends on character boundaries.  An exact key may still hold a mark NFC
 * could not compose (e + U+0302 U+0304): a match followed by a mark would
 * match the letter without all its marks, so it does not count. */
static int key_contains(const char *hay, size_t hay_len, const char *needle,
			size_t needle_len, bool exact)
{
	const char *at = hay, *end = hay + hay_len;

	if (needle_len == 0)
		return 1;
	while ((at = memmem(at, (size_t)(end - at), needle, needle_len))) {
		const char *after = at + needle_len;

		if (!exact || !starts_with_mark(after, (size_t)(end - after)))
			return 1;
		at++;
	}
	return 0;
}

int text_search_match(struct text_search *q, const char *hay, size_t len,
		      struct tthc_err *err)
{
	char *key;
	size_t key_len;
	int found;

	if (q->mode == TEXT_MATCH_FOLDED) {
		buf_reset(&q->scratch);
		if (text_fold_append(&q->scratch, hay, len, err))
			return -1;
		return key_contains(q->scratch.data, q->scratch.len, q->key, q->key_len, false);
	}
	key = exact_key(q, hay, len, &key_len, err);
	if (!key)
		return -1;
	found = key_contains(key, key_len, q->key, q->key_len, true);
	free(key);
	return found;
}

void text_search_free(struct text_search *q)
{
	free(q->key);
	buf_free(&q->scratch);
	memset(q, 0, sizeof *q);
}

int text_contains(const char *hay, size_t hay_len, const char *needle,
		  size_t needle_len, enum text_match mode, struct tthc_err *err)
{
	struct text_search q;
	int found;

	if (text_search_init(&q, needle, needle_len, mode, err)) {
		text_search_free(&q);
		return -1;
	}
	found = text_search_match(&q, hay, hay_len, err);
	text_search_free(&q);
	return found;
}
