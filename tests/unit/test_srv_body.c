/* server/api_body.c: request bodies through core/model's strict layer (the
 * layer's own cases are in test_json and test_model_errors). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../server/api.h"
#include "model/account.h"

static int decode(const char *json, struct model_grant *g, struct tthc_err *e)
{
	return api_decode(json, strlen(json), &model_grant_schema, g, e);
}

static void a_good_body_fills_the_struct(void **state)
{
	struct model_grant g;

	(void)state;
	assert_int_equal(decode("{\"role\":\"clerk\",\"org\":\"xa-1\"}", &g, NULL), 0);
	assert_int_equal(g.role, ROLE_CLERK);
	assert_string_equal(g.org, "xa-1");
	schema_free(&model_grant_schema, &g);
}

static void an_empty_body_is_an_empty_object(void **state)
{
	struct model_grant g;
	struct tthc_err e = { 0 };

	(void)state;
	assert_int_equal(api_decode("", 0, &model_grant_schema, &g, &e), -1);
	assert_int_equal(e.code, TTHC_E_MISSING);
	assert_string_equal(e.where, "role");
}

static void errors_name_the_path_or_the_byte(void **state)
{
	struct model_grant g;
	struct tthc_err e = { 0 };

	(void)state;
	assert_int_equal(decode("{\"role\":\"clerk\",\"org\":\"x\",\"extra\":1}", &g, &e), -1);
	assert_int_equal(e.code, TTHC_E_UNKNOWN_FIELD);
	assert_string_equal(e.where, "extra");
	assert_null(g.org);
	assert_int_equal(decode("{\"role\":\"pope\",\"org\":\"x\"}", &g, &e), -1);
	assert_string_equal(e.where, "role");
	assert_int_equal(decode("{\"role\":\"clerk\",\"org\":\"x\"", &g, &e), -1);
	assert_int_equal(e.code, TTHC_E_BAD_JSON);
	assert_string_equal(e.where, "byte 25");     /* the end, where "}" is due */
}

/* The HTTP layer bounds a body (--max-body), not the JSON layer's 1 MiB. */
static void a_body_past_one_mib_is_read(void **state)
{
	size_t n = ((size_t)1 << 20) + 100;
	char *big = malloc(n + 1);
	struct model_grant g;
	const char *json = "{\"role\":\"clerk\",\"org\":\"x\"}";

	(void)state;
	assert_non_null(big);
	memset(big, ' ', n);
	memcpy(big, json, strlen(json));
	big[n] = '\0';
	assert_int_equal(api_decode(big, n, &model_grant_schema, &g, NULL), 0);
	schema_free(&model_grant_schema, &g);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_good_body_fills_the_struct),
		cmocka_unit_test(an_empty_body_is_an_empty_object),
		cmocka_unit_test(errors_name_the_path_or_the_byte),
		cmocka_unit_test(a_body_past_one_mib_is_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
