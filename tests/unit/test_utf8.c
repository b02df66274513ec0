/* core/text/utf8: strict decoding and the offset of the first bad byte. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "text/utf8.h"

static void assert_bad_at(const char *s, size_t len, size_t want)
{
	size_t bad = (size_t)-1;

	assert_false(utf8_valid(s, len, &bad));
	assert_int_equal(bad, want);
}

static void valid_vietnamese_passes(void **state)
{
	const char *s = "Nguyễn Văn Đức";

	(void)state;
	assert_true(utf8_valid(s, strlen(s), NULL));
}

static void overlong_forms_are_refused(void **state)
{
	(void)state;
	assert_bad_at("a\xC0\xAF", 3, 1);            /* '/' in two bytes */
	assert_bad_at("\xE0\x80\xAF", 3, 0);         /* '/' in three */
	assert_bad_at("ab\xF0\x80\x80\xAF", 6, 2);   /* '/' in four */
}

static void surrogates_are_refused(void **state)
{
	(void)state;
	assert_bad_at("x\xED\xA0\x80", 4, 1);        /* U+D800 */
	assert_bad_at("\xED\xBF\xBF", 3, 0);         /* U+DFFF */
}

static void truncated_sequences_are_refused(void **state)
{
	(void)state;
	assert_bad_at("Nguy\xE1\xBB", 6, 4);         /* ễ cut short */
	assert_bad_at("\xC3", 1, 0);
	assert_bad_at("\xC3" "a", 2, 0);             /* continuation missing */
}

static void beyond_unicode_is_refused(void **state)
{
	(void)state;
	assert_bad_at("\xF4\x90\x80\x80", 4, 0);     /* U+110000 */
	assert_bad_at("\xF5\x80\x80\x80", 4, 0);
	assert_bad_at("\xFF", 1, 0);
}

static void stray_continuation_is_refused(void **state)
{
	(void)state;
	assert_bad_at("abc\x80", 4, 3);
}

static void encode_decode_round_trip(void **state)
{
	static const int32_t cps[] = { 0, 0x41, 0x7F, 0x80, 0x1EC5, 0x7FF, 0x800,
				       0xFFFF, 0x10000, 0x10FFFF };
	char b[4];
	int32_t back;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		n = utf8_encode(cps[i], b);
		assert_true(n > 0);
		assert_int_equal(utf8_decode(b, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
	assert_int_equal(utf8_encode(0xD800, b), 0);
	assert_int_equal(utf8_encode(0x110000, b), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_vietnamese_passes),
		cmocka_unit_test(overlong_forms_are_refused),
		cmocka_unit_test(surrogates_are_refused),
		cmocka_unit_test(truncated_sequences_are_refused),
		cmocka_unit_test(beyond_unicode_is_refused),
		cmocka_unit_test(stray_continuation_is_refused),
		cmocka_unit_test(encode_decode_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
