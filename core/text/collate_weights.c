/* Collation weights: CLDR's `vi` collation as ICU implements it
 * (common/collation/vi.xml: "&̀<<̉<<̃<<́<<̣ &a<ă<â &d<đ &e<ê &o<ô<ơ &u<ư"
 * over the CLDR root order), reduced to what tthc needs.  The orders below
 * were read off ICU 72's `vi` and root collators.  Simplifications, on
 * purpose: punctuation, symbols and spaces outside ASCII, Latin-1 and the
 * common dashes and quotes sort after those of their group by code point;
 * other scripts sort after Latin by code point, and the hooked letters of
 * Latin Extended-B with them (root puts ƀ after b, ƈ after c...). */
#include "text/collate_weights.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <utf8proc.h>

enum {
	SEC_COMMON = 0x05,          /* a base letter; lowest, as in the UCA */
	SEC_FIRST_MARK = 0x06,
	TER_LOWER = 0x05,           /* also every uncased character */
	TER_LOWER_VARIANT = 0x06,   /* compatibility forms: ａ, ﬁ, ², æ */
	TER_UPPER = 0x07,
	TER_UPPER_VARIANT = 0x08,
	MULTI_BASE = 253,           /* digits of a 4-byte primary, offset by 3 */
};

/* Groups of characters without a place of their own: a lead byte at the
 * end of their group, then the (lower-case) code point. */
enum {
	OTHER_SPACE = -1,
	OTHER_PUNCT = -2,
	OTHER_SYMBOL = -3,
	OTHER_CURRENCY = -4,
	OTHER_LETTER = -5,
};

/* One-byte primaries, in order: CLDR root's whitespace < punctuation <
 * symbols < currency < digits < letters, with the members of ASCII,
 * Latin-1 and the dashes and quotes common in Vietnamese text in root
 * order, and the letters in the vi order (a ă â b c d đ e ê ...), plus ı,
 * ŋ, ĸ and þ, which root sorts as letters of their own. */
static const int32_t primary_order[] = {
	'\t', '\n', '\v', '\f', '\r', 0x85, ' ', OTHER_SPACE,
	'_', '-', 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, ',', 0x3001,
	';', ':', '!', 0xA1, '?', 0xBF, '.', 0x2026, 0x3002, 0xB7, '\'',
	0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A, '"', 0x201C, 0x201D,
	0x201E, 0x201F, 0xAB, 0xBB, '(', ')', '[', ']', '{', '}', 0xA7, 0xB6,
	'@', '*', '/', '\\', '&', '#', '%', 0x2030, 0x2020, 0x2021, 0x2022,
	0x2032, 0x2033, OTHER_PUNCT,
	'`', 0xB4, '^', 0xAF, 0xA8, 0xB8, 0xB0, 0xA9, 0xAE, '+', 0xB1, 0xF7,
	0xD7, '<', '=', '>', 0xAC, '|', 0xA6, '~', OTHER_SYMBOL,
	0xA4, 0xA2, '$', 0xA3, 0xA5, OTHER_CURRENCY,
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
	'a', 0x103, 0xE2, 'b', 'c', 'd', 0x111, 'e', 0xEA, 'f', 'g', 'h', 'i',
	0x131, 'j', 'k', 'l', 'm', 'n', 0x14B, 'o', 0xF4, 0x1A1, 'p', 'q',
	0x138, 'r', 's', 't', 'u', 0x1B0, 'v', 'w', 'x', 'y', 'z', 0xFE,
	OTHER_LETTER,
};

/* The vi letters that are a base letter plus a mark in NFD.  The mark
 * makes a new letter (first level), not an accent (second level). */
static const struct {
	int32_t base, mark, letter;
} contractions[] = {
	{ 'a', 0x306, 0x103 }, { 'a', 0x302, 0xE2 }, { 'e', 0x302, 0xEA },
	{ 'o', 0x302, 0xF4 }, { 'o', 0x31B, 0x1A1 }, { 'u', 0x31B, 0x1B0 },
};

/* Second level order of the combining marks U+0300-U+036F: vi's tones
 * grave < hook < tilde < acute < dot below right after the grave, the rest
 * as root has them.  0 ends a group of equal weight. */
static const uint16_t mark_order[] = {
	0x34F, 0, 0x332, 0, 0x313, 0x343, 0, 0x314, 0, 0x300, 0x340, 0,
	0x309, 0, 0x303, 0, 0x301, 0x341, 0, 0x323, 0, 0x306, 0, 0x302, 0,
	0x30C, 0, 0x30A, 0, 0x342, 0, 0x308, 0, 0x344, 0, 0x30B, 0, 0x307, 0,
	0x338, 0, 0x327, 0, 0x328, 0, 0x304, 0,
	0x30D, 0x30E, 0x312, 0x315, 0x31A, 0x33D, 0x33E, 0x33F, 0x346, 0x34A,
	0x34B, 0x34C, 0x350, 0x351, 0x352, 0x357, 0x35B, 0x35D, 0x35E, 0,
	0x316, 0x317, 0x318, 0x319, 0x31C, 0x31D, 0x31E, 0x31F, 0x320, 0x329,
	0x32A, 0x32B, 0x32C, 0x32F, 0x333, 0x33A, 0x33B, 0x33C, 0x347, 0x348,
	0x349, 0x34D, 0x34E, 0x353, 0x354, 0x355, 0x356, 0x359, 0x35A, 0x35C,
	0x35F, 0x362, 0,
	0x336, 0x337, 0, 0x335, 0, 0x305, 0, 0x30F, 0, 0x310, 0, 0x311, 0,
	0x31B, 0, 0x321, 0, 0x322, 0, 0x324, 0, 0x325, 0, 0x326, 0, 0x32D, 0,
	0x32E, 0, 0x330, 0, 0x331, 0, 0x334, 0, 0x339, 0, 0x345, 0, 0x358, 0,
	0x360, 0, 0x361, 0, 0x363, 0, 0x368, 0, 0x369, 0, 0x364, 0, 0x36A, 0,
	0x365, 0, 0x36B, 0, 0x366, 0, 0x36C, 0, 0x36D, 0, 0x367, 0, 0x36E, 0,
	0x36F, 0,
};

/* Weights past the marks: the difference that root gives ð, æ, œ, ß, and
 * the one we give every mark outside U+0300-U+036F. */
static uint8_t sec_late, sec_other_mark, sec_stroke;

/* Letters root weighs as another letter plus a second-level difference
 * (ø ł ħ like a slashed letter, ð late), or as two letters (æ œ ß). */
static const struct {
	int32_t cp, first, second;      /* lower case; second 0: one letter */
	uint8_t *sec;
} variants[] = {
	{ 0xF8, 'o', 0, &sec_stroke }, { 0x142, 'l', 0, &sec_stroke },
	{ 0x127, 'h', 0, &sec_stroke }, { 0xF0, 'd', 0, &sec_late },
	{ 0xE6, 'a', 'e', &sec_late }, { 0x153, 'o', 'e', &sec_late },
	{ 0xDF, 's', 's', &sec_late },
};

#define LATIN_END 0x250
#define EXT_FIRST 0x1E00
#define EXT_END 0x1F00

static uint8_t primary_byte[LATIN_END];        /* 0: not in primary_order */
/* The few members of primary_order past Latin Extended-B. */
static struct {
	int32_t cp;
	uint8_t byte;
} beyond_latin[sizeof primary_order / sizeof primary_order[0]];
static size_t n_beyond_latin;
static uint8_t other_lead[6];                  /* by -OTHER_x */
static uint8_t mark_sec[0x70];

struct table_entry {
	int8_t n;                       /* -1: not tabled */
	struct coll_ce ce[COLL_TABLE_MAX_CE];
};
static struct table_entry table[LATIN_END + (EXT_END - EXT_FIRST)];
static once_flag table_once = ONCE_FLAG_INIT;

void coll_vec_init(struct coll_vec *vec, struct coll_ce *storage, size_t cap)
{
	vec->v = storage;
	vec->n = 0;
	vec->cap = cap;
	vec->heap = false;
}

void coll_vec_free(struct coll_vec *vec)
{
	if (vec->heap)
		free(vec->v);
	vec->v = NULL;
	vec->n = vec->cap = 0;
	vec->heap = false;
}

int coll_vec_push(struct coll_vec *vec, const struct coll_ce *ce, size_t count)
{
	if (vec->n + count > vec->cap) {
		size_t cap = vec->cap * 2 + count;
		struct coll_ce *v;

		if (vec->heap) {
			v = realloc(vec->v, cap * sizeof *v);
		} else {
			v = malloc(cap * sizeof *v);
			if (v && vec->n)
				memcpy(v, vec->v, vec->n * sizeof *v);
		}
		if (!v)
			return -1;
		vec->v = v;
		vec->cap = cap;
		vec->heap = true;
	}
	memcpy(vec->v + vec->n, ce, count * sizeof *ce);
	vec->n += count;
	return 0;
}

static int push(struct coll_vec *out, const uint8_t *p, uint8_t plen,
		uint8_t sec, uint8_t ter)
{
	struct coll_ce ce = { .plen = plen, .sec = sec, .ter = ter };

	if (plen)
		memcpy(ce.p, p, plen);
	return coll_vec_push(out, &ce, 1);
}

static int push_primary(struct coll_vec *out, uint8_t byte, uint8_t ter)
{
	return push(out, &byte, 1, SEC_COMMON, ter);
}

/* A code point placed by its group: the group's lead byte, then cp in three
 * base-253 digits, each >= 3 so that no separator byte appears. */
static int push_other(struct coll_vec *out, int group, int32_t cp, uint8_t ter)
{
	uint8_t p[4];

	p[0] = other_lead[-group];
	p[1] = (uint8_t)(cp / (MULTI_BASE * MULTI_BASE) + 3);
	p[2] = (uint8_t)(cp / MULTI_BASE % MULTI_BASE + 3);
	p[3] = (uint8_t)(cp % MULTI_BASE + 3);
	return push(out, p, 4, SEC_COMMON, ter);
}

static int other_group(utf8proc_category_t cat)
{
	switch (cat) {
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return OTHER_SPACE;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return OTHER_PUNCT;
	case UTF8PROC_CATEGORY_SC:
		return OTHER_CURRENCY;
	case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return OTHER_SYMBOL;
	default:
		return OTHER_LETTER;
	}
}

/* Decimal digits are encoded in runs of ten from 0 to 9 (Unicode's
 * stability policy), so a digit's value is its distance from its run's
 * start; root gives every script's digit the primary of the ASCII one. */
static int digit_value(int32_t cp)
{
	int32_t first = cp;

	while (utf8proc_category(first - 1) == UTF8PROC_CATEGORY_ND)
		first--;
	return (int)((cp - first) % 10);
}

static bool has_compat_form(utf8proc_category_t cat)
{
	/* Root weighs compatibility characters (ａ, ², no-break space, ！)
	 * as what they stand for, except the spacing accents (´ ¨ ¯), which
	 * keep places of their own among the symbols. */
	return cat != UTF8PROC_CATEGORY_SK;
}

static int weigh_seq(const int32_t *cps, size_t n, struct coll_vec *out, bool variant);

static int weigh_variant(size_t i, uint8_t ter, struct coll_vec *out)
{
	if (variants[i].second)
		ter = ter >= TER_UPPER ? TER_UPPER_VARIANT : TER_LOWER_VARIANT;
	if (push_primary(out, primary_byte[variants[i].first], ter) ||
	    push(out, NULL, 0, *variants[i].sec, TER_LOWER))
		return -1;
	if (variants[i].second)
		return push_primary(out, primary_byte[variants[i].second], ter);
	return 0;
}

/* One code point of NFD text, alone (contractions are handled by the
 * caller).  `variant`: it came from a compatibility decomposition. */
static int weigh_cp(int32_t cp, struct coll_vec *out, bool variant)
{
	utf8proc_category_t cat = utf8proc_category(cp);
	int32_t lower = utf8proc_tolower(cp);
	uint8_t ter = lower != cp ? TER_UPPER : TER_LOWER;
	size_t i;

	if (variant)
		ter++;
	if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME)
		return push(out, NULL, 0, cp >= 0x300 && cp < 0x370 ?
			    mark_sec[cp - 0x300] : sec_other_mark, TER_LOWER);
	if (lower < LATIN_END && primary_byte[lower])
		return push_primary(out, primary_byte[lower], ter);
	for (i = 0; i < sizeof variants / sizeof variants[0]; i++)
		if (variants[i].cp == lower)
			return weigh_variant(i, ter, out);
	/* UCA: controls and format characters (soft hyphen, ZWJ) are
	 * ignorable at every level. */
	if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF)
		return 0;
	if (!variant && utf8proc_get_property(cp)->decomp_type && has_compat_form(cat)) {
		utf8proc_int32_t d[32];
		int bound = 0;
		utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 32,
					UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &bound);

		if (n > 0 && n <= 32)
			return weigh_seq(d, (size_t)n, out, true);
	}
	if (cat == UTF8PROC_CATEGORY_ND)
		return push_primary(out, primary_byte['0' + digit_value(cp)], ter);
	for (i = 0; i < n_beyond_latin; i++)
		if (beyond_latin[i].cp == cp)
			return push_primary(out, beyond_latin[i].byte, ter);
	return push_other(out, other_group(cat), lower, ter);
}

static int ccc(int32_t cp)
{
	return utf8proc_get_property(cp)->combining_class;
}

/* The index in cps (between first and end) of a mark that turns the base
 * cps[first] into a vi letter, or 0.  As in canonical composition, a mark
 * counts only when no mark of the same combining class stands between:
 * a + dot below + breve is ặ, a + acute + breve is á with a breve. */
static size_t find_contraction(const int32_t *cps, size_t first, size_t end,
			       int32_t *letter)
{
	int32_t base = utf8proc_tolower(cps[first]);
	size_t k, l, c;

	for (k = first + 1; k < end; k++) {
		for (l = first + 1; l < k; l++)
			if (ccc(cps[l]) == ccc(cps[k]))
				break;
		if (l < k)
			continue;
		for (c = 0; c < sizeof contractions / sizeof contractions[0]; c++)
			if (contractions[c].base == base && contractions[c].mark == cps[k]) {
				*letter = contractions[c].letter;
				return k;
			}
	}
	return 0;
}

static int weigh_seq(const int32_t *cps, size_t n, struct coll_vec *out, bool variant)
{
	size_t i = 0, j, k, used;
	int32_t letter;

	while (i < n) {
		for (j = i + 1; j < n && ccc(cps[j]) != 0; j++)
			;
		used = find_contraction(cps, i, j, &letter);
		if (used) {
			uint8_t ter = utf8proc_tolower(cps[i]) != cps[i] ? TER_UPPER : TER_LOWER;

			if (push_primary(out, primary_byte[letter], variant ? ter + 1 : ter))
				return -1;
		} else if (weigh_cp(cps[i], out, variant)) {
			return -1;
		}
		for (k = i + 1; k < j; k++)
			if (k != used && weigh_cp(cps[k], out, variant))
				return -1;
		i = j;
	}
	return 0;
}

static void build_weights(void)
{
	size_t i;
	uint8_t w = 0x03;

	for (i = 0; i < sizeof primary_order / sizeof primary_order[0]; i++, w++) {
		int32_t cp = primary_order[i];

		if (cp < 0) {
			other_lead[-cp] = w;
		} else if (cp < LATIN_END) {
			primary_byte[cp] = w;
		} else {
			beyond_latin[n_beyond_latin].cp = cp;
			beyond_latin[n_beyond_latin++].byte = w;
		}
	}
	w = SEC_FIRST_MARK;
	for (i = 0; i < sizeof mark_order / sizeof mark_order[0]; i++) {
		if (mark_order[i])
			mark_sec[mark_order[i] - 0x300] = w;
		else
			w++;
	}
	sec_stroke = mark_sec[0x338 - 0x300];
	sec_late = w;
	sec_other_mark = (uint8_t)(w + 1);
}

static void build_entry(int32_t cp, struct table_entry *e)
{
	utf8proc_int32_t d[8];
	int bound = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &bound);
	struct coll_ce store[16];
	struct coll_vec vec;

	e->n = -1;
	if (n <= 0 || n > 8 || ccc(d[0]) != 0)
		return;
	coll_vec_init(&vec, store, 16);
	if (weigh_seq(d, (size_t)n, &vec, false) == 0 && vec.n <= COLL_TABLE_MAX_CE) {
		memcpy(e->ce, vec.v, vec.n * sizeof vec.v[0]);
		e->n = (int8_t)vec.n;
	}
	coll_vec_free(&vec);
}

static void build_table(void)
{
	int32_t cp;

	build_weights();
	for (cp = 0; cp < LATIN_END; cp++)
		build_entry(cp, &table[cp]);
	for (cp = EXT_FIRST; cp < EXT_END; cp++)
		build_entry(cp, &table[LATIN_END + cp - EXT_FIRST]);
}

void coll_init(void)
{
	call_once(&table_once, build_table);
}

int coll_weigh_nfd(const int32_t *cps, size_t n, struct coll_vec *out)
{
	return weigh_seq(cps, n, out, false);
}

int coll_table_lookup(int32_t cp, const struct coll_ce **ces)
{
	const struct table_entry *e;

	if (cp >= 0 && cp < LATIN_END)
		e = &table[cp];
	else if (cp >= EXT_FIRST && cp < EXT_END)
		e = &table[LATIN_END + cp - EXT_FIRST];
	else
		return -1;
	*ces = e->ce;
	return e->n;
}
