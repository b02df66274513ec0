/* server/req.c: strict request bodies, every error with its path. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../server/req.h"

struct item {
	char *role;
	int64_t n;
};

static const struct req_field item_fields[] = {
	{ "role", REQ_STRING, true, offsetof(struct item, role), NULL },
	{ "n", REQ_INT, false, offsetof(struct item, n), NULL },
};
static const struct req_spec item_spec = { item_fields, 2, sizeof(struct item), 3 };

struct body {
	char *name;
	bool flag;
	struct req_list items;
};

static const struct req_field body_fields[] = {
	{ "name", REQ_STRING, true, offsetof(struct body, name), NULL },
	{ "flag", REQ_BOOL, false, offsetof(struct body, flag), NULL },
	{ "items", REQ_LIST, false, offsetof(struct body, items), &item_spec },
};
static const struct req_spec body_spec = { body_fields, 3, sizeof(struct body), 0 };

static int parse(const char *json, struct body *b, struct tthc_err *e)
{
	return req_parse(json, strlen(json), &body_spec, b, e);
}

static void a_good_body_fills_the_struct(void **state)
{
	struct body b;
	struct item *it;

	(void)state;
	assert_int_equal(parse("{\"name\":\"Nguyễn Văn An\",\"flag\":true,"
			       "\"items\":[{\"role\":\"clerk\",\"n\":-42},{\"role\":\"x\"}]}",
			       &b, NULL), 0);
	assert_string_equal(b.name, "Nguyễn Văn An");
	assert_true(b.flag);
	assert_int_equal(b.items.count, 2);
	it = b.items.items;
	assert_string_equal(it[0].role, "clerk");
	assert_int_equal(it[0].n, -42);
	assert_string_equal(it[1].role, "x");
	req_free(&body_spec, &b);
}

static void null_means_absent_for_optional_fields(void **state)
{
	struct body b;

	(void)state;
	assert_int_equal(parse("{\"name\":\"a\",\"flag\":null,\"items\":null}", &b, NULL), 0);
	assert_false(b.flag);
	assert_int_equal(b.items.count, 0);
	req_free(&body_spec, &b);
}

struct bad_case {
	const char *json;
	enum tthc_code code;
	const char *where;
};

static void every_bad_body_names_code_and_path(void **state)
{
	static const struct bad_case cases[] = {
		{ "{\"name\":\"a\"", TTHC_E_BAD_JSON, "" },
		{ "{\"name\":\"a\"} {}", TTHC_E_BAD_JSON, "" },
		{ "[]", TTHC_E_TYPE, "" },
		{ "{}", TTHC_E_MISSING, "name" },
		{ "{\"name\":1}", TTHC_E_TYPE, "name" },
		{ "{\"name\":null}", TTHC_E_TYPE, "name" },
		{ "{\"name\":\"a\",\"nope\":1}", TTHC_E_UNKNOWN_FIELD, "nope" },
		{ "{\"name\":\"a\",\"name\":\"b\"}", TTHC_E_DUPLICATE_KEY, "name" },
		{ "{\"name\":\"a\",\"flag\":1}", TTHC_E_TYPE, "flag" },
		{ "{\"name\":\"a\",\"items\":[{\"role\":\"r\",\"n\":1.5}]}", TTHC_E_TYPE,
		  "items[0].n" },
		{ "{\"name\":\"a\",\"items\":[{\"role\":\"r\",\"n\":1e300}]}", TTHC_E_RANGE,
		  "items[0].n" },
		{ "{\"name\":\"a\",\"items\":[{\"role\":\"r\"},{}]}", TTHC_E_MISSING,
		  "items[1].role" },
		{ "{\"name\":\"a\",\"items\":[{\"role\":\"r\",\"x\":{\"a\":1,\"a\":2}}]}",
		  TTHC_E_DUPLICATE_KEY, "items[0].x.a" },
		{ "{\"name\":\"a\",\"items\":[{\"role\":\"1\"},{\"role\":\"2\"},{\"role\":\"3\"},"
		  "{\"role\":\"4\"}]}", TTHC_E_TOO_LARGE, "items" },
		{ "{\"name\":\"Nguye\xcc\x82\xcc\x83n\"}", TTHC_E_NOT_NFC, "name" },
		{ "{\"name\":\"Nguy\xe1\xbbn\"}", TTHC_E_BAD_UTF8, "name" },
		{ "{\"name\":\"a\",\"items\":[{\"role\":\"\xff\"}]}", TTHC_E_BAD_UTF8,
		  "items[0].role" },
		{ "{\"na\xffme\":\"a\"}", TTHC_E_BAD_UTF8, "" },
		{ "{\"name\":\"a\"}\xff", TTHC_E_BAD_UTF8, "" },
		{ "{\"name\":\"tab\there\"}", TTHC_E_BAD_JSON, "" },
		{ "{\"name\":\"new\nline\"}", TTHC_E_BAD_JSON, "" },
		{ "{\"name\":\"a\\u0000b\"}", TTHC_E_INVALID, "" },
		{ "{\"name\":\"a\",\"flag\":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]}", TTHC_E_TOO_DEEP,
		  "flag[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]" },
	};
	struct body b;
	struct tthc_err e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&e, 0, sizeof e);
		assert_int_equal(parse(cases[i].json, &b, &e), -1);
		if (e.code != cases[i].code || strcmp(e.where, cases[i].where) != 0)
			fail_msg("%s: got %s at '%s', want %s at '%s'", cases[i].json,
				 tthc_code_name(e.code), e.where, tthc_code_name(cases[i].code),
				 cases[i].where);
	}
}

static void an_escaped_backslash_before_u0000_text_is_fine(void **state)
{
	struct body b;

	(void)state;
	assert_int_equal(parse("{\"name\":\"a\\\\u0000\"}", &b, NULL), 0);
	assert_string_equal(b.name, "a\\u0000");
	req_free(&body_spec, &b);
}

static void an_empty_body_is_an_empty_object(void **state)
{
	static const struct req_spec none = { NULL, 0, sizeof(int), 0 };
	int out;

	(void)state;
	assert_int_equal(req_parse("", 0, &none, &out, NULL), 0);
	assert_int_equal(req_parse("{}", 2, &none, &out, NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_good_body_fills_the_struct),
		cmocka_unit_test(null_means_absent_for_optional_fields),
		cmocka_unit_test(every_bad_body_names_code_and_path),
		cmocka_unit_test(an_escaped_backslash_before_u0000_text_is_fine),
		cmocka_unit_test(an_empty_body_is_an_empty_object),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
