/* core/model: every entity survives decode, encode and decode again, and
 * the typed API reads what the wire says. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../support/model_samples.h"
#include "model/account.h"
#include "model/action.h"
#include "model/case.h"
#include "model/changes.h"
#include "model/member.h"
#include "model/model.h"
#include "model/org.h"

static void *parse_sample(const struct model_sample *s, enum json_mode mode)
{
	void *obj = malloc(s->schema->size);
	struct tthc_err e;

	assert_non_null(obj);
	if (model_parse(s->schema, s->json, strlen(s->json), mode, obj, &e))
		fail_msg("%s refused: %s: %s", s->name, e.where, e.msg);
	return obj;
}

static void release(const struct jschema *schema, void *obj)
{
	schema_free(schema, obj);
	free(obj);
}

static void every_sample_round_trips(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < model_sample_count; i++) {
		const struct model_sample *s = &model_samples[i];
		void *first = parse_sample(s, JSON_STRICT), *again;
		cJSON *encoded = schema_encode(s->schema, first);
		cJSON *original = json_parse(s->json, strlen(s->json), NULL, NULL);
		char *text = model_to_json(s->schema, first);
		struct tthc_err e;

		assert_non_null(encoded);
		assert_non_null(original);
		assert_non_null(text);
		/* The samples hold every field, so encoding gives them back. */
		if (!cJSON_Compare(encoded, original, 1))
			fail_msg("%s encodes as %s", s->name, text);
		again = malloc(s->schema->size);
		assert_non_null(again);
		assert_int_equal(model_parse(s->schema, text, strlen(text), JSON_STRICT,
					     again, &e), 0);
		assert_true(schema_equal(s->schema, first, again));
		release(s->schema, again);
		free(text);
		cJSON_Delete(original);
		cJSON_Delete(encoded);
		release(s->schema, first);
	}
}

static void typed_member_reads_every_field(void **state)
{
	const struct model_sample *s = model_sample("member");
	struct model_member m, copy;
	struct tthc_err e;
	char *text;

	(void)state;
	assert_int_equal(model_member_parse(s->json, strlen(s->json), JSON_STRICT, &m, &e), 0);
	assert_string_equal(m.name, "Nguyễn Văn An");
	assert_string_equal(m.card_number, "28012345");
	assert_int_equal(m.birth_date.y, 1980);
	assert_int_equal(m.sex, SEX_MALE);
	assert_int_equal(m.category, INCOME_SALARY);
	assert_true(m.has_base);
	assert_int_equal(m.base, 8000000);
	assert_int_equal(m.region, 1);
	assert_true(m.under_complaint);
	assert_false(m.under_inspection);
	assert_non_null(m.exemption);
	assert_int_equal(m.exemption->reason, EXEMPT_SERIOUS_ILLNESS);
	assert_int_equal(m.exemption->to.m, 1);
	assert_int_equal(m.n_reductions, 2);
	assert_int_equal(m.reductions[1].percent, 30);
	assert_int_equal(m.reductions[1].to.m, 6);

	text = model_member_to_json(&m);
	assert_non_null(text);
	assert_int_equal(model_member_parse(text, strlen(text), JSON_STRICT, &copy, &e), 0);
	assert_true(model_member_equal(&m, &copy));
	copy.reductions[0].percent = 70;
	assert_false(model_member_equal(&m, &copy));
	model_member_free(&copy);
	free(text);
	model_member_free(&m);
	assert_null(m.name);
}

static void optional_fields_stay_absent(void **state)
{
	const char *doc = "{\"id\":\"m-2\",\"card_number\":\"1\",\"name\":\"Lê Thị Hoa\","
		"\"birth_date\":\"2003-01-09\",\"sex\":\"female\",\"org\":\"o-1\","
		"\"joined\":\"2024-05-19\",\"category\":\"student\",\"exemption\":null}";
	struct model_member m;
	struct tthc_err e;
	char *text;

	(void)state;
	assert_int_equal(model_member_parse(doc, strlen(doc), JSON_STRICT, &m, &e), 0);
	assert_false(m.has_base);
	assert_false(m.has_region);
	assert_null(m.exemption);
	assert_int_equal(m.n_reductions, 0);
	text = model_member_to_json(&m);
	assert_non_null(text);
	assert_null(strstr(text, "\"base\""));
	assert_null(strstr(text, "\"exemption\""));
	assert_null(strstr(text, "\"reductions\""));
	free(text);
	model_member_free(&m);
}

static void changes_rows_decode_with_their_kind(void **state)
{
	const struct model_sample *s = model_sample("changes_page");
	struct model_changes_page page;
	struct model_case c;
	struct tthc_err e;

	(void)state;
	assert_int_equal(model_changes_page_parse(s->json, strlen(s->json), JSON_TOLERANT,
						  &page, &e), 0);
	assert_int_equal(page.n_changes, 2);
	assert_true(page.more);
	assert_string_equal(page.next, "1042");
	assert_int_equal(page.changes[0].kind, ENTITY_CASE);
	assert_int_equal(model_case_decode(page.changes[0].row, JSON_TOLERANT, &c, &e), 0);
	assert_int_equal(c.procedure, PROC_OFFICIAL_TRANSFER);
	assert_int_equal(c.version, 3);
	assert_string_equal(c.orgs[1].relation, "receiving");
	assert_int_equal(c.n_deadlines, 1);
	assert_true(page.changes[1].tombstone);
	assert_null(page.changes[1].row);
	assert_string_equal(page.changes[1].org_after, "o-cb-2");
	model_case_free(&c);
	model_changes_page_free(&page);
}

static void action_request_keeps_payload_and_delegation(void **state)
{
	const struct model_sample *s = model_sample("actions_request");
	struct model_actions_request r;
	struct tthc_err e;

	(void)state;
	assert_int_equal(model_actions_request_parse(s->json, strlen(s->json), JSON_STRICT,
						     &r, &e), 0);
	assert_int_equal(r.n_actions, 2);
	assert_string_equal(r.actions[0].id, "6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f");
	assert_string_equal(r.actions[0].case_id, "c-1");
	assert_string_equal(r.actions[0].on_behalf_of, "m-1");
	assert_int_equal(r.actions[0].base_version, 3);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(r.actions[1].payload,
								"fixes")), 2);
	model_actions_request_free(&r);
}

static void tolerant_mode_ignores_added_fields(void **state)
{
	const char *doc = "{\"token\":\"0123456789abcdef0123456789abcdef\","
		"\"expires_at\":\"2026-11-25T19:30:00+07:00\",\"roles\":[{\"role\":\"finance\","
		"\"org\":\"o-1\",\"since\":\"2026\"}],\"refresh\":{\"after\":60}}";
	struct model_session sess;
	struct tthc_err e;

	(void)state;
	assert_int_equal(model_session_parse(doc, strlen(doc), JSON_TOLERANT, &sess, &e), 0);
	assert_int_equal(sess.n_roles, 1);
	assert_int_equal(sess.roles[0].role, ROLE_FINANCE);
	/* 19:30 in Vietnam is 12:30 UTC. */
	assert_int_equal(sess.expires_at % 86400, 12 * 3600 + 30 * 60);
	model_session_free(&sess);
	assert_int_equal(model_session_parse(doc, strlen(doc), JSON_STRICT, &sess, &e), -1);
	assert_int_equal(e.code, TTHC_E_UNKNOWN_FIELD);
	assert_string_equal(e.where, "refresh");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_sample_round_trips),
		cmocka_unit_test(typed_member_reads_every_field),
		cmocka_unit_test(optional_fields_stay_absent),
		cmocka_unit_test(changes_rows_decode_with_their_kind),
		cmocka_unit_test(action_request_keeps_payload_and_delegation),
		cmocka_unit_test(tolerant_mode_ignores_added_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
