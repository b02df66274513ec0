/* core/model/api_error: error bodies carry code, message and path, and a
 * rejection every reason at once; what is built is what the client reads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/api_error.h"

static char *body_text(const struct tthc_err *e, const struct tthc_err *reasons, size_t n)
{
	cJSON *j = model_error_body_build(e, reasons, n);
	char *text;

	assert_non_null(j);
	text = json_print(j);
	cJSON_Delete(j);
	assert_non_null(text);
	return text;
}

static void error_with_a_path(void **state)
{
	struct tthc_err e;
	char *text;

	(void)state;
	tthc_fail(&e, TTHC_E_NOT_NFC, "members[3].name", "not NFC");
	text = body_text(&e, NULL, 0);
	assert_string_equal(text, "{\"error\":{\"code\":\"not-nfc\",\"message\":\"not NFC\","
			    "\"path\":\"members[3].name\"}}");
	free(text);
}

static void error_without_a_where_has_no_path(void **state)
{
	struct tthc_err e;
	char *text;

	(void)state;
	tthc_fail(&e, TTHC_E_TOO_LARGE, NULL, "the document is larger than 1048576 bytes");
	text = body_text(&e, NULL, 0);
	assert_string_equal(text, "{\"error\":{\"code\":\"too-large\","
			    "\"message\":\"the document is larger than 1048576 bytes\"}}");
	free(text);
}

static void rejection_carries_every_reason(void **state)
{
	struct tthc_err summary, reasons[3];
	struct model_error_body body;
	struct tthc_err e;
	char *text;

	(void)state;
	tthc_fail(&summary, TTHC_E_REFUSED, NULL, "Hồ sơ chưa đầy đủ");
	tthc_fail(&reasons[0], TTHC_E_MISSING, "payload.self_review", "Thiếu bản tự kiểm điểm");
	tthc_fail(&reasons[1], TTHC_E_RANGE, "payload.decision_date", "Quá 60 ngày làm việc");
	tthc_fail(&reasons[2], TTHC_E_REFUSED, NULL, "Đảng viên đang bị kiểm tra");
	text = body_text(&summary, reasons, 3);
	assert_int_equal(model_error_body_parse(text, strlen(text), JSON_STRICT, &body, &e), 0);
	assert_string_equal(body.error->code, "refused");
	assert_null(body.error->path);
	assert_int_equal(body.error->n_reasons, 3);
	assert_string_equal(body.error->reasons[1].code, "out-of-range");
	assert_string_equal(body.error->reasons[1].path, "payload.decision_date");
	assert_string_equal(body.error->reasons[0].message, "Thiếu bản tự kiểm điểm");
	assert_null(body.error->reasons[2].path);
	model_error_body_free(&body);
	free(text);
}

static void quoted_input_is_made_fit_for_the_wire(void **state)
{
	struct tthc_err e;
	struct model_error_body body;
	char *text;

	(void)state;
	/* A message quoting a control character, cut inside "ễ", with a
	 * decomposed key in its where. */
	tthc_fail(&e, TTHC_E_INVALID, "fields.e\xCC\x81", "'a\x01" "b' Nguy\xE1\xBB");
	text = body_text(&e, NULL, 0);
	assert_int_equal(model_error_body_parse(text, strlen(text), JSON_STRICT, &body, &e), 0);
	assert_string_equal(body.error->message, "'a b' Nguy");
	assert_string_equal(body.error->path, "fields.\xC3\xA9");
	model_error_body_free(&body);
	free(text);
}

static void message_with_nothing_valid_falls_back_to_the_code(void **state)
{
	struct tthc_err e;
	char *text;

	(void)state;
	tthc_fail(&e, TTHC_E_BAD_UTF8, "byte 3", "\xFF");
	text = body_text(&e, NULL, 0);
	assert_string_equal(text, "{\"error\":{\"code\":\"invalid-utf8\","
			    "\"message\":\"invalid-utf8\",\"path\":\"byte 3\"}}");
	free(text);
}

static void api_error_can_sit_in_an_action_result(void **state)
{
	struct model_api_error error;
	struct tthc_err e;
	cJSON *j;

	(void)state;
	tthc_fail(&e, TTHC_E_REFUSED, "", "Không có quyền");
	assert_int_equal(model_api_error_set(&error, &e, NULL, 0), 0);
	j = model_api_error_encode(&error);
	assert_non_null(j);
	assert_string_equal(cJSON_GetObjectItem(j, "message")->valuestring, "Không có quyền");
	assert_null(cJSON_GetObjectItem(j, "reasons"));
	cJSON_Delete(j);
	model_api_error_free(&error);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(error_with_a_path),
		cmocka_unit_test(error_without_a_where_has_no_path),
		cmocka_unit_test(rejection_carries_every_reason),
		cmocka_unit_test(quoted_input_is_made_fit_for_the_wire),
		cmocka_unit_test(message_with_nothing_valid_falls_back_to_the_code),
		cmocka_unit_test(api_error_can_sit_in_an_action_result),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
