/* core/model/json_print: the text is cJSON_PrintUnformatted's, byte for
 * byte (what the cache stored before it), and a kept buffer is reused. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/json.h"

/* j printed by both, compared; returns ours for more checks (caller frees). */
static char *same_as_cjson(const cJSON *j)
{
	char *theirs = cJSON_PrintUnformatted((cJSON *)j), *ours = json_print(j);

	assert_non_null(theirs);
	assert_non_null(ours);
	assert_string_equal(ours, theirs);
	free(theirs);
	return ours;
}

static void check_text(const char *doc, const char *expect)
{
	cJSON *j = cJSON_Parse(doc);
	char *ours;

	assert_non_null(j);
	ours = same_as_cjson(j);
	assert_string_equal(ours, expect);
	free(ours);
	cJSON_Delete(j);
}

static void a_pulled_row_prints_compact(void **state)
{
	(void)state;
	check_text("{ \"id\" : \"c-1\", \"version\": 1, \"orgs\": [ {\"relation\": \"own\","
		   " \"org\": \"o-1\"} ], \"fields\": {}, \"list\": [], \"ok\": true,"
		   " \"no\": false, \"none\": null, \"name\": \"Nguyễn Văn Ánh\" }",
		   "{\"id\":\"c-1\",\"version\":1,\"orgs\":[{\"relation\":\"own\",\"org\":\"o-1\"}],"
		   "\"fields\":{},\"list\":[],\"ok\":true,\"no\":false,\"none\":null,"
		   "\"name\":\"Nguyễn Văn Ánh\"}");
}

static void escapes_are_cjsons(void **state)
{
	(void)state;
	check_text("[\"q\\\"b\\\\s\\/n\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f\"]",
		   "[\"q\\\"b\\\\s/n\\n\\r\\t\\b\\f\\u0001\\u001f\x7f\"]");
	check_text("{\"k\\u0002\\\"\":\"\"}", "{\"k\\u0002\\\"\":\"\"}");
}

static void numbers_are_cjsons(void **state)
{
	char *ours;

	(void)state;
	check_text("[0,-0,1,-7,2147483647,-2147483648]", "[0,-0,1,-7,2147483647,-2147483648]");
	/* Beyond int, fractions and exponents: cJSON's own %g forms, even
	 * where 15 digits lose the last of 2^53 - 1 (its round-trip check has
	 * a tolerance): the text the cache always had. */
	check_text("[2147483648,9007199254740991,-3000000000,0.1,1.5e300,-2.5e-7,3.14159]",
		   "[2147483648,9.00719925474099e+15,-3000000000,0.1,1.5e+300,-2.5e-07,3.14159]");
	{
		cJSON *n = cJSON_CreateNumber(NAN);

		assert_non_null(n);
		ours = same_as_cjson(n);
		assert_string_equal(ours, "null");
		free(ours);
		cJSON_Delete(n);
	}
}

static void a_raw_node_and_a_null_string_print_as_cjson_does(void **state)
{
	cJSON *o = cJSON_CreateObject(), *s = cJSON_CreateString("x");
	char *ours;

	(void)state;
	assert_non_null(o);
	assert_non_null(s);
	assert_non_null(cJSON_AddRawToObject(o, "raw", "[1, 2]"));
	free(s->valuestring);
	s->valuestring = NULL;
	cJSON_AddItemToObject(o, "s", s);
	ours = same_as_cjson(o);
	assert_string_equal(ours, "{\"raw\":[1, 2],\"s\":\"\"}");
	free(ours);
	cJSON_Delete(o);
}

static void a_kept_buffer_is_emptied_and_grown(void **state)
{
	struct buf b = BUF_INIT;
	cJSON *small = cJSON_Parse("{\"a\":1}"), *big = cJSON_CreateArray();
	char *theirs;

	(void)state;
	assert_non_null(small);
	assert_non_null(big);
	for (int i = 0; i < 2000; i++)
		cJSON_AddItemToArray(big, cJSON_CreateString("một chuỗi \"dài\"\n"));
	assert_string_equal(json_print_into(small, &b), "{\"a\":1}");
	theirs = cJSON_PrintUnformatted(big);
	assert_non_null(theirs);
	assert_string_equal(json_print_into(big, &b), theirs);
	assert_int_equal(b.len, strlen(theirs));
	assert_string_equal(json_print_into(small, &b), "{\"a\":1}");
	assert_int_equal(b.len, 7);
	free(theirs);
	buf_free(&b);
	cJSON_Delete(small);
	cJSON_Delete(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_pulled_row_prints_compact),
		cmocka_unit_test(escapes_are_cjsons),
		cmocka_unit_test(numbers_are_cjsons),
		cmocka_unit_test(a_raw_node_and_a_null_string_print_as_cjson_does),
		cmocka_unit_test(a_kept_buffer_is_emptied_and_grown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
