/* core/text/render: text for a terminal in any charset, never mojibake. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/term.h"

static void assert_renders(const char *utf8, const char *charset, const char *want)
{
	char *got = term_render(utf8, strlen(utf8), charset);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void utf8_terminal_gets_the_text_as_is(void **state)
{
	(void)state;
	assert_renders("Nguyễn Văn Đức", "UTF-8", "Nguyễn Văn Đức");
	assert_renders("Nguyễn", "utf8", "Nguyễn");
}

/* LANG=C gives ANSI_X3.4-1968. */
static void ascii_terminal_gets_letters_without_marks(void **state)
{
	(void)state;
	assert_renders("Nguyễn Văn Đức", "ANSI_X3.4-1968", "Nguyen Van Duc");
	assert_renders("Phí 5€ ☃", "ANSI_X3.4-1968", "Phi 5? ?");
}

/* Latin-1 has ê and Á but not ă, ễ or Đ (its Ð is the Icelandic eth). */
static void latin1_terminal_keeps_what_it_has(void **state)
{
	(void)state;
	assert_renders("Lê Văn Ánh", "ISO-8859-1", "L\xEA Van \xC1nh");
	assert_renders("Nguyễn Đức", "ISO-8859-1", "Nguyen Duc");
}

static void vietnamese_charsets_get_every_letter(void **state)
{
	(void)state;
	assert_renders("Nguyễn Văn Đức", "VISCII", "Nguy\xADn V\xE5n \xD0\xD1" "c");
	assert_renders("Nguyễn", "CP1258", "Nguy\xEA\xDEn");
	assert_renders("NGUYỄN", "TCVN5712-1", "NGUY\xD9N");
	assert_renders("Giá 5€", "VISCII", "Gi\xE1 5?");
}

/* `set charset tcvn3` or `vni` for PuTTY set to a legacy font. */
static void our_own_tables_serve_as_terminal_charsets(void **state)
{
	(void)state;
	assert_renders("nguyễn", "tcvn3", "nguy\xD4n");
	assert_renders("NGUYỄN", "tcvn3", "NGUYEN");
	assert_renders("Đức", "vni", "\xD1\xF6\xF9" "c");
}

static void decomposed_text_renders_like_composed(void **state)
{
	(void)state;
	assert_renders("Nguye\xCC\x82\xCC\x83n", "VISCII", "Nguy\xADn");
	assert_renders("Nguye\xCC\x82\xCC\x83n", "ANSI_X3.4-1968", "Nguyen");
}

static void invalid_bytes_never_reach_the_terminal_raw(void **state)
{
	char *got;

	(void)state;
	got = term_render("a\xFF" "b\xE1\xBB", 5, "UTF-8");
	assert_non_null(got);
	assert_string_equal(got, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
	free(got);
	got = term_render("a\xFF" "b", 3, "ISO-8859-1");
	assert_non_null(got);
	assert_string_equal(got, "a?b");
	free(got);
}

static void unknown_charset_is_taken_as_ascii(void **state)
{
	(void)state;
	assert_renders("Đức", "NO-SUCH-CHARSET", "Duc");
}

static void charset_setting_overrides_the_locale(void **state)
{
	(void)state;
	assert_string_equal(term_charset_from("tcvn3"), "tcvn3");
	term_set_charset("VISCII");
	assert_string_equal(term_charset(), "VISCII");
	term_set_charset(NULL);
	assert_string_not_equal(term_charset(), "VISCII");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_terminal_gets_the_text_as_is),
		cmocka_unit_test(ascii_terminal_gets_letters_without_marks),
		cmocka_unit_test(latin1_terminal_keeps_what_it_has),
		cmocka_unit_test(vietnamese_charsets_get_every_letter),
		cmocka_unit_test(our_own_tables_serve_as_terminal_charsets),
		cmocka_unit_test(decomposed_text_renders_like_composed),
		cmocka_unit_test(invalid_bytes_never_reach_the_terminal_raw),
		cmocka_unit_test(unknown_charset_is_taken_as_ascii),
		cmocka_unit_test(charset_setting_overrides_the_locale),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
