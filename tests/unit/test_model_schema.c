/* core/model/schema: the tables themselves are well formed, so that a
 * mistake in a new entity's table fails here and not on the wire. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../support/model_samples.h"
#include "model/model.h"
#include "model/org.h"

static void check_table(const struct jschema *s, int depth)
{
	size_t i, k;

	assert_true(depth < 8);
	assert_true(s->nfields > 0);
	for (i = 0; i < s->nfields; i++) {
		const struct jfield *f = &s->fields[i];

		assert_true(json_is_id(f->name, 1, MODEL_ID_MAX));
		for (k = 0; k < i; k++)
			assert_string_not_equal(f->name, s->fields[k].name);
		assert_true(f->off < s->size);
		assert_true(f->min <= f->max || f->max == 0);
		if (f->flags & JF_HAS)
			assert_true(f->aux < s->size && f->aux != f->off);
		switch (f->type) {
		case JT_STRING:
		case JT_ID:
			assert_true(f->min >= 0 && f->max >= f->min && f->max > 0);
			break;
		case JT_INT:
			/* The bounds themselves must be exact as doubles. */
			assert_true(f->min > -JSON_INT_LIMIT && f->max < JSON_INT_LIMIT);
			assert_true(f->min <= f->max);
			break;
		case JT_ENUM:
			assert_non_null(f->vocab);
			break;
		case JT_ARRAY:
			assert_true(f->aux < s->size && f->aux != f->off);
			assert_true(f->max > 0);
			/* fall through: arrays have element tables too */
		case JT_STRUCT:
			assert_non_null(f->sub);
			check_table(f->sub, depth + 1);
			break;
		default:
			break;
		}
	}
}

static void every_table_is_well_formed(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < model_sample_count; i++)
		check_table(model_samples[i].schema, 0);
}

static void absent_optional_values_do_not_count_in_equality(void **state)
{
	struct model_org a = { .id = "o", .parent = "p", .type = ORG_BASE_BRANCH,
			       .name = "Chi bộ" };
	struct model_org b = a;

	(void)state;
	/* A value behind a false has_ flag is not part of the entity. */
	b.commune = true;
	assert_true(model_org_equal(&a, &b));
	b.has_commune = true;
	assert_false(model_org_equal(&a, &b));
	b = a;
	b.parent = NULL;
	assert_false(model_org_equal(&a, &b));
}

static void a_failed_decode_leaves_nothing_behind(void **state)
{
	const char *doc = "{\"id\":\"o\",\"parent\":\"p\",\"type\":\"base-branch\","
		"\"name\":\"Chi bộ\",\"commune\":true}";
	struct model_org o;
	struct tthc_err e;

	(void)state;
	/* Fails in the rule across fields, after every string was copied:
	 * ASan's leak check is the other half of this test. */
	assert_int_equal(model_org_parse(doc, strlen(doc), JSON_STRICT, &o, &e), -1);
	assert_string_equal(e.where, "commune");
	assert_null(o.id);
	assert_null(o.name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_table_is_well_formed),
		cmocka_unit_test(absent_optional_values_do_not_count_in_equality),
		cmocka_unit_test(a_failed_decode_leaves_nothing_behind),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
