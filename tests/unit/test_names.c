/* core/demo/names: deterministic, NFC, realistic proportions, both sexes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "demo/names.h"
#include "text/nfc.h"

#define DRAWS 100000

static void same_seed_gives_the_same_names(void **state)
{
	struct rng a, b, c;
	struct demo_name na, nb, nc;
	char sa[DEMO_NAME_MAX], sb[DEMO_NAME_MAX], sc[DEMO_NAME_MAX];
	int i, differ = 0;

	(void)state;
	rng_seed(&a, 7);
	rng_seed(&b, 7);
	rng_seed(&c, 8);
	for (i = 0; i < 1000; i++) {
		demo_name_draw(&a, &na);
		demo_name_draw(&b, &nb);
		demo_name_draw(&c, &nc);
		demo_name_format(&na, sa, sizeof sa);
		demo_name_format(&nb, sb, sizeof sb);
		demo_name_format(&nc, sc, sizeof sc);
		assert_string_equal(sa, sb);
		differ += strcmp(sa, sc) != 0;
	}
	assert_true(differ > 500);
}

static void names_are_nfc_and_fit(void **state)
{
	struct rng r;
	struct demo_name n;
	char s[DEMO_NAME_MAX];
	int i;

	(void)state;
	rng_seed(&r, 1);
	for (i = 0; i < DRAWS; i++) {
		demo_name_draw(&r, &n);
		assert_true(demo_name_format(&n, s, sizeof s) < sizeof s);
		assert_true(text_is_nfc(s, strlen(s)));
	}
}

static void format_is_family_middle_given(void **state)
{
	struct demo_name n = { DEMO_FEMALE, "Trần", { "Thị", "Ngọc" }, "Ánh" };
	char s[DEMO_NAME_MAX], small[8];

	(void)state;
	assert_int_equal(demo_name_format(&n, s, sizeof s), strlen("Trần Thị Ngọc Ánh"));
	assert_string_equal(s, "Trần Thị Ngọc Ánh");
	n.middle[1] = NULL;
	demo_name_format(&n, s, sizeof s);
	assert_string_equal(s, "Trần Thị Ánh");
	assert_int_equal(demo_name_format(&n, small, sizeof small), strlen("Trần Thị Ánh"));
	assert_int_equal(strlen(small), sizeof small - 1);
}

static void family_names_follow_the_public_estimates(void **state)
{
	/* Expected shares (%) with a wide band: 100,000 draws put the
	 * standard error under 0.2 points. */
	static const struct { const char *family[2]; double share; } want[] = {
		{ { "Nguyễn", NULL }, 38.4 }, { { "Trần", NULL }, 11.0 },
		{ { "Lê", NULL }, 9.5 }, { { "Phạm", NULL }, 7.1 },
		{ { "Hoàng", "Huỳnh" }, 5.1 }, { { "Vũ", "Võ" }, 3.9 },
	};
	unsigned count[sizeof want / sizeof want[0]] = { 0 };
	struct rng r;
	struct demo_name n;
	size_t i, k;

	(void)state;
	rng_seed(&r, 99);
	for (i = 0; i < DRAWS; i++) {
		demo_name_draw(&r, &n);
		for (k = 0; k < sizeof want / sizeof want[0]; k++)
			if (!strcmp(n.family, want[k].family[0]) ||
			    (want[k].family[1] && !strcmp(n.family, want[k].family[1])))
				count[k]++;
	}
	for (k = 0; k < sizeof want / sizeof want[0]; k++) {
		double got = 100.0 * count[k] / DRAWS;

		if (got < want[k].share - 1.5 || got > want[k].share + 1.5)
			fail_msg("%s: %.2f%%, want about %.1f%%", want[k].family[0], got,
				 want[k].share);
	}
}

static void both_sexes_appear_with_their_own_names(void **state)
{
	struct rng r;
	struct demo_name n;
	unsigned female = 0, thi = 0, van = 0, two = 0;
	int i;

	(void)state;
	rng_seed(&r, 5);
	for (i = 0; i < DRAWS; i++) {
		demo_name_draw(&r, &n);
		female += n.sex == DEMO_FEMALE;
		two += n.middle[1] != NULL;
		if (!strcmp(n.middle[0], "Thị")) {
			assert_int_equal(n.sex, DEMO_FEMALE);
			thi++;
		}
		if (!strcmp(n.middle[0], "Văn")) {
			assert_int_equal(n.sex, DEMO_MALE);
			van++;
		}
	}
	assert_in_range(female, 48000, 52000);
	assert_true(thi > 10000 && van > 10000);
	assert_in_range(two, 13000, 17000);
	rng_seed(&r, 6);
	for (i = 0; i < 1000; i++) {
		demo_name_draw_sex(&r, DEMO_MALE, &n);
		assert_int_equal(n.sex, DEMO_MALE);
		assert_string_not_equal(n.middle[0], "Thị");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_seed_gives_the_same_names),
		cmocka_unit_test(names_are_nfc_and_fit),
		cmocka_unit_test(format_is_family_middle_given),
		cmocka_unit_test(family_names_follow_the_public_estimates),
		cmocka_unit_test(both_sexes_appear_with_their_own_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
