/* tui/logic/keys: NeoMutt's key notation, both ways. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "logic/keys.h"

static void named_keys_parse_case_blind(void **state)
{
	(void)state;
	assert_int_equal(key_parse("<Down>"), KEY_OF(TK_DOWN));
	assert_int_equal(key_parse("<down>"), KEY_OF(TK_DOWN));
	assert_int_equal(key_parse("<F1>"), KEY_OF(TK_F1));
	assert_int_equal(key_parse("<F12>"), KEY_OF(TK_F12));
	assert_int_equal(key_parse("<PageDown>"), KEY_OF(TK_PAGEDOWN));
	assert_int_equal(key_parse("<Esc>"), 27);
	assert_int_equal(key_parse("<Enter>"), 10);
	assert_int_equal(key_parse("<Return>"), 10);
	assert_int_equal(key_parse("<Space>"), ' ');
	assert_int_equal(key_parse("<Tab>"), 9);
}

static void control_keys_in_both_notations(void **state)
{
	(void)state;
	assert_int_equal(key_parse("\\Cl"), 12);
	assert_int_equal(key_parse("\\CL"), 12);
	assert_int_equal(key_parse("^L"), 12);
	assert_int_equal(key_parse("\\e"), 27);
	assert_int_equal(key_parse("\\t"), 9);
}

static void single_characters_are_keys_including_vietnamese(void **state)
{
	(void)state;
	assert_int_equal(key_parse(";"), ';');
	assert_int_equal(key_parse("?"), '?');
	assert_int_equal(key_parse("u"), 'u');
	assert_int_equal(key_parse("đ"), 0x111);
	assert_int_equal(key_parse("<"), '<');
	assert_int_equal(key_parse("^"), '^');
}

static void what_is_not_one_key_is_refused(void **state)
{
	(void)state;
	assert_int_equal(key_parse(""), -1);
	assert_int_equal(key_parse("ab"), -1);
	assert_int_equal(key_parse("<Nope>"), -1);
	assert_int_equal(key_parse("<F13>"), -1);
	assert_int_equal(key_parse("\\q"), -1);
	assert_int_equal(key_parse("\xff"), -1);
	assert_int_equal(key_parse("\x01"), -1);
}

static void sequences_parse_for_macros(void **state)
{
	int keys[8];

	(void)state;
	assert_int_equal(key_parse_seq(";a<Down>\\Cx", keys, 8), 4);
	assert_int_equal(keys[0], ';');
	assert_int_equal(keys[1], 'a');
	assert_int_equal(keys[2], KEY_OF(TK_DOWN));
	assert_int_equal(keys[3], 24);
	assert_int_equal(key_parse_seq("a<Bad>", keys, 8), -1);
	assert_int_equal(key_parse_seq("abc", keys, 2), -1);
}

static void notation_round_trips(void **state)
{
	static const char *const all[] = {
		"<Down>", "<F1>", "<Esc>", "<Enter>", "<Tab>", "<Space>", "\\Cl", ";", "đ",
		"<BackTab>", "<PageUp>",
	};
	char out[32];

	(void)state;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		key_notation(key_parse(all[i]), out, sizeof out);
		assert_string_equal(out, all[i]);
	}
	key_label(12, out, sizeof out);
	assert_string_equal(out, "^L");
	key_label(KEY_OF(TK_PAGEDOWN), out, sizeof out);
	assert_string_equal(out, "PgDn");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(named_keys_parse_case_blind),
		cmocka_unit_test(control_keys_in_both_notations),
		cmocka_unit_test(single_characters_are_keys_including_vietnamese),
		cmocka_unit_test(what_is_not_one_key_is_refused),
		cmocka_unit_test(sequences_parse_for_macros),
		cmocka_unit_test(notation_round_trips),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
