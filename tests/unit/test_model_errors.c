/* core/model: every kind of bad input is refused with the right code and
 * the JSON path of the value at fault. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/account.h"
#include "model/action.h"
#include "model/changes.h"
#include "model/finance.h"
#include "model/member.h"
#include "model/org.h"

#define MEMBER_HEAD \
	"{\"id\":\"m-1\",\"card_number\":\"28012345\",\"birth_date\":\"1980-05-17\"," \
	"\"sex\":\"male\",\"org\":\"o-1\",\"joined\":\"2005-03-02\",\"category\":\"salary\""
#define ACTION_BODY \
	"\"kind\":\"approve\",\"case\":\"c-1\",\"base_version\":1,\"payload\":{}," \
	"\"client_time\":\"2026-11-21T03:00:00Z\""
#define UUID1 "6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f"

static void expect(const struct jschema *s, enum json_mode mode, const char *doc,
		   enum tthc_code code, const char *where)
{
	void *obj = malloc(s->size);
	struct tthc_err e;
	size_t i;

	assert_non_null(obj);
	tthc_err_clear(&e);
	if (model_parse(s, doc, strlen(doc), mode, obj, &e) == 0) {
		schema_free(s, obj);
		free(obj);
		fail_msg("accepted: %s", doc);
	}
	if (strcmp(tthc_code_name(e.code), tthc_code_name(code)) || strcmp(e.where, where))
		fail_msg("%s\n  gave %s at '%s' (%s), wanted %s at '%s'", doc,
			 tthc_code_name(e.code), e.where, e.msg, tthc_code_name(code), where);
	assert_true(e.msg[0] != '\0');
	/* A refused decode leaves nothing to free. */
	for (i = 0; i < s->size; i++)
		assert_int_equal(((unsigned char *)obj)[i], 0);
	free(obj);
}

static void accept(const struct jschema *s, enum json_mode mode, const char *doc)
{
	void *obj = malloc(s->size);
	struct tthc_err e;

	assert_non_null(obj);
	if (model_parse(s, doc, strlen(doc), mode, obj, &e))
		fail_msg("refused %s: %s: %s", doc, e.where, e.msg);
	schema_free(s, obj);
	free(obj);
}

static void wrong_types_are_refused(void **state)
{
	(void)state;
	expect(&model_org_schema, JSON_STRICT, "[]", TTHC_E_TYPE, "");
	expect(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o\",\"type\":\"province\",\"name\":5}", TTHC_E_TYPE, "name");
	expect(&model_member_schema, JSON_STRICT,
	       MEMBER_HEAD ",\"name\":\"An\",\"base\":\"8000000\"}", TTHC_E_TYPE, "base");
	expect(&model_member_schema, JSON_STRICT,
	       MEMBER_HEAD ",\"name\":\"An\",\"under_inspection\":1}", TTHC_E_TYPE,
	       "under_inspection");
	expect(&model_account_schema, JSON_STRICT,
	       "{\"id\":\"a\",\"username\":\"u\",\"status\":\"active\",\"roles\":{}}",
	       TTHC_E_TYPE, "roles");
	expect(&model_action_schema, JSON_STRICT,
	       "{\"id\":\"" UUID1 "\",\"kind\":\"approve\",\"case\":\"c-1\","
	       "\"base_version\":1,\"payload\":[],\"client_time\":\"2026-11-21T03:00:00Z\"}",
	       TTHC_E_TYPE, "payload");
}

static void missing_and_null_fields(void **state)
{
	(void)state;
	expect(&model_org_schema, JSON_STRICT, "{\"id\":\"o\",\"type\":\"province\"}",
	       TTHC_E_MISSING, "name");
	expect(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o\",\"type\":\"province\",\"name\":null}", TTHC_E_MISSING, "name");
	/* null stands for an absent optional field. */
	accept(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o\",\"parent\":null,\"type\":\"province\",\"name\":\"Tỉnh\"}");
}

static void unknown_fields_depend_on_the_mode(void **state)
{
	const char *doc = "{\"actions\":[{\"id\":\"" UUID1 "\"," ACTION_BODY
		",\"priority\":\"high\"}]}";

	(void)state;
	expect(&model_actions_request_schema, JSON_STRICT, doc, TTHC_E_UNKNOWN_FIELD,
	       "actions[0].priority");
	accept(&model_actions_request_schema, JSON_TOLERANT, doc);
	expect(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o\",\"type\":\"province\",\"name\":\"T\",\"nickname\":\"x\"}",
	       TTHC_E_UNKNOWN_FIELD, "nickname");
}

static void integers_out_of_range_are_refused(void **state)
{
	(void)state;
	expect(&model_member_schema, JSON_STRICT,
	       MEMBER_HEAD ",\"name\":\"An\",\"region\":5}", TTHC_E_RANGE, "region");
	expect(&model_member_schema, JSON_STRICT,
	       MEMBER_HEAD ",\"name\":\"An\",\"base\":-1}", TTHC_E_RANGE, "base");
	expect(&model_member_schema, JSON_STRICT,
	       MEMBER_HEAD ",\"name\":\"An\",\"base\":8000000.5}", TTHC_E_TYPE, "base");
	expect(&model_member_schema, JSON_STRICT,
	       MEMBER_HEAD ",\"name\":\"An\",\"base\":1152921504606846976}", TTHC_E_RANGE,
	       "base");
	expect(&model_payment_schema, JSON_STRICT,
	       "{\"id\":\"p\",\"member\":\"m\",\"period\":\"2026-08\",\"amount\":0,"
	       "\"method\":\"cash\",\"paid_on\":\"2026-08-05\"}", TTHC_E_RANGE, "amount");
	expect(&model_actions_request_schema, JSON_STRICT,
	       "{\"actions\":[{\"id\":\"" UUID1 "\",\"kind\":\"approve\",\"case\":\"c-1\","
	       "\"base_version\":-1,\"payload\":{},\"client_time\":\"2026-11-21T03:00:00Z\"}]}",
	       TTHC_E_RANGE, "actions[0].base_version");
}

static void unknown_enum_values_are_refused(void **state)
{
	(void)state;
	expect(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o\",\"type\":\"district\",\"name\":\"Huyện\"}", TTHC_E_INVALID, "type");
	expect(&model_account_schema, JSON_STRICT,
	       "{\"id\":\"a\",\"username\":\"u\",\"status\":\"active\",\"roles\":["
	       "{\"role\":\"clerk\",\"org\":\"o\"},{\"role\":\"king\",\"org\":\"o\"}]}",
	       TTHC_E_INVALID, "roles[1].role");
	expect(&model_payment_schema, JSON_STRICT,
	       "{\"id\":\"p\",\"member\":\"m\",\"period\":\"2026-08\",\"amount\":5000,"
	       "\"method\":\"Cash\",\"paid_on\":\"2026-08-05\"}", TTHC_E_INVALID, "method");
}

static void bad_uuids_are_refused(void **state)
{
	(void)state;
	expect(&model_action_schema, JSON_STRICT,
	       "{\"id\":\"6F1C2A4E-8B3D-4C5E-9F70-1A2B3C4D5E6F\"," ACTION_BODY "}",
	       TTHC_E_INVALID, "id");
	expect(&model_action_schema, JSON_STRICT,
	       "{\"id\":\"6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6\"," ACTION_BODY "}",
	       TTHC_E_INVALID, "id");
	expect(&model_action_schema, JSON_STRICT,
	       "{\"id\":\"6f1c2a4e8b3d-4c5e-9f70-1a2b3c4d5e6f0\"," ACTION_BODY "}",
	       TTHC_E_INVALID, "id");
	expect(&model_actions_request_schema, JSON_STRICT,
	       "{\"actions\":[{\"id\":\"" UUID1 "\"," ACTION_BODY "},{\"id\":\"x\","
	       ACTION_BODY "}]}", TTHC_E_INVALID, "actions[1].id");
}

static void bad_dates_are_refused(void **state)
{
	(void)state;
	expect(&model_member_schema, JSON_STRICT,
	       "{\"id\":\"m-1\",\"card_number\":\"1\",\"name\":\"An\",\"birth_date\":"
	       "\"1980-02-30\",\"sex\":\"male\",\"org\":\"o\",\"joined\":\"2005-03-02\","
	       "\"category\":\"student\"}", TTHC_E_RANGE, "birth_date");
	expect(&model_member_schema, JSON_STRICT,
	       "{\"id\":\"m-1\",\"card_number\":\"1\",\"name\":\"An\",\"birth_date\":"
	       "\"17/05/1980\",\"sex\":\"male\",\"org\":\"o\",\"joined\":\"2005-03-02\","
	       "\"category\":\"student\"}", TTHC_E_INVALID, "birth_date");
	expect(&model_fee_period_schema, JSON_STRICT,
	       "{\"id\":\"f\",\"org\":\"o\",\"period\":\"2026-13\",\"state\":\"open\"}",
	       TTHC_E_RANGE, "period");
	expect(&model_action_schema, JSON_STRICT,
	       "{\"id\":\"" UUID1 "\",\"kind\":\"approve\",\"case\":\"c-1\",\"base_version\":1,"
	       "\"payload\":{},\"client_time\":\"yesterday\"}", TTHC_E_INVALID, "client_time");
}

/* An organisation whose name is count times "Đ" (two bytes each). */
static char *org_named(size_t count)
{
	static const char head[] = "{\"id\":\"o\",\"type\":\"province\",\"name\":\"";
	char *doc = malloc(sizeof head + 2 * count + 2), *p;
	size_t i;

	assert_non_null(doc);
	p = doc + sprintf(doc, "%s", head);
	for (i = 0; i < count; i++)
		p += sprintf(p, "Đ");
	sprintf(p, "\"}");
	return doc;
}

static void text_fields_are_checked(void **state)
{
	char *doc;

	(void)state;
	expect(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o\",\"type\":\"province\",\"name\":\"\"}", TTHC_E_RANGE, "name");
	expect(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o\",\"type\":\"province\",\"name\":\"T\\u0007nh\"}",
	       TTHC_E_CONTROL_CHAR, "name");
	expect(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o 1\",\"type\":\"province\",\"name\":\"T\"}", TTHC_E_INVALID, "id");
	/* The limit counts characters, not bytes. */
	doc = org_named(MODEL_NAME_MAX);
	accept(&model_org_schema, JSON_STRICT, doc);
	free(doc);
	doc = org_named(MODEL_NAME_MAX + 1);
	expect(&model_org_schema, JSON_STRICT, doc, TTHC_E_RANGE, "name");
	free(doc);
}

static void not_nfc_text_names_its_path(void **state)
{
	(void)state;
	expect(&model_member_schema, JSON_STRICT,
	       MEMBER_HEAD ",\"name\":\"Nguye\xCC\x82\xCC\x83n Va\xCC\x86n An\"}",
	       TTHC_E_NOT_NFC, "name");
	expect(&model_actions_request_schema, JSON_STRICT,
	       "{\"actions\":[{\"id\":\"" UUID1 "\",\"kind\":\"return-incomplete\","
	       "\"case\":\"c-1\",\"base_version\":1,\"payload\":{\"fixes\":[\"a\","
	       "\"Thie\xCC\x82\xCC\x81u\"]},\"client_time\":\"2026-11-21T03:00:00Z\"}]}",
	       TTHC_E_NOT_NFC, "actions[0].payload.fixes[1]");
}

static void rules_across_fields_are_checked(void **state)
{
	(void)state;
	expect(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o\",\"parent\":\"p\",\"type\":\"province\",\"name\":\"T\"}",
	       TTHC_E_INVALID, "parent");
	expect(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o\",\"parent\":\"p\",\"type\":\"base-committee\",\"name\":\"X\"}",
	       TTHC_E_MISSING, "commune");
	expect(&model_org_schema, JSON_STRICT,
	       "{\"id\":\"o\",\"parent\":\"p\",\"type\":\"base-branch\",\"name\":\"C\","
	       "\"commune\":false}", TTHC_E_INVALID, "commune");
	expect(&model_member_schema, JSON_STRICT,
	       MEMBER_HEAD ",\"name\":\"An\",\"reductions\":[{\"percent\":40,"
	       "\"from\":\"2026-09\",\"to\":\"2026-12\"}]}", TTHC_E_RANGE,
	       "reductions[0].percent");
	expect(&model_member_schema, JSON_STRICT,
	       MEMBER_HEAD ",\"name\":\"An\",\"exemption\":{\"reason\":\"social-pension\","
	       "\"from\":\"2026-09\",\"to\":\"2026-08\"}}", TTHC_E_RANGE, "exemption.to");
	expect(&model_action_result_schema, JSON_STRICT,
	       "{\"id\":\"" UUID1 "\",\"status\":\"rejected\"}", TTHC_E_MISSING, "error");
	expect(&model_changes_page_schema, JSON_TOLERANT,
	       "{\"changes\":[{\"kind\":\"case\",\"id\":\"c\",\"version\":2,"
	       "\"tombstone\":true,\"row\":{}}],\"next\":\"9\",\"more\":false}",
	       TTHC_E_INVALID, "changes[0].row");
}

static void batch_size_is_bounded(void **state)
{
	size_t one = strlen("{\"id\":\"" UUID1 "\"," ACTION_BODY "},");
	size_t size = 16 + 1001 * one, n = 0;
	char *doc = malloc(size);
	int i;

	(void)state;
	assert_non_null(doc);
	expect(&model_actions_request_schema, JSON_STRICT, "{\"actions\":[]}", TTHC_E_RANGE,
	       "actions");
	n += (size_t)snprintf(doc, size, "{\"actions\":[");
	for (i = 0; i < 1001; i++)
		n += (size_t)snprintf(doc + n, size - n, "%s{\"id\":\"" UUID1 "\"," ACTION_BODY "}",
				      i ? "," : "");
	snprintf(doc + n, size - n, "]}");
	expect(&model_actions_request_schema, JSON_STRICT, doc, TTHC_E_RANGE, "actions");
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrong_types_are_refused),
		cmocka_unit_test(missing_and_null_fields),
		cmocka_unit_test(unknown_fields_depend_on_the_mode),
		cmocka_unit_test(integers_out_of_range_are_refused),
		cmocka_unit_test(unknown_enum_values_are_refused),
		cmocka_unit_test(bad_uuids_are_refused),
		cmocka_unit_test(bad_dates_are_refused),
		cmocka_unit_test(text_fields_are_checked),
		cmocka_unit_test(not_nfc_text_names_its_path),
		cmocka_unit_test(rules_across_fields_are_checked),
		cmocka_unit_test(batch_size_is_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
