/* core/model/json: strict parsing closes every gap cJSON leaves open, and
 * each refusal says what and where. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/json.h"
#include "text/nfc.h"
#include "text/utf8.h"

/* Parse s (a C string) and expect a refusal with this code and where. */
static void assert_refused(const char *s, size_t len, enum tthc_code code,
			   const char *where)
{
	struct tthc_err e;
	cJSON *j;

	tthc_err_clear(&e);
	j = json_parse(s, len, NULL, &e);
	if (j)
		fail_msg("accepted: %.80s", s);
	assert_string_equal(tthc_code_name(e.code), tthc_code_name(code));
	assert_string_equal(e.where, where);
	assert_true(e.msg[0] != '\0');
}

#define REFUSED(lit, code, where) assert_refused(lit, sizeof lit - 1, code, where)

static cJSON *accept(const char *s)
{
	struct tthc_err e;
	cJSON *j;

	tthc_err_clear(&e);
	j = json_parse(s, strlen(s), NULL, &e);
	if (!j)
		fail_msg("refused %s: %s: %s", s, e.where, e.msg);
	return j;
}

static void valid_document_parses(void **state)
{
	cJSON *j = accept(" {\"name\": \"Nguyễn Văn An\", \"n\": [1, -0.5, 2e3, true, null]}\r\n");

	(void)state;
	assert_string_equal(cJSON_GetObjectItem(j, "name")->valuestring, "Nguyễn Văn An");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "n")), 5);
	cJSON_Delete(j);
}

static void input_need_not_be_nul_terminated(void **state)
{
	const char s[] = "[1,2]garbage";
	struct tthc_err e;
	cJSON *j = json_parse(s, 5, NULL, &e);

	(void)state;
	assert_non_null(j);
	assert_int_equal(cJSON_GetArraySize(j), 2);
	cJSON_Delete(j);
}

static void truncated_documents_are_malformed(void **state)
{
	(void)state;
	REFUSED("{\"a\":[1,2", TTHC_E_BAD_JSON, "byte 9");
	REFUSED("{\"a\":", TTHC_E_BAD_JSON, "byte 5");
	REFUSED("", TTHC_E_BAD_JSON, "byte 0");
	REFUSED("{\"a\":\"abc", TTHC_E_BAD_JSON, "byte 5");
}

static void trailing_garbage_is_refused(void **state)
{
	(void)state;
	REFUSED("{} x", TTHC_E_BAD_JSON, "byte 3");
	REFUSED("[1]]", TTHC_E_BAD_JSON, "byte 3");
	REFUSED("{}{}", TTHC_E_BAD_JSON, "byte 2");
	/* A NUL byte would end cJSON's reading early: it is not white space. */
	REFUSED("{}\0{}", TTHC_E_BAD_JSON, "byte 2");
}

static void bad_escapes_are_refused(void **state)
{
	(void)state;
	REFUSED("[\"a\\x\"]", TTHC_E_BAD_JSON, "byte 3");
	/* cJSON alone reads these hex digits as U+0000 and cuts the string. */
	REFUSED("[\"a\\uZZZZb\"]", TTHC_E_BAD_JSON, "byte 3");
	REFUSED("[\"\\u12\"]", TTHC_E_BAD_JSON, "byte 2");
}

static void nul_escape_is_refused(void **state)
{
	(void)state;
	REFUSED("{\"name\":\"An\\u0000Admin\"}", TTHC_E_CONTROL_CHAR, "byte 11");
}

static void escaped_backslash_before_u0000_text_is_fine(void **state)
{
	cJSON *j = accept("[\"\\\\u0000\"]");

	(void)state;
	assert_string_equal(cJSON_GetArrayItem(j, 0)->valuestring, "\\u0000");
	cJSON_Delete(j);
}

static void lone_surrogates_are_refused(void **state)
{
	cJSON *j;

	(void)state;
	REFUSED("[\"\\ud800\"]", TTHC_E_BAD_JSON, "byte 2");
	REFUSED("[\"\\udc00\"]", TTHC_E_BAD_JSON, "byte 2");
	REFUSED("[\"\\ud800\\u0041\"]", TTHC_E_BAD_JSON, "byte 2");
	j = accept("[\"\\ud83d\\ude00\"]");
	assert_string_equal(cJSON_GetArrayItem(j, 0)->valuestring, "\xF0\x9F\x98\x80");
	cJSON_Delete(j);
}

static void raw_control_bytes_are_refused(void **state)
{
	(void)state;
	REFUSED("[\"a\tb\"]", TTHC_E_BAD_JSON, "byte 3");
	/* cJSON would skip \x01 as if it were a space. */
	REFUSED("[1,\x01 2]", TTHC_E_BAD_JSON, "byte 3");
}

static void numbers_follow_rfc_8259(void **state)
{
	(void)state;
	REFUSED("[01]", TTHC_E_BAD_JSON, "byte 1");
	REFUSED("[1.]", TTHC_E_BAD_JSON, "byte 1");
	REFUSED("[-.5]", TTHC_E_BAD_JSON, "byte 1");
	REFUSED("[1e]", TTHC_E_BAD_JSON, "byte 1");
	REFUSED("[-]", TTHC_E_BAD_JSON, "byte 1");
	REFUSED("[+1]", TTHC_E_BAD_JSON, "byte 1");
}

static void invalid_utf8_gives_its_byte_offset(void **state)
{
	(void)state;
	REFUSED("{\"name\":\"Nguy\xE1\xBB\"}", TTHC_E_BAD_UTF8, "byte 13");
	REFUSED("[\"\xC0\xAF\"]", TTHC_E_BAD_UTF8, "byte 2");
	REFUSED("\xFF[]", TTHC_E_BAD_UTF8, "byte 0");
}

static void not_nfc_names_its_path(void **state)
{
	/* "Nguyễn" with e + circumflex + tilde as combining marks. */
	(void)state;
	REFUSED("{\"members\":[{},{},{},{\"name\":\"Nguye\xCC\x82\xCC\x83n\"}]}",
		TTHC_E_NOT_NFC, "members[3].name");
	REFUSED("{\"actions\":[{\"payload\":{\"fixes\":[\"a\",\"b\",\"e\xCC\x81\"]}}]}",
		TTHC_E_NOT_NFC, "actions[0].payload.fixes[2]");
	REFUSED("\"e\xCC\x81\"", TTHC_E_NOT_NFC, "");
}

static void not_nfc_key_is_refused(void **state)
{
	(void)state;
	REFUSED("{\"a\":{\"e\xCC\x81\":1}}", TTHC_E_NOT_NFC, "a.e\xCC\x81");
}

static void duplicate_keys_are_refused(void **state)
{
	(void)state;
	REFUSED("{\"a\":1,\"b\":2,\"a\":3}", TTHC_E_DUPLICATE_KEY, "a");
	REFUSED("{\"x\":[{\"id\":1,\"id\":1}]}", TTHC_E_DUPLICATE_KEY, "x[0].id");
}

/* {"k0":0,...,"k199":199} and, if repeat is not NULL, one more key. */
static size_t big_object(char *doc, size_t size, const char *repeat)
{
	size_t n = 0;
	int i;

	doc[n++] = '{';
	for (i = 0; i < 200; i++)
		n += (size_t)snprintf(doc + n, size - n, "%s\"k%d\":%d", i ? "," : "", i, i);
	if (repeat)
		n += (size_t)snprintf(doc + n, size - n, ",\"%s\":0", repeat);
	n += (size_t)snprintf(doc + n, size - n, "}");
	return n;
}

static void duplicate_keys_in_large_objects_are_refused(void **state)
{
	char doc[4096];
	size_t n;

	(void)state;
	n = big_object(doc, sizeof doc, "k137");
	assert_refused(doc, n, TTHC_E_DUPLICATE_KEY, "k137");
	big_object(doc, sizeof doc, NULL);
	cJSON_Delete(accept(doc));
}

static void oversized_documents_are_refused(void **state)
{
	size_t len = JSON_MAX_BYTES_DEFAULT + 1;
	char *big = malloc(len);
	struct json_limits small = { 8, 32 };
	struct tthc_err e;

	(void)state;
	assert_non_null(big);
	memset(big, ' ', len);
	big[0] = '[';
	big[len - 1] = ']';
	assert_refused(big, len, TTHC_E_TOO_LARGE, "");
	free(big);
	assert_null(json_parse("[1,2,3,4,5]", 11, &small, &e));
	assert_int_equal(e.code, TTHC_E_TOO_LARGE);
}

static void deep_nesting_is_refused_before_cjson(void **state)
{
	size_t len = 10000;
	char *deep = malloc(len);

	(void)state;
	assert_non_null(deep);
	memset(deep, '[', len);
	assert_refused(deep, len, TTHC_E_TOO_DEEP, "byte 32");
	free(deep);
	/* Depth 32 itself is allowed. */
	{
		char ok[65];

		memset(ok, '[', 32);
		memset(ok + 32, ']', 32);
		ok[64] = '\0';
		cJSON_Delete(accept(ok));
	}
}

static void brackets_inside_strings_do_not_count_as_depth(void **state)
{
	char doc[200];

	(void)state;
	memset(doc, '[', sizeof doc);
	doc[0] = '"';
	doc[sizeof doc - 2] = '"';
	doc[sizeof doc - 1] = '\0';
	cJSON_Delete(accept(doc));
}

static void integers_are_range_checked(void **state)
{
	cJSON *j = accept("[42, 1.5, 1152921504606846976, 9007199254740991, -9007199254740991, "
			  "9007199254740992, \"7\", 1e400, 2e3]");
	struct tthc_err e;
	int64_t v = 0;

	(void)state;
	assert_int_equal(json_int(cJSON_GetArrayItem(j, 0), 0, 100, &v, &e), 0);
	assert_int_equal(v, 42);
	assert_int_equal(json_int(cJSON_GetArrayItem(j, 0), 0, 10, &v, &e), -1);
	assert_int_equal(e.code, TTHC_E_RANGE);
	assert_int_equal(json_int(cJSON_GetArrayItem(j, 1), 0, 10, &v, &e), -1);
	assert_int_equal(e.code, TTHC_E_TYPE);
	/* 2^60 is beyond what a double holds exactly. */
	assert_int_equal(json_int(cJSON_GetArrayItem(j, 2), INT64_MIN, INT64_MAX, &v, &e), -1);
	assert_int_equal(e.code, TTHC_E_RANGE);
	assert_int_equal(json_int(cJSON_GetArrayItem(j, 3), INT64_MIN, INT64_MAX, &v, &e), 0);
	assert_int_equal(v, JSON_INT_LIMIT - 1);
	assert_int_equal(json_int(cJSON_GetArrayItem(j, 4), INT64_MIN, INT64_MAX, &v, &e), 0);
	assert_int_equal(v, -(JSON_INT_LIMIT - 1));
	assert_int_equal(json_int(cJSON_GetArrayItem(j, 5), INT64_MIN, INT64_MAX, &v, &e), -1);
	assert_int_equal(e.code, TTHC_E_RANGE);
	assert_int_equal(json_int(cJSON_GetArrayItem(j, 6), INT64_MIN, INT64_MAX, &v, &e), -1);
	assert_int_equal(e.code, TTHC_E_TYPE);
	assert_int_equal(json_int(cJSON_GetArrayItem(j, 7), INT64_MIN, INT64_MAX, &v, &e), -1);
	assert_int_equal(e.code, TTHC_E_RANGE);
	assert_int_equal(json_int(cJSON_GetArrayItem(j, 8), 0, 5000, &v, &e), 0);
	assert_int_equal(v, 2000);
	cJSON_Delete(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_document_parses),
		cmocka_unit_test(input_need_not_be_nul_terminated),
		cmocka_unit_test(truncated_documents_are_malformed),
		cmocka_unit_test(trailing_garbage_is_refused),
		cmocka_unit_test(bad_escapes_are_refused),
		cmocka_unit_test(nul_escape_is_refused),
		cmocka_unit_test(escaped_backslash_before_u0000_text_is_fine),
		cmocka_unit_test(lone_surrogates_are_refused),
		cmocka_unit_test(raw_control_bytes_are_refused),
		cmocka_unit_test(numbers_follow_rfc_8259),
		cmocka_unit_test(invalid_utf8_gives_its_byte_offset),
		cmocka_unit_test(not_nfc_names_its_path),
		cmocka_unit_test(not_nfc_key_is_refused),
		cmocka_unit_test(duplicate_keys_are_refused),
		cmocka_unit_test(duplicate_keys_in_large_objects_are_refused),
		cmocka_unit_test(oversized_documents_are_refused),
		cmocka_unit_test(deep_nesting_is_refused_before_cjson),
		cmocka_unit_test(brackets_inside_strings_do_not_count_as_depth),
		cmocka_unit_test(integers_are_range_checked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
