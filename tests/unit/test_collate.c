/* core/text/collate: Vietnamese order (DESIGN.md section 8), names mode,
 * NFC/NFD equivalence and bad input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <utf8proc.h>

#include "demo/rng.h"
#include "text/collate.h"
#include "text/nfc.h"
#include "text/utf8.h"

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static char *key_of(const char *s, enum collate_mode mode)
{
	struct buf key = BUF_INIT;
	struct tthc_err err = { 0 };

	assert_int_equal(text_collate_key(s, strlen(s), mode, &key, &err), 0);
	assert_int_equal(err.code, TTHC_E_OK);
	assert_non_null(key.data);
	return buf_detach(&key);
}

static char *nfd(const char *s)
{
	char *d = (char *)utf8proc_NFD((const utf8proc_uint8_t *)s);

	assert_non_null(d);
	return d;
}

/* Each string sorts strictly before the next, by key and by text_collate. */
static void assert_strictly_ordered(const char *const *v, size_t n, enum collate_mode mode)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		char *a = key_of(v[i], mode), *b = key_of(v[i + 1], mode);

		if (strcmp(a, b) >= 0)
			fail_msg("\"%s\" does not sort before \"%s\"", v[i], v[i + 1]);
		assert_true(text_collate(v[i], v[i + 1], mode, NULL) < 0);
		assert_true(text_collate(v[i + 1], v[i], mode, NULL) > 0);
		free(a);
		free(b);
	}
}

struct keyed {
	char *key;
	const char *text;
};

static int by_key_then_bytes(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	return c ? c : strcmp(a->text, b->text);
}

/* Sort v in place the way callers do: keys once, then compare keys. */
static void sort_by_key(const char **v, size_t n, enum collate_mode mode)
{
	struct keyed *k = calloc(n, sizeof *k);
	size_t i;

	assert_non_null(k);
	for (i = 0; i < n; i++) {
		k[i].key = key_of(v[i], mode);
		k[i].text = v[i];
	}
	qsort(k, n, sizeof *k, by_key_then_bytes);
	for (i = 0; i < n; i++) {
		v[i] = k[i].text;
		free(k[i].key);
	}
	free(k);
}

static void shuffle(const char **v, size_t n, struct rng *rng)
{
	size_t i, j;
	const char *t;

	for (i = n; i > 1; i--) {
		j = rng_below(rng, (uint32_t)i);
		t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* Shuffle a copy of want many times; every sort must give want back. */
static void assert_sorts_to(const char *const *want, size_t n, enum collate_mode mode)
{
	const char **v = malloc(n * sizeof *v);
	struct rng rng;
	size_t i;
	int round;

	assert_non_null(v);
	rng_seed(&rng, 42);
	for (round = 0; round < 20; round++) {
		memcpy(v, want, n * sizeof *v);
		shuffle(v, n, &rng);
		sort_by_key(v, n, mode);
		for (i = 0; i < n; i++)
			assert_string_equal(v[i], want[i]);
	}
	free(v);
}

static const char *const design_plain[] = {
	"a", "A", "à", "ả", "ã", "á", "Á", "ạ", "an", "anh", "ánh", "ăn", "ân",
	"bà a", "ba b", "cha", "cu", "da", "dz", "đa", "nghề", "ngô", "nhà", "ông",
	"ơn", "uy", "ưa",
};

static const char *const design_names[] = {
	"Nguyên Thị An", "Nguyễn Văn An", "Lê Văn Anh", "Trần Thị Ánh", "Phạm Ân",
	"Hoàng Chi", "Vũ Cúc", "Đặng Thị Dung", "Đỗ Đức",
};

static void design_plain_order_holds(void **state)
{
	(void)state;
	assert_strictly_ordered(design_plain, COUNT(design_plain), COLLATE_PLAIN);
}

static void design_names_order_holds(void **state)
{
	(void)state;
	assert_strictly_ordered(design_names, COUNT(design_names), COLLATE_NAMES);
}

static void shuffled_input_sorts_the_same_every_time(void **state)
{
	(void)state;
	assert_sorts_to(design_plain, COUNT(design_plain), COLLATE_PLAIN);
	assert_sorts_to(design_names, COUNT(design_names), COLLATE_NAMES);
}

static void tones_sort_ngang_huyen_hoi_nga_sac_nang(void **state)
{
	static const char *const ma[] = { "ma", "mà", "mả", "mã", "má", "mạ" };
	static const char *const ban[] = { "ban", "bàn", "bản", "bãn", "bán", "bạn" };
	static const char *const hoa[] = { "Hoa", "Hòa", "Hỏa", "Hõa", "Hóa", "Họa" };
	static const char *const uong[] = { "ương", "ường", "ưởng", "ưỡng", "ướng", "ượng" };
	static const char *const tiet[] = { "tiêt", "tiềt", "tiểt", "tiễt", "tiết", "tiệt" };

	(void)state;
	assert_strictly_ordered(ma, COUNT(ma), COLLATE_PLAIN);
	assert_strictly_ordered(ban, COUNT(ban), COLLATE_PLAIN);
	assert_strictly_ordered(hoa, COUNT(hoa), COLLATE_PLAIN);
	assert_strictly_ordered(uong, COUNT(uong), COLLATE_PLAIN);
	assert_strictly_ordered(tiet, COUNT(tiet), COLLATE_PLAIN);
}

static void vowels_and_letters_follow_the_vietnamese_alphabet(void **state)
{
	/* Each letter with the heaviest tone still sorts before the next
	 * letter with none: the letter is the first level, the tone the
	 * second. */
	static const char *const alphabet[] = {
		"ạ", "ă", "ặ", "â", "ậ", "b", "c", "d", "đ", "ẹ", "ê", "ệ", "g",
		"h", "ị", "k", "l", "m", "n", "ọ", "ô", "ộ", "ơ", "ợ", "p", "q",
		"r", "s", "t", "ụ", "ư", "ự", "v", "x", "ỵ",
	};
	static const char *const latin[] = { "e", "f", "g", "i", "j", "k", "v", "w", "x", "y", "z" };

	(void)state;
	assert_strictly_ordered(alphabet, COUNT(alphabet), COLLATE_PLAIN);
	assert_strictly_ordered(latin, COUNT(latin), COLLATE_PLAIN);
}

static void d_stroke_sorts_after_d_and_before_e(void **state)
{
	static const char *const d[] = {
		"dz", "Dzung", "đ", "Đ", "đa", "Đa", "đz", "e", "Ê",
	};
	static const char *const words[] = { "dữ", "Dương", "Đào", "đường", "em" };

	(void)state;
	assert_strictly_ordered(d, COUNT(d), COLLATE_PLAIN);
	assert_strictly_ordered(words, COUNT(words), COLLATE_PLAIN);
}

static void digraphs_are_two_letters(void **state)
{
	/* The standard vi collation has no digraph letters: ch is c + h,
	 * ng is n + g, so "cu" follows "cha" and "nhà" follows "ngô". */
	static const char *const v[] = { "ca", "cha", "ci", "cu", "na", "ngo", "nha", "ni",
					 "ta", "tha", "ti", "tra", "tu" };

	(void)state;
	assert_strictly_ordered(v, COUNT(v), COLLATE_PLAIN);
}

static void case_counts_after_tone(void **state)
{
	static const char *const v[] = { "an", "An", "AN", "àn", "Àn", "ăn", "Ăn" };

	(void)state;
	assert_strictly_ordered(v, COUNT(v), COLLATE_PLAIN);
}

static void every_letter_has_the_same_key_in_nfc_and_nfd(void **state)
{
	static const char *const bases[] = {
		"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "đ",
		"A", "Ă", "Â", "E", "Ê", "I", "O", "Ô", "Ơ", "U", "Ư", "Y", "Đ",
	};
	static const char *const tones[] = { "", "\xCC\x80", "\xCC\x89", "\xCC\x83",
					     "\xCC\x81", "\xCC\xA3" };
	char s[32];
	size_t b, t;

	(void)state;
	for (b = 0; b < COUNT(bases); b++)
		for (t = 0; t < COUNT(tones); t++) {
			char *composed, *decomposed, *k1, *k2;

			snprintf(s, sizeof s, "%s%sn", bases[b], tones[t]);
			composed = text_nfc(s, strlen(s), NULL, NULL);
			assert_non_null(composed);
			decomposed = nfd(composed);
			k1 = key_of(composed, COLLATE_PLAIN);
			k2 = key_of(decomposed, COLLATE_PLAIN);
			assert_string_equal(k1, k2);
			free(k1);
			free(k2);
			free(composed);
			free(decomposed);
		}
}

static void table_and_decomposed_routes_agree_on_every_latin_character(void **state)
{
	/* Precomposed Latin is weighed from a table; decomposed text goes
	 * through utf8proc.  Both must give one key for each character. */
	static const int32_t ranges[][2] = { { 0x20, 0x250 }, { 0x1E00, 0x1F00 } };
	size_t r;
	int32_t cp;

	(void)state;
	for (r = 0; r < COUNT(ranges); r++)
		for (cp = ranges[r][0]; cp < ranges[r][1]; cp++) {
			char s[8] = "x";
			size_t n = 1 + utf8_encode(cp, s + 1);
			char *decomposed, *k1, *k2;

			s[n] = '\0';
			decomposed = nfd(s);
			k1 = key_of(s, COLLATE_PLAIN);
			k2 = key_of(decomposed, COLLATE_PLAIN);
			if (strcmp(k1, k2))
				fail_msg("U+%04X: table and decomposition disagree", (unsigned)cp);
			free(k1);
			free(k2);
			free(decomposed);
		}
}

static void mixed_nfc_and_nfd_input_sorts_identically(void **state)
{
	static const char *const words[] = {
		"Nguyễn", "nguyên", "Ngô", "Đặng", "đường", "Ưng", "ước", "Ấn", "ẩn",
		"quyển", "Quỳnh", "thuở", "Thủy", "giặt", "Giữ", "ạ", "Ả", "A",
	};
	const char *plain[COUNT(words)], *mixed[COUNT(words)];
	char *decomposed[COUNT(words)];
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(words); i++) {
		decomposed[i] = nfd(words[i]);
		plain[i] = words[i];
		mixed[i] = i % 2 ? decomposed[i] : words[i];
	}
	sort_by_key(plain, COUNT(words), COLLATE_PLAIN);
	sort_by_key(mixed, COUNT(words), COLLATE_PLAIN);
	for (i = 0; i < COUNT(words); i++) {
		char *a = text_nfc(plain[i], strlen(plain[i]), NULL, NULL);
		char *b = text_nfc(mixed[i], strlen(mixed[i]), NULL, NULL);

		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	for (i = 0; i < COUNT(words); i++)
		free(decomposed[i]);
}

static void marks_in_any_canonical_order_weigh_the_same(void **state)
{
	/* ệ as e + circumflex + dot below (not canonical order), as e + dot
	 * below + circumflex (NFD) and precomposed. */
	char *a = key_of("vi\xC3\xAA\xCC\xA3t", COLLATE_PLAIN);
	char *b = key_of("vie\xCC\xA3\xCC\x82t", COLLATE_PLAIN);
	char *c = key_of("việt", COLLATE_PLAIN);
	char *d = key_of("vie\xCC\x82\xCC\xA3t", COLLATE_PLAIN);

	(void)state;
	assert_string_equal(a, c);
	assert_string_equal(b, c);
	assert_string_equal(d, c);
	free(a);
	free(b);
	free(c);
	free(d);
}

static void groups_order_spaces_punctuation_digits_letters_other_scripts(void **state)
{
	static const char *const v[] = { " ", "_", "-", "–", "—", ",", ".", "…", "'", "‘", "’",
					 "\"", "“", "”", "(", "@", "&", "+", "$", "₫", "0", "9",
					 "a", "z", "α", "я", "中" };

	(void)state;
	assert_strictly_ordered(v, COUNT(v), COLLATE_PLAIN);
}

static void other_latin_letters_fold_to_their_base(void **state)
{
	/* Marks foreign to Vietnamese are second-level differences on their
	 * base letter (é is e), while the letters CLDR root treats as letters
	 * of their own keep their places (ı after i). */
	static const char *const marked[] = { "ca", "çb", "cc", "ea", "éb", "ëc", "ed",
					      "na", "ñb", "nc", "oa", "öb", "øc", "od" };
	static const char *const own[] = { "ia", "ib", "ıa", "j" };
	static const char *const expanded[] = { "ae", "æ", "af", "ss", "ß", "st" };

	(void)state;
	assert_strictly_ordered(marked, COUNT(marked), COLLATE_PLAIN);
	assert_strictly_ordered(own, COUNT(own), COLLATE_PLAIN);
	assert_strictly_ordered(expanded, COUNT(expanded), COLLATE_PLAIN);
}

static void compatibility_forms_sort_next_to_what_they_stand_for(void **state)
{
	static const char *const v[] = { "a", "ａ", "A", "Ａ", "à", "fi", "ﬁ", "Fi" };

	(void)state;
	assert_strictly_ordered(v, COUNT(v), COLLATE_PLAIN);
}

static void ignorable_characters_do_not_change_the_key(void **state)
{
	char *a = key_of("Nguy\xC3\xAA\xCC\x83n", COLLATE_PLAIN);
	char *b = key_of("Nguy\xC2\xAD\xC3\xAA\xCC\x83n", COLLATE_PLAIN);  /* soft hyphen */

	(void)state;
	assert_string_equal(a, b);
	assert_int_equal(text_collate("ab", "a\xC2\xAD" "b", COLLATE_PLAIN, NULL), 0);
	free(a);
	free(b);
}

static void names_mode_puts_the_given_name_first_at_every_level(void **state)
{
	/* Primary letters of the whole name beat the given name's tone... */
	static const char *const v[] = { "An", "Lê An", "Lê Văn An", "Nguyễn An", "Ân",
					 "Hồ Ân", "Lê  Ân", "Bình" };

	(void)state;
	assert_strictly_ordered(v, COUNT(v), COLLATE_NAMES);
	/* ...while in plain mode the family name leads. */
	assert_true(text_collate("Lê An", "Hồ Ân", COLLATE_PLAIN, NULL) > 0);
	assert_true(text_collate("Lê An", "Hồ Ân", COLLATE_NAMES, NULL) < 0);
	/* The given name's tone decides before the family name's tone. */
	assert_true(text_collate("Lê Anh", "Lễ Ánh", COLLATE_NAMES, NULL) < 0);
	assert_true(text_collate("Lễ Anh", "Lê Ánh", COLLATE_NAMES, NULL) < 0);
}

static void names_mode_ignores_surrounding_spaces(void **state)
{
	char *a = key_of("Trần Thị Ánh", COLLATE_NAMES);
	char *b = key_of("  Trần Thị Ánh \t", COLLATE_NAMES);

	(void)state;
	assert_string_equal(a, b);
	free(a);
	free(b);
	a = key_of("", COLLATE_NAMES);
	b = key_of("   ", COLLATE_NAMES);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void invalid_utf8_is_refused_with_its_offset(void **state)
{
	struct buf key = BUF_INIT;
	struct tthc_err err = { 0 };

	(void)state;
	buf_puts(&key, "kept");
	assert_int_equal(text_collate_key("Ng\xE1\xBB" "n", 5, COLLATE_PLAIN, &key, &err), -1);
	assert_int_equal(err.code, TTHC_E_BAD_UTF8);
	assert_string_equal(err.where, "byte 2");
	assert_string_equal(key.data, "kept");
	assert_int_equal(text_collate_key("\xC0\xAF", 2, COLLATE_NAMES, &key, &err), -1);
	assert_int_equal(text_collate_key("\xED\xA0\x80", 3, COLLATE_PLAIN, &key, &err), -1);
	buf_free(&key);
}

static void random_bytes_give_a_key_or_an_error(void **state)
{
	struct rng rng;
	struct buf key = BUF_INIT;
	struct tthc_err err;
	char s[24];
	size_t i, j, len;

	(void)state;
	rng_seed(&rng, 3);
	for (i = 0; i < 20000; i++) {
		len = rng_below(&rng, sizeof s);
		for (j = 0; j < len; j++)
			s[j] = (char)rng_below(&rng, 256);
		tthc_err_clear(&err);
		buf_reset(&key);
		if (utf8_valid(s, len, NULL)) {
			assert_int_equal(text_collate_key(s, len, (enum collate_mode)(i % 2), &key, &err), 0);
			assert_int_equal(strlen(key.data), key.len);   /* no NUL inside */
		} else {
			assert_int_equal(text_collate_key(s, len, (enum collate_mode)(i % 2), &key, &err), -1);
			assert_int_equal(err.code, TTHC_E_BAD_UTF8);
		}
	}
	buf_free(&key);
}

static void text_collate_puts_invalid_text_last_and_says_so(void **state)
{
	struct tthc_err err = { 0 };

	(void)state;
	assert_true(text_collate("zzz", "\xFF", COLLATE_PLAIN, &err) < 0);
	assert_int_equal(err.code, TTHC_E_BAD_UTF8);
	assert_true(text_collate("\xFF", "a", COLLATE_PLAIN, &err) > 0);
	assert_true(text_collate("\xFE", "\xFF", COLLATE_PLAIN, &err) < 0);
	assert_true(text_collate("a", "b", COLLATE_PLAIN, &err) < 0);
	assert_int_equal(err.code, TTHC_E_OK);
}

static void long_text_with_marks_is_keyed_whole(void **state)
{
	/* Longer than every on-stack buffer: the heap paths must give the
	 * same key for NFC and NFD, and the last letter must still count. */
	size_t reps = 3000, i;
	struct buf s = BUF_INIT;
	char *decomposed, *k1, *k2, *k3;

	(void)state;
	for (i = 0; i < reps; i++)
		buf_puts(&s, "Nguyễn Văn Đức ");
	decomposed = nfd(s.data);
	k1 = key_of(s.data, COLLATE_PLAIN);
	k2 = key_of(decomposed, COLLATE_PLAIN);
	assert_string_equal(k1, k2);
	buf_puts(&s, "a");
	k3 = key_of(s.data, COLLATE_PLAIN);
	assert_true(strcmp(k1, k3) < 0);
	free(k1);
	free(k2);
	free(k3);
	free(decomposed);
	buf_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(design_plain_order_holds),
		cmocka_unit_test(design_names_order_holds),
		cmocka_unit_test(shuffled_input_sorts_the_same_every_time),
		cmocka_unit_test(tones_sort_ngang_huyen_hoi_nga_sac_nang),
		cmocka_unit_test(vowels_and_letters_follow_the_vietnamese_alphabet),
		cmocka_unit_test(d_stroke_sorts_after_d_and_before_e),
		cmocka_unit_test(digraphs_are_two_letters),
		cmocka_unit_test(case_counts_after_tone),
		cmocka_unit_test(every_letter_has_the_same_key_in_nfc_and_nfd),
		cmocka_unit_test(table_and_decomposed_routes_agree_on_every_latin_character),
		cmocka_unit_test(mixed_nfc_and_nfd_input_sorts_identically),
		cmocka_unit_test(marks_in_any_canonical_order_weigh_the_same),
		cmocka_unit_test(groups_order_spaces_punctuation_digits_letters_other_scripts),
		cmocka_unit_test(other_latin_letters_fold_to_their_base),
		cmocka_unit_test(compatibility_forms_sort_next_to_what_they_stand_for),
		cmocka_unit_test(ignorable_characters_do_not_change_the_key),
		cmocka_unit_test(names_mode_puts_the_given_name_first_at_every_level),
		cmocka_unit_test(names_mode_ignores_surrounding_spaces),
		cmocka_unit_test(invalid_utf8_is_refused_with_its_offset),
		cmocka_unit_test(random_bytes_give_a_key_or_an_error),
		cmocka_unit_test(text_collate_puts_invalid_text_last_and_says_so),
		cmocka_unit_test(long_text_with_marks_is_keyed_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
