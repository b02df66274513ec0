/* core/model: thousands of seeded random mutations of valid documents (a
 * byte changed, dropped, inserted or repeated, the text cut short) are each
 * either accepted, and then round-trip, or refused with a clean error.
 * Under ASan and UBSan, that also means no crash, leak or overflow.  The
 * seed is fixed so a failure can be replayed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../support/model_samples.h"
#include "model/model.h"

#define SEED 0x7468746320323032ULL     /* "thtc 202" */
#define ROUNDS_PER_SAMPLE 5000

static uint64_t rng = SEED;

/* xorshift64*: small, fast, and the same on every platform. */
static uint64_t next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545F4914F6CDD1DULL;
}

static size_t below(size_t n)
{
	return n ? (size_t)(next() % n) : 0;
}

/* Bytes that matter to a JSON reader, so mutations reach deep paths. */
static const char interesting[] = "{}[]\",:\\u0123456789eE.-+ \t\nabfnrtz"
	"\x00\x01\x1f\x7f\x80\xc3\xcc\xe1\xed\xf0\xff";

static char pick(void)
{
	return below(4) ? interesting[below(sizeof interesting - 1)] : (char)next();
}

/* One mutation of buf[0..len) in place (cap bytes available). */
static size_t mutate(char *buf, size_t len, size_t cap)
{
	size_t at = below(len), n, from;

	switch (below(6)) {
	case 0:
		if (len)
			buf[at] = (char)next();
		return len;
	case 1:
		if (len)
			buf[at] = pick();
		return len;
	case 2:
		if (len)
			memmove(buf + at, buf + at + 1, len - at - 1);
		return len ? len - 1 : 0;
	case 3:
		if (len >= cap)
			return len;
		memmove(buf + at + 1, buf + at, len - at);
		buf[at] = pick();
		return len + 1;
	case 4:
		return below(len + 1);
	default:        /* repeat a slice somewhere else */
		n = 1 + below(16);
		from = below(len);
		if (from + n > len || len + n > cap)
			return len;
		memmove(buf + at + n, buf + at, len - at);
		memmove(buf + at, buf + (from >= at ? from + n : from), n);
		return len + n;
	}
}

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i])
			return false;
	return true;
}

struct tally {
	size_t accepted, refused;
};

/* Decode doc; on success the result must survive a strict round trip,
 * on failure the error must be complete and nothing left allocated. */
static void check_one(const struct model_sample *s, const char *doc, size_t len,
		      enum json_mode mode, struct tally *t)
{
	void *obj = malloc(s->schema->size), *again = malloc(s->schema->size);
	struct tthc_err e;
	char *text;

	assert_non_null(obj);
	assert_non_null(again);
	tthc_err_clear(&e);
	if (model_parse(s->schema, doc, len, mode, obj, &e)) {
		t->refused++;
		if (e.code == TTHC_E_OK || e.msg[0] == '\0')
			fail_msg("%s: refusal without a reason", s->name);
		assert_true(all_zero(obj, s->schema->size));
	} else {
		t->accepted++;
		text = model_to_json(s->schema, obj);
		assert_non_null(text);
		if (model_parse(s->schema, text, strlen(text), JSON_STRICT, again, &e))
			fail_msg("%s: accepted but its encoding is refused: %s: %s\n%s",
				 s->name, e.where, e.msg, text);
		assert_true(schema_equal(s->schema, obj, again));
		schema_free(s->schema, again);
		schema_free(s->schema, obj);
		free(text);
	}
	free(again);
	free(obj);
}

static void mutated_documents_never_crash(void **state)
{
	struct tally t = { 0, 0 };
	size_t i, len, cap, k;
	int round;

	(void)state;
	for (i = 0; i < model_sample_count; i++) {
		const struct model_sample *s = &model_samples[i];
		size_t base = strlen(s->json);
		char *buf;

		cap = 2 * base + 64;
		buf = malloc(cap);
		assert_non_null(buf);
		for (round = 0; round < ROUNDS_PER_SAMPLE; round++) {
			memcpy(buf, s->json, base);
			len = base;
			for (k = 1 + below(3); k > 0; k--)
				len = mutate(buf, len, cap);
			check_one(s, buf, len, JSON_STRICT, &t);
			check_one(s, buf, len, JSON_TOLERANT, &t);
		}
		free(buf);
	}
	/* Both outcomes occur, or the mutations were not testing anything. */
	assert_true(t.accepted > 100);
	assert_true(t.refused > 100);
}

static void cut_at_every_byte_is_refused(void **state)
{
	size_t i, len;
	struct tthc_err e;

	(void)state;
	for (i = 0; i < model_sample_count; i++) {
		const struct model_sample *s = &model_samples[i];
		void *obj = malloc(s->schema->size);

		assert_non_null(obj);
		/* Every proper prefix of an object is unfinished JSON. */
		for (len = 0; len < strlen(s->json); len++) {
			tthc_err_clear(&e);
			assert_int_equal(model_parse(s->schema, s->json, len, JSON_STRICT,
						     obj, &e), -1);
			assert_true(e.msg[0] != '\0');
		}
		free(obj);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mutated_documents_never_crash),
		cmocka_unit_test(cut_at_every_byte_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
