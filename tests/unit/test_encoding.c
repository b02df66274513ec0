/* core/text/encoding: legacy Vietnamese encodings both ways. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <utf8proc.h>

#include "text/encoding.h"
#include "text/nfc.h"
#include "text/utf8.h"

/* Base letters as a Vietnamese writes them, built from combining marks so
 * that the list does not depend on anyone's table. */
static const char *const bases[] = {
	"a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302",
	"o\u031B", "u", "u\u031B", "y",
	"A", "A\u0306", "A\u0302", "E", "E\u0302", "I", "O", "O\u0302",
	"O\u031B", "U", "U\u031B", "Y",
};
/* ngang, huyền, sắc, hỏi, ngã, nặng */
static const char *const tones[] = {
	"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323",
};

#define N_LETTERS (sizeof bases / sizeof bases[0] * 6 + 2)

/* Every toned letter in both cases, plus đ and Đ, each one NFC character. */
static size_t all_letters(char letters[][8])
{
	size_t i, t, n = 0, len;
	char joined[16];
	char *nfc;
	int32_t cp;

	for (i = 0; i < sizeof bases / sizeof bases[0]; i++)
		for (t = 0; t < 6; t++) {
			snprintf(joined, sizeof joined, "%s%s", bases[i], tones[t]);
			nfc = text_nfc(joined, strlen(joined), &len, NULL);
			assert_non_null(nfc);
			assert_int_equal(utf8_decode(nfc, len, &cp), len);
			memcpy(letters[n++], nfc, len + 1);
			free(nfc);
		}
	strcpy(letters[n++], "đ");
	strcpy(letters[n++], "Đ");
	return n;
}

static bool is_upper_with_tone(const char *letter)
{
	int32_t cp;

	utf8_decode(letter, strlen(letter), &cp);
	return utf8proc_tolower(cp) != cp && !strchr("AEIOUY", (char)cp) &&
	       !strstr("ĂÂÊÔƠƯĐ", letter);
}

static void check_round_trips(enum text_enc enc, bool tcvn3)
{
	char letters[N_LETTERS][8], encoded[N_LETTERS][8] = { { 0 } };
	struct tthc_err err;
	size_t i, j, n = all_letters(letters), blen, ulen, held = 0;
	char *bytes, *back;

	for (i = 0; i < n; i++) {
		bytes = text_enc_encode(enc, letters[i], strlen(letters[i]),
					TEXT_FALLBACK_NONE, &blen, NULL, &err);
		if (tcvn3 && is_upper_with_tone(letters[i])) {
			assert_null(bytes);
			assert_int_equal(err.code, TTHC_E_UNMAPPABLE);
			continue;
		}
		assert_non_null(bytes);
		back = text_enc_decode(enc, bytes, blen, &ulen, &err);
		assert_non_null(back);
		assert_string_equal(back, letters[i]);
		assert_true(blen < sizeof encoded[0]);
		memcpy(encoded[i], bytes, blen + 1);
		free(back);
		free(bytes);
		held++;
	}
	/* No two letters share bytes: a slip in a table shows here. */
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (encoded[i][0])
				assert_string_not_equal(encoded[i], encoded[j]);
	/* TCVN3: 12 small vowels x 6 tones, đ, the 12 capitals without a
	 * tone and Đ. */
	assert_int_equal(held, tcvn3 ? 12 * 6 + 1 + 12 + 1 : n);
}

static void every_letter_round_trips_through_utf8(void **state)
{
	(void)state;
	check_round_trips(TEXT_ENC_UTF8, false);
}

static void every_letter_round_trips_through_vni(void **state)
{
	(void)state;
	check_round_trips(TEXT_ENC_VNI, false);
}

static void every_letter_round_trips_through_viscii(void **state)
{
	(void)state;
	check_round_trips(TEXT_ENC_VISCII, false);
}

static void every_letter_round_trips_through_cp1258(void **state)
{
	(void)state;
	check_round_trips(TEXT_ENC_CP1258, false);
}

static void every_letter_round_trips_through_tcvn5712_1(void **state)
{
	(void)state;
	check_round_trips(TEXT_ENC_TCVN5712_1, false);
}

/* TCVN3 holds the 60 small toned vowels, ă â ê ô ơ ư đ and Ă Â Ê Ô Ơ Ư Đ,
 * and the plain ASCII capitals; capitals with tones are refused. */
static void tcvn3_holds_small_letters_and_refuses_toned_capitals(void **state)
{
	(void)state;
	check_round_trips(TEXT_ENC_TCVN3, true);
}

static void assert_encodes(enum text_enc enc, const char *utf8, const char *want)
{
	size_t n;
	char *got = text_enc_encode(enc, utf8, strlen(utf8), TEXT_FALLBACK_NONE,
				    &n, NULL, NULL);

	assert_non_null(got);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(got, want, n);
	free(got);
}

/* Byte values as the published tables give them. */
static void a_name_has_the_published_bytes(void **state)
{
	const char *name = "Nguyễn Văn Đức";

	(void)state;
	assert_encodes(TEXT_ENC_TCVN3, name, "Nguy\xD4n V\xA8n \xA7\xF8" "c");
	assert_encodes(TEXT_ENC_VNI, name, "Nguye\xE3n Va\xEAn \xD1\xF6\xF9" "c");
	assert_encodes(TEXT_ENC_VISCII, name, "Nguy\xADn V\xE5n \xD0\xD1" "c");
	/* CP1258 writes ễ as ê and a combining tilde: decomposed by nature. */
	assert_encodes(TEXT_ENC_CP1258, name, "Nguy\xEA\xDEn V\xE3n \xD0\xFD\xEC" "c");
	assert_encodes(TEXT_ENC_TCVN5712_1, "NGUYỄN", "NGUY\xD9N");
}

static void decomposed_input_encodes_like_composed(void **state)
{
	(void)state;
	assert_encodes(TEXT_ENC_TCVN3, "Nguye\u0302\u0303n", "Nguy\xD4n");
	assert_encodes(TEXT_ENC_CP1258, "Nguye\u0302\u0303n", "Nguy\xEA\xDEn");
}

static void cp1258_decodes_to_composed_letters(void **state)
{
	size_t n;
	char *s = text_enc_decode(TEXT_ENC_CP1258, "Nguy\xEA\xDEn", 7, &n, NULL);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s, "Nguyễn");
	assert_true(text_is_nfc(s, n));
	free(s);
}

/* TCVN5712-1 also has combining tone marks (0xB0-0xB4); glibc composes
 * them with the letter before, and NFC would anyway. */
static void tcvn5712_1_combining_marks_decode_composed(void **state)
{
	char *s = text_enc_decode(TEXT_ENC_TCVN5712_1, "a\xB3 x\xB2", 5, NULL, NULL);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s, "á x\u0303");
	free(s);
}

static void lower_case_tcvn3_is_byte_identical_to_tcvn5712_1(void **state)
{
	const char *s = "đảng viên nộp đảng phí hằng tháng ở chi bộ";
	char *a, *b;
	size_t na, nb;

	(void)state;
	a = text_enc_encode(TEXT_ENC_TCVN3, s, strlen(s), TEXT_FALLBACK_NONE, &na, NULL, NULL);
	b = text_enc_encode(TEXT_ENC_TCVN5712_1, s, strlen(s), TEXT_FALLBACK_NONE, &nb, NULL, NULL);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	free(a);
	free(b);
}

static void toned_capital_in_tcvn3_is_an_error_naming_it(void **state)
{
	struct tthc_err err;
	const char *s = "NGUYỄN";

	(void)state;
	assert_null(text_enc_encode(TEXT_ENC_TCVN3, s, strlen(s), TEXT_FALLBACK_NONE,
				    NULL, NULL, &err));
	assert_int_equal(err.code, TTHC_E_UNMAPPABLE);
	assert_string_equal(err.where, "character 5");
	assert_string_equal(err.msg, "cannot encode 'Ễ' (U+1EC4) in tcvn3 "
			    "(TCVN3 has no capital letters with tone marks)");
}

static void unmappable_character_is_named_with_its_position(void **state)
{
	struct tthc_err err;
	const char *s = "Phí 5€";

	(void)state;
	assert_null(text_enc_encode(TEXT_ENC_VISCII, s, strlen(s), TEXT_FALLBACK_NONE,
				    NULL, NULL, &err));
	assert_int_equal(err.code, TTHC_E_UNMAPPABLE);
	assert_string_equal(err.where, "character 6");
	assert_string_equal(err.msg, "cannot encode '€' (U+20AC) in viscii");
	/* A control character is named by number only. */
	assert_null(text_enc_encode(TEXT_ENC_VNI, "a\xC2\x85", 3, TEXT_FALLBACK_NONE,
				    NULL, NULL, &err));
	assert_string_equal(err.msg, "cannot encode U+0085 in vni");
}

static void fallback_writes_letters_without_marks_and_counts_them(void **state)
{
	const char *s = "NGUYỄN VĂN ĐỨC ☃";
	size_t n, replaced = 99;
	char *got;

	(void)state;
	got = text_enc_encode(TEXT_ENC_TCVN3, s, strlen(s), TEXT_FALLBACK_UNMARK,
			      &n, &replaced, NULL);
	assert_non_null(got);
	assert_string_equal(got, "NGUYEN V\xA1N \xA7UC ?");
	assert_int_equal(replaced, 3);
	free(got);
	/* A lone combining mark has no letter to keep: it goes. */
	got = text_enc_encode(TEXT_ENC_VNI, "x\u0303y", 4, TEXT_FALLBACK_UNMARK,
			      &n, &replaced, NULL);
	assert_non_null(got);
	assert_string_equal(got, "xy");
	assert_int_equal(replaced, 1);
	free(got);
}

static void viscii_control_range_bytes_are_letters(void **state)
{
	size_t n;
	char *s = text_enc_decode(TEXT_ENC_VISCII, "\x02\x05\x06\x14\x19\x1E", 6, &n, NULL);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s, "ẲẴẪỶỸỴ");
	free(s);
}

static void vni_decodes_the_longest_sequence(void **state)
{
	char *s = text_enc_decode(TEXT_ENC_VNI, "o\xE2 \xF4\xF9 \xF4 a\xE1", 10, NULL, NULL);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s, "ô ớ ơ ấ");
	free(s);
}

static void byte_without_meaning_is_an_error_with_its_offset(void **state)
{
	struct tthc_err err;

	(void)state;
	assert_null(text_enc_decode(TEXT_ENC_TCVN3, "ab\x80", 3, NULL, &err));
	assert_int_equal(err.code, TTHC_E_INVALID);
	assert_string_equal(err.where, "byte 3");
	assert_string_equal(err.msg, "0x80 is not a character in tcvn3");
	/* A VNI mark byte with no letter before it. */
	assert_null(text_enc_decode(TEXT_ENC_VNI, "x\xF9", 2, NULL, &err));
	assert_string_equal(err.where, "byte 2");
	assert_null(text_enc_decode(TEXT_ENC_CP1258, "\x81", 1, NULL, &err));
	assert_string_equal(err.where, "byte 1");
	assert_null(text_enc_decode(TEXT_ENC_UTF8, "a\xFF", 2, NULL, &err));
	assert_int_equal(err.code, TTHC_E_BAD_UTF8);
}

static void invalid_utf8_is_refused_before_encoding(void **state)
{
	struct tthc_err err;

	(void)state;
	assert_null(text_enc_encode(TEXT_ENC_TCVN3, "Nguy\xE1\xBB", 6, TEXT_FALLBACK_UNMARK,
				    NULL, NULL, &err));
	assert_int_equal(err.code, TTHC_E_BAD_UTF8);
}

/* Longer than the iconv wrapper's chunk, so that output grows in steps. */
static void long_text_round_trips_through_iconv(void **state)
{
	static const char line[] = "Đảng viên nộp đảng phí hằng tháng. ";
	char text[sizeof line * 400], *bytes, *back;
	size_t i, n;

	(void)state;
	for (i = 0; i < 400; i++)
		memcpy(text + i * (sizeof line - 1), line, sizeof line);
	bytes = text_enc_encode(TEXT_ENC_CP1258, text, strlen(text), TEXT_FALLBACK_NONE,
				&n, NULL, NULL);
	assert_non_null(bytes);
	assert_true(n > 4096);
	back = text_enc_decode(TEXT_ENC_CP1258, bytes, n, NULL, NULL);
	assert_non_null(back);
	assert_string_equal(back, text);
	free(bytes);
	free(back);
}

static void names_and_aliases_are_known(void **state)
{
	enum text_enc enc;

	(void)state;
	assert_true(text_enc_lookup("TCVN3", &enc));
	assert_int_equal(enc, TEXT_ENC_TCVN3);
	assert_true(text_enc_lookup("abc", &enc));
	assert_int_equal(enc, TEXT_ENC_TCVN3);
	assert_true(text_enc_lookup("windows-1258", &enc));
	assert_int_equal(enc, TEXT_ENC_CP1258);
	assert_true(text_enc_lookup("UTF8", &enc));
	assert_int_equal(enc, TEXT_ENC_UTF8);
	assert_true(text_enc_lookup("tcvn5712-1", &enc));
	assert_string_equal(text_enc_name(enc), "tcvn5712-1");
	assert_false(text_enc_lookup("latin-9000", &enc));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_letter_round_trips_through_utf8),
		cmocka_unit_test(every_letter_round_trips_through_vni),
		cmocka_unit_test(every_letter_round_trips_through_viscii),
		cmocka_unit_test(every_letter_round_trips_through_cp1258),
		cmocka_unit_test(every_letter_round_trips_through_tcvn5712_1),
		cmocka_unit_test(tcvn3_holds_small_letters_and_refuses_toned_capitals),
		cmocka_unit_test(a_name_has_the_published_bytes),
		cmocka_unit_test(decomposed_input_encodes_like_composed),
		cmocka_unit_test(cp1258_decodes_to_composed_letters),
		cmocka_unit_test(tcvn5712_1_combining_marks_decode_composed),
		cmocka_unit_test(lower_case_tcvn3_is_byte_identical_to_tcvn5712_1),
		cmocka_unit_test(toned_capital_in_tcvn3_is_an_error_naming_it),
		cmocka_unit_test(unmappable_character_is_named_with_its_position),
		cmocka_unit_test(fallback_writes_letters_without_marks_and_counts_them),
		cmocka_unit_test(viscii_control_range_bytes_are_letters),
		cmocka_unit_test(vni_decodes_the_longest_sequence),
		cmocka_unit_test(byte_without_meaning_is_an_error_with_its_offset),
		cmocka_unit_test(invalid_utf8_is_refused_before_encoding),
		cmocka_unit_test(long_text_round_trips_through_iconv),
		cmocka_unit_test(names_and_aliases_are_known),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
