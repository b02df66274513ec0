/* core/config: every setting's validation, good and bad values, through
 * config_set (the path of command-line flags) and config_apply_line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "util/i18n.h"

static void good(const char *name, const char *value)
{
	struct config *cfg = config_new();
	struct tthc_err err = { 0 };

	assert_non_null(cfg);
	if (config_set(cfg, name, value, &err) != 0)
		fail_msg("set %s '%s' refused: %s", name, value, err.msg);
	config_free(cfg);
}

/* value is refused with code, and the message contains part. */
static void bad(const char *name, const char *value, enum tthc_code code, const char *part)
{
	struct config *cfg = config_new();
	struct tthc_err err = { 0 };
	int id = config_setting_find(name);

	assert_non_null(cfg);
	assert_int_equal(config_set(cfg, name, value, &err), -1);
	if (err.code != code || !strstr(err.msg, part))
		fail_msg("set %s '%s': got %s '%s', want %s '%s'", name, value,
			 tthc_code_name(err.code), err.msg, tthc_code_name(code), part);
	assert_string_equal(err.where, "command line");
	if (id >= 0)   /* a refused value leaves the default */
		assert_null(config_origin(cfg, (enum config_id)id));
	config_free(cfg);
}

static long number_of(const char *name, const char *value)
{
	struct config *cfg = config_new();
	int id = config_setting_find(name);
	long n;

	assert_non_null(cfg);
	assert_true(id >= 0);
	assert_int_equal(config_set(cfg, name, value, NULL), 0);
	n = config_number(cfg, (enum config_id)id);
	config_free(cfg);
	return n;
}

static void every_default_passes_its_own_validation(void **state)
{
	struct config *cfg = config_new();
	int i;

	(void)state;
	assert_non_null(cfg);
	for (i = 0; i < CONFIG_COUNT; i++) {
		const struct config_setting *s = &config_settings[i];

		assert_int_equal(config_setting_find(s->name), i);
		assert_non_null(s->help);
		assert_string_equal(config_string(cfg, (enum config_id)i), s->def);
		assert_null(config_origin(cfg, (enum config_id)i));
		if (*s->def)
			good(s->name, s->def);
	}
	assert_int_equal(config_number(cfg, CONFIG_SYNC_INTERVAL), 300);
	assert_int_equal(config_number(cfg, CONFIG_PUSH_DELAY), 30);
	assert_int_equal(config_number(cfg, CONFIG_ESCAPE_DELAY), 25);
	config_free(cfg);
}

static void unknown_or_empty_setting_is_refused(void **state)
{
	(void)state;
	assert_int_equal(config_setting_find("colour"), -1);
	bad("colour", "red", TTHC_E_UNKNOWN_FIELD, "unknown setting: colour");
	bad("Server", "https://h", TTHC_E_UNKNOWN_FIELD, "unknown setting");
	bad("user", "", TTHC_E_INVALID, "unset user");
	bad("user", "a\nb", TTHC_E_CONTROL_CHAR, "byte 2: control character");
	bad("user", "ab\xC3(", TTHC_E_BAD_UTF8, "byte 3: invalid UTF-8");
}

static void server_takes_https_only(void **state)
{
	(void)state;
	good("server", "https://tthc.example.vn");
	good("server", "https://tthc.example.vn:8443/tinh/");
	good("server", "https://127.0.0.1:8443");
	good("server", "https://[::1]:8443");
	good("server", "HTTPS://tthc.example.vn");
	bad("server", "http://tthc.example.vn", TTHC_E_REFUSED,
	    "plain http is refused: certificates are always verified");
	bad("server", "HTTP://tthc.example.vn", TTHC_E_REFUSED, "plain http");
	bad("server", "ftp://tthc.example.vn", TTHC_E_INVALID, "not an https:// address");
	bad("server", "tthc.example.vn", TTHC_E_INVALID, "not an https:// address");
	bad("server", "https://", TTHC_E_INVALID, "is not a URL");
	bad("server", "https://bad host/", TTHC_E_INVALID, "is not a URL");
	bad("server", "https://an:secret@tthc.example.vn", TTHC_E_REFUSED, "set user");
	bad("server", "https://tthc.example.vn/?x=1", TTHC_E_INVALID, "query");
	bad("server", "https://tthc.example.vn/#top", TTHC_E_INVALID, "fragment");
}

#define PIN_A "sha256//x3Wm0B2WsdJ2LFh2TXl2CIxOpbD6BrTN5v5ZjlrhZ2Q="
#define PIN_B "sha256//47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="

static void pin_takes_sha256_pins_joined_by_semicolons(void **state)
{
	(void)state;
	good("pin", PIN_A);
	good("pin", PIN_A ";" PIN_B);
	bad("pin", "x3Wm0B2WsdJ2LFh2TXl2CIxOpbD6BrTN5v5ZjlrhZ2Q=", TTHC_E_INVALID,
	    "not a public-key pin");
	bad("pin", "sha1//x3Wm0B2WsdJ2LFh2TXl2CIxOpbD6BrTN5v5ZjlrhZ2Q=", TTHC_E_INVALID,
	    "'sha1//");
	bad("pin", "sha256//", TTHC_E_INVALID, "not a public-key pin");
	bad("pin", "sha256//AAAA", TTHC_E_INVALID, "44 characters");   /* 3 bytes */
	bad("pin", PIN_A "AAAA", TTHC_E_INVALID, "not a public-key pin");
	bad("pin", "sha256//x3Wm0B2WsdJ2LFh2TXl2CIxOpbD6BrTN5v5ZjlrhZ2Q", TTHC_E_INVALID,
	    "not a public-key pin");                                    /* no padding */
	bad("pin", "sha256//x3Wm0B2WsdJ2LFh2TXl2CIxOpbD6BrTN5v5Zjl!hZ2Q=", TTHC_E_INVALID,
	    "not a public-key pin");
	/* The message names the bad pin, not the whole list. */
	bad("pin", PIN_A ";sha256//nope", TTHC_E_INVALID, "'sha256//nope' is not");
	bad("pin", PIN_A ";", TTHC_E_INVALID, "'' is not a public-key pin");
	bad("pin", PIN_A ";;" PIN_B, TTHC_E_INVALID, "'' is not");
}

static void text_settings_take_any_text_in_nfc(void **state)
{
	struct config *cfg = config_new();

	(void)state;
	assert_int_equal(config_set(cfg, "user", "Nguye\xCC\x82\xCC\x83n", NULL), 0);
	assert_string_equal(config_string(cfg, CONFIG_USER), "Nguy\xE1\xBB\x85n");
	assert_int_equal(config_set(cfg, "charset", "TCVN5712-1", NULL), 0);
	assert_string_equal(config_string(cfg, CONFIG_CHARSET), "TCVN5712-1");
	assert_string_equal(config_origin(cfg, CONFIG_CHARSET), "command line");
	/* Not a duration: no number. */
	assert_int_equal(config_number(cfg, CONFIG_USER), 0);
	config_free(cfg);
}

static void choices_are_checked(void **state)
{
	(void)state;
	good("keymap", "default");
	good("keymap", "vi");
	good("keymap", "fkeys");
	bad("keymap", "emacs", TTHC_E_INVALID, "'emacs' is not one of: default|vi|fkeys");
	bad("keymap", "VI", TTHC_E_INVALID, "not one of");
	bad("keymap", "v", TTHC_E_INVALID, "not one of");
	bad("keymap", "vi|fkeys", TTHC_E_INVALID, "not one of");
	good("language", "vi");
	good("language", "en");
	bad("language", "fr", TTHC_E_INVALID, "'fr' is not one of: vi|en");
	bad("language", "en_US", TTHC_E_INVALID, "not one of");
}

static void durations_take_units(void **state)
{
	(void)state;
	assert_int_equal(number_of("sync-interval", "45"), 45);
	assert_int_equal(number_of("sync-interval", "45s"), 45);
	assert_int_equal(number_of("sync-interval", "5m"), 300);
	assert_int_equal(number_of("sync-interval", "2h"), 7200);
	assert_int_equal(number_of("sync-interval", "1d"), 86400);
	assert_int_equal(number_of("sync-interval", "60000ms"), 60);
	assert_int_equal(number_of("push-delay", "0"), 0);
	assert_int_equal(number_of("push-delay", "1h"), 3600);
	assert_int_equal(number_of("connect-timeout", "1s"), 1);
	assert_int_equal(number_of("timeout", "10m"), 600);
	assert_int_equal(number_of("escape-delay", "25"), 25);
	assert_int_equal(number_of("escape-delay", "1s"), 1000);
	assert_int_equal(number_of("escape-delay", "0ms"), 0);
}

static void durations_are_bounded(void **state)
{
	(void)state;
	bad("sync-interval", "29", TTHC_E_RANGE, "'29' is out of range: from 30 to 86400 seconds");
	bad("sync-interval", "2d", TTHC_E_RANGE, "out of range");
	bad("push-delay", "61m", TTHC_E_RANGE, "from 0 to 3600 seconds");
	bad("connect-timeout", "0", TTHC_E_RANGE, "from 1 to 600");
	bad("timeout", "2h", TTHC_E_RANGE, "from 1 to 3600");
	bad("escape-delay", "2s", TTHC_E_RANGE, "from 0 to 1000 milliseconds");
	bad("timeout", "9999999999", TTHC_E_RANGE, "too long");
}

static void durations_refuse_what_is_not_one(void **state)
{
	(void)state;
	bad("push-delay", "abc", TTHC_E_INVALID, "not a duration");
	bad("push-delay", "-5", TTHC_E_INVALID, "not a duration");
	bad("push-delay", "5x", TTHC_E_INVALID, "not a duration");
	bad("push-delay", "5 s", TTHC_E_INVALID, "not a duration");
	bad("push-delay", "1.5m", TTHC_E_INVALID, "not a duration");
	bad("push-delay", "s", TTHC_E_INVALID, "not a duration");
	bad("push-delay", "1m30s", TTHC_E_INVALID, "not a duration");
	bad("push-delay", "1500ms", TTHC_E_INVALID, "not a whole number of seconds");
}

static void ca_file_must_be_a_readable_file(void **state)
{
	(void)state;
	good("ca-file", "/etc/passwd");
	bad("ca-file", "/nonexistent/ca.pem", TTHC_E_NOT_FOUND, "cannot read /nonexistent/ca.pem");
	bad("ca-file", "/", TTHC_E_INVALID, "not a regular file");
	bad("ca-file", "~no-such-user-here/ca.pem", TTHC_E_NOT_FOUND, "no such user");
}

static void command_line_lines_use_the_same_validation(void **state)
{
	struct config *cfg = config_new();

	(void)state;
	assert_int_equal(config_apply_line(cfg, "set server = http://h"), -1);
	assert_int_equal(config_apply_line(cfg, "set timeout=90s"), 0);
	assert_int_equal(config_number(cfg, CONFIG_TIMEOUT), 90);
	assert_int_equal(config_error_count(cfg), 1);
	assert_int_equal(config_error_at(cfg, 0)->err.code, TTHC_E_REFUSED);
	assert_string_equal(config_string(cfg, CONFIG_SERVER), "");
	config_free(cfg);
}

/* The messages are in po/vi/config.po and reach the user in Vietnamese. */
static void messages_are_translated_to_vietnamese(void **state)
{
	struct config *cfg = config_new();
	struct tthc_err err = { 0 };

	(void)state;
	setenv("TTHC_LOCALEDIR", "build/locale", 0);
	i18n_init("vi");
	assert_int_equal(config_set(cfg, "colour", "red", &err), -1);
	assert_string_equal(err.msg, "thiết lập không xác định: colour");
	assert_string_equal(err.where, "dòng lệnh");
	assert_int_equal(config_set(cfg, "push-delay", "2h", &err), -1);
	assert_string_equal(err.msg, "'2h' nằm ngoài khoảng cho phép: từ 0 đến 3600 giây");
	assert_int_equal(config_apply_line(cfg, "bind index"), -1);
	assert_string_equal(config_error_at(cfg, 0)->err.msg,
			    "cách dùng: bind MÀN-HÌNH PHÍM THAO-TÁC");
	i18n_init("en");
	config_free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_default_passes_its_own_validation),
		cmocka_unit_test(unknown_or_empty_setting_is_refused),
		cmocka_unit_test(server_takes_https_only),
		cmocka_unit_test(pin_takes_sha256_pins_joined_by_semicolons),
		cmocka_unit_test(text_settings_take_any_text_in_nfc),
		cmocka_unit_test(choices_are_checked),
		cmocka_unit_test(durations_take_units),
		cmocka_unit_test(durations_are_bounded),
		cmocka_unit_test(durations_refuse_what_is_not_one),
		cmocka_unit_test(ca_file_must_be_a_readable_file),
		cmocka_unit_test(command_line_lines_use_the_same_validation),
		cmocka_unit_test(messages_are_translated_to_vietnamese),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
