/* core/model/vocab: wire names map to values and back, labels translate. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "model/vocab.h"

static void every_name_round_trips(void **state)
{
	const struct vocab *all[] = { &vocab_roles, &vocab_org_types,
		&vocab_income_categories, &vocab_exemptions, &vocab_procedures,
		&vocab_sexes, &vocab_account_statuses, &vocab_payment_methods,
		&vocab_result_statuses, &vocab_entity_kinds };
	size_t i;
	int v;

	(void)state;
	for (i = 0; i < sizeof all / sizeof all[0]; i++)
		for (v = 0; v < all[i]->count; v++)
			assert_int_equal(vocab_find(all[i], vocab_name(all[i], v)), v);
}

static void issue_names_are_known(void **state)
{
	(void)state;
	assert_int_equal(vocab_find(&vocab_income_categories, "no-bhxh"), INCOME_NO_BHXH);
	assert_int_equal(vocab_find(&vocab_exemptions, "membership-50-years"),
			 EXEMPT_MEMBERSHIP_50_YEARS);
	assert_int_equal(vocab_find(&vocab_procedures, "temporary-transfer"),
			 PROC_TEMPORARY_TRANSFER);
	assert_int_equal(vocab_roles.count, ROLE_COUNT);
}

static void unknown_names_are_refused(void **state)
{
	(void)state;
	assert_int_equal(vocab_find(&vocab_roles, "king"), -1);
	assert_int_equal(vocab_find(&vocab_roles, NULL), -1);
	assert_int_equal(vocab_find(&vocab_roles, "Secretary"), -1);
	assert_string_equal(vocab_name(&vocab_roles, 99), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_name_round_trips),
		cmocka_unit_test(issue_names_are_known),
		cmocka_unit_test(unknown_names_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
