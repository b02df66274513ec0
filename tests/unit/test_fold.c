/* core/text/fold: the search key and accent-insensitive or exact search. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <utf8proc.h>

#include "text/fold.h"
#include "text/nfc.h"
#include "text/utf8.h"

static void assert_fold(const char *in, const char *want)
{
	struct tthc_err err = { 0 };
	size_t n = 0;
	char *got = text_fold(in, strlen(in), &n, &err);

	assert_non_null(got);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));
	free(got);
}

static void vietnamese_name_folds_to_plain_letters(void **state)
{
	(void)state;
	assert_fold("Nguyễn Văn Đức", "nguyen van duc");
	assert_fold("TRẦN THỊ ÁNH NGUYỆT", "tran thi anh nguyet");
	assert_fold("Phạm Ngọc Ưng, Hồ Ơn", "pham ngoc ung, ho on");
}

/* The twelve vowels as base + modifier, the six tones, both cases. */
static void every_vowel_with_every_tone_folds_alike_in_nfc_and_nfd(void **state)
{
	static const char *const vowels[][2] = {
		{ "a", "" }, { "a", "\xCC\x86" }, { "a", "\xCC\x82" }, { "e", "" },
		{ "e", "\xCC\x82" }, { "i", "" }, { "o", "" }, { "o", "\xCC\x82" },
		{ "o", "\xCC\x9B" }, { "u", "" }, { "u", "\xCC\x9B" }, { "y", "" },
	};
	static const char *const tones[] = { "", "\xCC\x80", "\xCC\x89", "\xCC\x83",
					     "\xCC\x81", "\xCC\xA3" };
	char nfd[16], base[2];
	size_t v, t, n;
	int upper;

	(void)state;
	for (v = 0; v < sizeof vowels / sizeof vowels[0]; v++)
		for (t = 0; t < sizeof tones / sizeof tones[0]; t++)
			for (upper = 0; upper < 2; upper++) {
				char *nfc;
				int32_t cp;

				base[0] = (char)(upper ? vowels[v][0][0] - 32 : vowels[v][0][0]);
				base[1] = '\0';
				snprintf(nfd, sizeof nfd, "%s%s%s", base, vowels[v][1], tones[t]);
				nfc = text_nfc(nfd, strlen(nfd), &n, NULL);
				assert_non_null(nfc);
				/* Every Vietnamese letter has a precomposed form. */
				assert_int_equal(utf8_decode(nfc, n, &cp), n);
				assert_fold(nfc, vowels[v][0]);
				assert_fold(nfd, vowels[v][0]);
				free(nfc);
			}
}

static void d_with_stroke_and_its_lookalike_fold_to_d(void **state)
{
	(void)state;
	assert_fold("Đ đ", "d d");
	assert_fold("\xC3\x90\xC3\xA0o", "dao");   /* Ðào with U+00D0 */
	assert_fold("ð", "d");
}

static void punctuation_digits_and_controls_are_kept(void **state)
{
	(void)state;
	assert_fold("Hà Nội, 15/08/2026 — 80.000 đ", "ha noi, 15/08/2026 — 80.000 d");
	assert_fold("A\tB\x1b[31mC", "a\tb\x1b[31mc");
	assert_fold("", "");
}

static void case_folding_is_full(void **state)
{
	(void)state;
	assert_fold("Straße STRASSE ẞ", "strasse strasse ss");
	assert_fold("İstanbul", "istanbul");   /* İ is i + dot above; the dot goes */
	assert_fold("ΣΊΣΥΦΟΣ", "σισυφοσ");
}

static void hangul_and_cjk_are_kept_whole(void **state)
{
	(void)state;
	assert_fold("한국어 日本語", "한국어 日本語");
}

/* Long enough to cross the stack chunk several times, with a multi-byte
 * character astride each boundary somewhere. */
static void long_input_folds_whole(void **state)
{
	const char *name = "Nguyễn Văn Đức ";
	const char *key = "nguyen van duc ";
	size_t reps = 700, i;
	char *in = malloc(strlen(name) * reps + 1);
	char *want = malloc(strlen(key) * reps + 1);

	(void)state;
	assert_non_null(in);
	assert_non_null(want);
	in[0] = want[0] = '\0';
	for (i = 0; i < reps; i++) {
		strcat(in, name);
		strcat(want, key);
	}
	assert_fold(in, want);
	free(in);
	free(want);
}

/* Reference: utf8proc's own mapping with the same options, one code point
 * at a time, with đ -> d (utf8proc has no rule for it); Hangul syllables,
 * which fold keeps whole on purpose, are left out.  This checks the cached
 * table against the slow path and every byte length of UTF-8. */
static char *reference_fold(int32_t cp, size_t *len)
{
	char in[4], *ref;
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;
	size_t i = 0, k, j = 0;
	int32_t c;

	k = utf8_encode(cp, in);
	n = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)k, &out,
			 UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	assert_true(n >= 0);
	ref = malloc((size_t)n + 1);
	assert_non_null(ref);
	while (i < (size_t)n) {
		k = utf8_decode((const char *)out + i, (size_t)n - i, &c);
		assert_true(k > 0);
		if (c == 0x0111 || c == 0x00F0)
			ref[j++] = 'd';
		else
			j += utf8_encode(c, ref + j);
		i += k;
	}
	free(out);
	*len = j;
	return ref;
}

static void every_code_point_folds_as_utf8proc_says(void **state)
{
	char in[4], *got, *ref, *again;
	size_t k, n, rn, an;
	int32_t cp;

	(void)state;
	for (cp = 0; cp < 0x110000; cp++) {
		if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xAC00 && cp <= 0xD7A3))
			continue;
		k = utf8_encode(cp, in);
		got = text_fold(in, k, &n, NULL);
		ref = reference_fold(cp, &rn);
		if (!got || n != rn || memcmp(got, ref, n) != 0)
			fail_msg("U+%04X folds differently from utf8proc", (unsigned)cp);
		/* and folding is stable: a key folds to itself */
		again = text_fold(got, n, &an, NULL);
		if (!again || an != n || memcmp(again, got, n) != 0)
			fail_msg("the key of U+%04X does not fold to itself", (unsigned)cp);
		free(got);
		free(ref);
		free(again);
	}
}

static void invalid_utf8_fails_and_leaves_the_buffer(void **state)
{
	struct buf b = BUF_INIT;
	struct tthc_err err = { 0 };

	(void)state;
	assert_int_equal(text_fold_append(&b, "Ánh ", 5, &err), 0);
	assert_int_equal(text_fold_append(&b, "Nguy\xE1\xBB", 6, &err), -1);
	assert_int_equal(err.code, TTHC_E_BAD_UTF8);
	assert_string_equal(err.where, "byte 4");
	assert_string_equal(b.data, "anh ");
	assert_int_equal(b.len, 4);
	buf_free(&b);
	assert_null(text_fold("\xC0\xAF", 2, NULL, &err));
	assert_null(text_fold_case("ok\xFF", 3, NULL, &err));
	assert_string_equal(err.where, "byte 2");
}

static void exact_key_keeps_marks_and_folds_case(void **state)
{
	char *key;

	(void)state;
	key = text_fold_case("NGUYỄN Văn Đức", strlen("NGUYỄN Văn Đức"), NULL, NULL);
	assert_non_null(key);
	assert_string_equal(key, "nguyễn văn đức");
	free(key);
	/* decomposed input gives the composed key */
	key = text_fold_case("E\xCC\x82\xCC\x83", 5, NULL, NULL);
	assert_non_null(key);
	assert_string_equal(key, "ễ");
	free(key);
}

static int contains(const char *hay, const char *needle, enum text_match mode)
{
	struct tthc_err err = { 0 };

	return text_contains(hay, strlen(hay), needle, strlen(needle), mode, &err);
}

static void folded_search_ignores_marks_and_case(void **state)
{
	(void)state;
	assert_int_equal(contains("Nguyễn Văn An", "nguyen van an", TEXT_MATCH_FOLDED), 1);
	assert_int_equal(contains("Nguyễn Văn An", "VĂN AN", TEXT_MATCH_FOLDED), 1);
	assert_int_equal(contains("Đỗ Đức", "do duc", TEXT_MATCH_FOLDED), 1);
	assert_int_equal(contains("Dục", "Đức", TEXT_MATCH_FOLDED), 1);
	assert_int_equal(contains("Nguyễn Văn An", "nguyen van anh", TEXT_MATCH_FOLDED), 0);
	assert_int_equal(contains("Lê Thị Hoa", "hoa le", TEXT_MATCH_FOLDED), 0);
}

static void folded_search_meets_nfd_and_nfc(void **state)
{
	const char *nfd = "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n \xC4\x90u\xCC\x9B\xCC\x81" "c";

	(void)state;
	assert_int_equal(contains(nfd, "văn đức", TEXT_MATCH_FOLDED), 1);
	assert_int_equal(contains("Nguyễn Văn Đức", nfd, TEXT_MATCH_FOLDED), 1);
}

static void exact_search_requires_the_marks(void **state)
{
	(void)state;
	assert_int_equal(contains("Nguyễn Văn Đức", "Đức", TEXT_MATCH_EXACT), 1);
	assert_int_equal(contains("Phạm Văn Dục", "Đức", TEXT_MATCH_EXACT), 0);
	assert_int_equal(contains("Đỗ Đức", "duc", TEXT_MATCH_EXACT), 0);
	assert_int_equal(contains("Nguyễn", "nguyên", TEXT_MATCH_EXACT), 0);
	/* an NFD needle finds the NFC text */
	assert_int_equal(contains("Nguyễn", "nguye\xCC\x82\xCC\x83n", TEXT_MATCH_EXACT), 1);
}

static void exact_search_is_smart_about_case(void **state)
{
	(void)state;
	assert_int_equal(contains("ĐẶNG VĂN ĐỨC", "đức", TEXT_MATCH_EXACT), 1);
	assert_int_equal(contains("ĐẶNG VĂN ĐỨC", "Đức", TEXT_MATCH_EXACT), 0);
	assert_int_equal(contains("Đặng Văn Đức", "Đức", TEXT_MATCH_EXACT), 1);
	assert_int_equal(contains("Đặng Văn Đức", "ĐỨC", TEXT_MATCH_EXACT), 0);
}

static void exact_match_does_not_end_before_a_mark(void **state)
{
	(void)state;
	/* ê + U+0304 has no precomposed form: NFC keeps the macron apart, and
	 * "ê" alone must not match the letter that carries both. */
	assert_int_equal(contains("xê\xCC\x84y", "xê", TEXT_MATCH_EXACT), 0);
	assert_int_equal(contains("xê\xCC\x84y xêz", "xê", TEXT_MATCH_EXACT), 1);
}

static void empty_needle_matches_everything(void **state)
{
	(void)state;
	assert_int_equal(contains("Lê", "", TEXT_MATCH_FOLDED), 1);
	assert_int_equal(contains("", "", TEXT_MATCH_EXACT), 1);
	assert_int_equal(contains("", "a", TEXT_MATCH_FOLDED), 0);
}

static void prepared_search_filters_a_list(void **state)
{
	static const char *const names[] = {
		"Nguyễn Văn An", "Nguyên Thị An", "Lê Văn Anh", "Trần Thị Ánh",
		"Phạm Ân", "Đặng Thị Dung", "Đỗ Đức",
	};
	struct text_search q;
	struct tthc_err err = { 0 };
	size_t i, found = 0;

	(void)state;
	assert_int_equal(text_search_init(&q, "an", 2, TEXT_MATCH_FOLDED, &err), 0);
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		found += (size_t)text_search_match(&q, names[i], strlen(names[i]), &err);
	assert_int_equal(found, 6);   /* "Đặng" holds "an" too */
	assert_int_equal(text_search_match(&q, "An\xFF", 3, &err), -1);
	assert_int_equal(err.code, TTHC_E_BAD_UTF8);
	/* the scratch key survives a failed haystack */
	assert_int_equal(text_search_match(&q, "Ân", strlen("Ân"), &err), 1);
	text_search_free(&q);

	assert_int_equal(text_search_init(&q, "Ánh", strlen("Ánh"), TEXT_MATCH_EXACT, &err), 0);
	for (i = found = 0; i < sizeof names / sizeof names[0]; i++)
		found += (size_t)text_search_match(&q, names[i], strlen(names[i]), &err);
	assert_int_equal(found, 1);
	text_search_free(&q);
}

static void invalid_needle_fails(void **state)
{
	struct text_search q;
	struct tthc_err err = { 0 };

	(void)state;
	assert_int_equal(text_search_init(&q, "a\xC3", 2, TEXT_MATCH_EXACT, &err), -1);
	assert_int_equal(err.code, TTHC_E_BAD_UTF8);
	text_search_free(&q);
	assert_int_equal(text_contains("abc", 3, "\xFF", 1, TEXT_MATCH_FOLDED, &err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vietnamese_name_folds_to_plain_letters),
		cmocka_unit_test(every_vowel_with_every_tone_folds_alike_in_nfc_and_nfd),
		cmocka_unit_test(d_with_stroke_and_its_lookalike_fold_to_d),
		cmocka_unit_test(punctuation_digits_and_controls_are_kept),
		cmocka_unit_test(case_folding_is_full),
		cmocka_unit_test(hangul_and_cjk_are_kept_whole),
		cmocka_unit_test(long_input_folds_whole),
		cmocka_unit_test(every_code_point_folds_as_utf8proc_says),
		cmocka_unit_test(invalid_utf8_fails_and_leaves_the_buffer),
		cmocka_unit_test(exact_key_keeps_marks_and_folds_case),
		cmocka_unit_test(folded_search_ignores_marks_and_case),
		cmocka_unit_test(folded_search_meets_nfd_and_nfc),
		cmocka_unit_test(exact_search_requires_the_marks),
		cmocka_unit_test(exact_search_is_smart_about_case),
		cmocka_unit_test(exact_match_does_not_end_before_a_mark),
		cmocka_unit_test(empty_needle_matches_everything),
		cmocka_unit_test(prepared_search_filters_a_list),
		cmocka_unit_test(invalid_needle_fails),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
