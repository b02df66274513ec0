/* core/text/syllable: what detection calls a Vietnamese syllable. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "text/nfc.h"
#include "text/syllable.h"
#include "text/utf8.h"

static bool plausible(const char *word)
{
	int32_t cps[32];
	size_t n = 0, i = 0, k, len = strlen(word);

	while (i < len && (k = utf8_decode(word + i, len - i, &cps[n])) > 0) {
		i += k;
		n++;
	}
	assert_int_equal(i, len);
	return vn_syllable_plausible(cps, n);
}

static void real_syllables_pass(void **state)
{
	static const char *const words[] = {
		"nguyễn", "Người", "QUỐC", "giữ", "gì", "khuỷu", "quyết", "nghiêng",
		"chuyển", "Đức", "thuở", "ươm", "yêu", "oái", "xoáy", "khuya", "ạ",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		assert_true(plausible(words[i]));
}

static void tone_may_sit_old_or_new_style_on_oa_oe_uy(void **state)
{
	(void)state;
	assert_true(plausible("hòa"));
	assert_true(plausible("hoà"));
	assert_true(plausible("thủy"));
	assert_true(plausible("thuỷ"));
}

static void misplaced_tone_fails(void **state)
{
	(void)state;
	assert_false(plausible("nguỹên"));     /* tone off the ê */
	assert_false(plausible("tóan"));       /* before a final: on the a */
	assert_false(plausible("mùôn"));
}

static void two_tones_or_a_toned_consonant_fail(void **state)
{
	(void)state;
	assert_false(plausible("tàá"));
	assert_false(plausible("ḿa"));
}

static void stop_finals_take_only_sac_or_nang(void **state)
{
	(void)state;
	assert_true(plausible("cách"));
	assert_true(plausible("một"));
	assert_false(plausible("càch"));
	assert_false(plausible("mổt"));
}

static void spelling_rules_of_initials_hold(void **state)
{
	(void)state;
	assert_true(plausible("kế"));
	assert_false(plausible("kà"));          /* k only before i e ê y */
	assert_false(plausible("cế"));
	assert_false(plausible("nghà"));
	assert_false(plausible("fà"));          /* no f in Vietnamese */
}

static void mixed_case_inside_a_word_fails(void **state)
{
	(void)state;
	assert_true(plausible("Phí"));
	assert_true(plausible("PHÍ"));
	assert_false(plausible("phÍ"));
	assert_false(plausible("pHí"));
}

static void common_syllables_are_known(void **state)
{
	(void)state;
	assert_true(vn_syllable_common("của"));
	assert_true(vn_syllable_common("đảng"));
	assert_false(vn_syllable_common("khuỷu"));
	assert_false(vn_syllable_common("Của"));        /* small letters only */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(real_syllables_pass),
		cmocka_unit_test(tone_may_sit_old_or_new_style_on_oa_oe_uy),
		cmocka_unit_test(misplaced_tone_fails),
		cmocka_unit_test(two_tones_or_a_toned_consonant_fail),
		cmocka_unit_test(stop_finals_take_only_sac_or_nang),
		cmocka_unit_test(spelling_rules_of_initials_hold),
		cmocka_unit_test(mixed_case_inside_a_word_fails),
		cmocka_unit_test(common_syllables_are_known),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
