/* core/text/nfc: Unicode's conformance file (NormalizationTest.txt from
 * Debian's unicode-data), then Vietnamese precomposed and decomposed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <utf8proc.h>

#include "text/nfc.h"
#include "text/utf8.h"

#define NORM_TEST "/usr/share/unicode/NormalizationTest.txt.bz2"
#define MAX_REPORTED 5

/* One data line: c1..c5, each a sequence of code points, in UTF-8. */
struct norm_case {
	char col[5][256];
	size_t len[5];
	int32_t first_cp;       /* c1's first code point (Part 1: its only one) */
	bool known;             /* every code point is assigned in utf8proc */
};

struct norm_run {
	size_t lineno, checked, skipped, failed, unparsed;
	int bzcat_status;
	bool in_part1;
	unsigned char *in_part1_set;    /* bitmap of Part 1's code points */
	char version[32];
};

static bool parse_case(const char *line, struct norm_case *c)
{
	const char *p = line;
	char *end;
	int i;

	memset(c, 0, sizeof *c);
	c->known = true;
	for (i = 0; i < 5; i++) {
		while (*p != ';') {
			long cp = strtol(p, &end, 16);
			size_t n;

			if (end == p || c->len[i] + 4 > sizeof c->col[i])
				return false;
			if (c->len[i] == 0 && i == 0)
				c->first_cp = (int32_t)cp;
			if (utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_CN)
				c->known = false;
			n = utf8_encode((int32_t)cp, c->col[i] + c->len[i]);
			if (n == 0)
				return false;
			c->len[i] += n;
			p = end;
			while (*p == ' ')
				p++;
		}
		p++;
	}
	return true;
}

static bool nfc_gives(const char *s, size_t len, const char *want, size_t want_len)
{
	size_t n;
	char *got = text_nfc(s, len, &n, NULL);
	bool same = got && n == want_len && memcmp(got, want, n) == 0;

	free(got);
	return same;
}

static bool same(const struct norm_case *c, int a, int b)
{
	return c->len[a] == c->len[b] && memcmp(c->col[a], c->col[b], c->len[a]) == 0;
}

/* The NFC invariants the file states: c2 == NFC(c1) == NFC(c2) == NFC(c3)
 * and c4 == NFC(c4) == NFC(c5); text_is_nfc agrees on every column.
 * Returns the first column (1-5) that breaks one, 0 if none. */
static int first_bad_column(const struct norm_case *c)
{
	static const int want[5] = { 1, 1, 1, 3, 3 };   /* c2 for c1-c3, c4 for c4-c5 */
	int i;

	for (i = 0; i < 5; i++) {
		const int w = want[i];

		if (!nfc_gives(c->col[i], c->len[i], c->col[w], c->len[w]))
			return i + 1;
		if (text_is_nfc(c->col[i], c->len[i]) != same(c, i, w))
			return i + 1;
	}
	return 0;
}

static void check_line(struct norm_run *r, const char *line)
{
	struct norm_case c;
	int bad;

	if (line[0] == '@') {
		r->in_part1 = strncmp(line, "@Part1", 6) == 0;
		return;
	}
	if (line[0] == '#' || line[0] == '\n') {
		/* "# NormalizationTest-15.0.0.txt": the scan stops after ".txt"'s dot. */
		if (r->lineno == 1 && sscanf(line, "# NormalizationTest-%31[0-9.]", r->version) == 1)
			r->version[strlen(r->version) - 1] = '\0';
		return;
	}
	if (!parse_case(line, &c)) {
		r->unparsed++;
		return;
	}
	if (r->in_part1)
		r->in_part1_set[c.first_cp / 8] |= (unsigned char)(1u << (c.first_cp % 8));
	/* Version skew: a newer file may hold characters this utf8proc does not
	 * know, whose normalization it cannot get right.  Counted, not hidden. */
	if (!c.known) {
		r->skipped++;
		return;
	}
	r->checked++;
	bad = first_bad_column(&c);
	if (bad && ++r->failed <= MAX_REPORTED)
		print_error("NormalizationTest.txt line %zu, column c%d: %s", r->lineno, bad, line);
}

/* The file is read and checked once, for the group; the tests report. */
static int read_norm_test(void **state)
{
	static struct norm_run r;
	char *line = NULL;
	size_t cap = 0;
	FILE *f;

	r.in_part1_set = calloc(0x110000 / 8, 1);
	if (!r.in_part1_set)
		return -1;
	f = popen("bzcat " NORM_TEST, "r");
	if (!f) {
		free(r.in_part1_set);
		return -1;
	}
	while (getline(&line, &cap, f) >= 0) {
		r.lineno++;
		check_line(&r, line);
	}
	free(line);
	r.bzcat_status = pclose(f);
	*state = &r;
	return 0;
}

static int free_norm_test(void **state)
{
	struct norm_run *r = *state;

	free(r->in_part1_set);
	return 0;
}

static void normalization_test_file_passes(void **state)
{
	const struct norm_run *r = *state;

	assert_int_equal(r->bzcat_status, 0);
	assert_int_equal(r->unparsed, 0);
	print_message("# %s (Unicode %s, utf8proc's is %s): %zu lines checked, "
		      "%zu skipped as unknown to utf8proc, %zu failed\n", NORM_TEST,
		      r->version, utf8proc_unicode_version(), r->checked, r->skipped, r->failed);
	/* The file has some 19,000 data lines; far fewer means it was not read. */
	assert_true(r->checked + r->skipped > 18000);
	if (r->failed)
		fail_msg("%zu of %zu lines break an NFC invariant", r->failed, r->checked);
}

/* The file's other rule: a code point not listed in Part 1 is its own NFC. */
static void code_points_outside_part1_are_their_own_nfc(void **state)
{
	const struct norm_run *r = *state;
	size_t checked = 0, n;
	char buf[4];
	int32_t cp;

	assert_int_equal(r->bzcat_status, 0);
	for (cp = 0; cp < 0x110000; cp++) {
		if ((cp >= 0xD800 && cp <= 0xDFFF) || (r->in_part1_set[cp / 8] & (1u << (cp % 8))))
			continue;
		n = utf8_encode(cp, buf);
		if (!nfc_gives(buf, n, buf, n) || !text_is_nfc(buf, n))
			fail_msg("U+%04X is not its own NFC", (unsigned)cp);
		checked++;
	}
	print_message("# %zu code points outside Part 1 checked\n", checked);
	assert_true(checked > 1000000);
}

static void assert_nfc(const char *in, const char *want)
{
	struct tthc_err err = { 0 };
	size_t n;
	char *got = text_nfc(in, strlen(in), &n, &err);

	assert_non_null(got);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));
	free(got);
}

static void vietnamese_precomposed_is_kept(void **state)
{
	const char *s = "Nguyễn Văn Đức, Trần Thị Ánh, Phạm Ngọc Ưng";

	(void)state;
	assert_nfc(s, s);
	assert_true(text_is_nfc(s, strlen(s)));
}

static void vietnamese_decomposed_is_composed(void **state)
{
	/* "Nguyễn Văn Đức" as a decomposing keyboard or macOS writes it. */
	const char *nfd = "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n \xC4\x90u\xCC\x9B\xCC\x81" "c";

	(void)state;
	assert_false(text_is_nfc(nfd, strlen(nfd)));
	assert_nfc(nfd, "Nguyễn Văn Đức");
}

static void dot_below_and_hat_compose_in_either_order(void **state)
{
	(void)state;
	/* U+0323 (class 220) sorts before U+0302 (class 230), so both orders
	 * are canonically equivalent and give ệ. */
	assert_nfc("e\xCC\x82\xCC\xA3", "ệ");
	assert_nfc("e\xCC\xA3\xCC\x82", "ệ");
}

static void tone_before_hat_is_not_the_same_letter(void **state)
{
	(void)state;
	/* Acute and circumflex share class 230: their order is meaningful, so
	 * e + acute + circumflex is é followed by a circumflex, not ế. */
	assert_nfc("e\xCC\x81\xCC\x82", "é\xCC\x82");
}

static void ascii_is_its_own_nfc(void **state)
{
	(void)state;
	assert_nfc("Nguyen Van An", "Nguyen Van An");
	assert_nfc("", "");
	assert_true(text_is_nfc("plain", 5));
}

static void invalid_utf8_fails_with_its_offset(void **state)
{
	struct tthc_err err = { 0 };

	(void)state;
	assert_null(text_nfc("Nguy\xE1\xBB", 6, NULL, &err));
	assert_int_equal(err.code, TTHC_E_BAD_UTF8);
	assert_string_equal(err.where, "byte 4");
	assert_null(text_nfc("\xC0\xAF", 2, NULL, &err));
	assert_string_equal(err.where, "byte 0");
	assert_false(text_is_nfc("Nguy\xE1\xBB", 6));
	assert_false(text_is_nfc("a\xED\xA0\x80", 4));   /* a surrogate */
}

static bool in_quick_set(int32_t cp)
{
	return cp < 0x300 || (cp >= 0x1E00 && cp < 0x1F00);
}

/* The premise of text_surely_nfc(), checked against utf8proc: no pair of
 * code points from its set changes under NFC, so no string of them does. */
static void quick_nfc_set_is_closed_under_nfc(void **state)
{
	char s[8];
	size_t la, lb;
	int32_t a, b;

	(void)state;
	for (a = 1; a < 0x1F00; a++) {
		if (!in_quick_set(a))
			continue;
		la = utf8_encode(a, s);
		for (b = 1; b < 0x1F00; b++) {
			if (!in_quick_set(b))
				continue;
			lb = utf8_encode(b, s + la);
			assert_true(text_surely_nfc(s, la + lb));
			if (!text_is_nfc(s, la + lb))
				fail_msg("U+%04X U+%04X is not NFC", (unsigned)a, (unsigned)b);
		}
	}
	/* Outside the set the answer is "normalise to know". */
	assert_false(text_surely_nfc("e\xCC\x81", 3));
	assert_false(text_surely_nfc("\xE2\x84\xAB", 3));       /* U+212B ANGSTROM SIGN */
}

int main(void)
{
	const struct CMUnitTest file_tests[] = {
		cmocka_unit_test(normalization_test_file_passes),
		cmocka_unit_test(code_points_outside_part1_are_their_own_nfc),
	};
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quick_nfc_set_is_closed_under_nfc),
		cmocka_unit_test(vietnamese_precomposed_is_kept),
		cmocka_unit_test(vietnamese_decomposed_is_composed),
		cmocka_unit_test(dot_below_and_hat_compose_in_either_order),
		cmocka_unit_test(tone_before_hat_is_not_the_same_letter),
		cmocka_unit_test(ascii_is_its_own_nfc),
		cmocka_unit_test(invalid_utf8_fails_with_its_offset),
	};
	int failed = cmocka_run_group_tests(file_tests, read_norm_test, free_norm_test);

	return failed + cmocka_run_group_tests(tests, NULL, NULL);
}
