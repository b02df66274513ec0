/* libFuzzer harness for core/model: the first input byte picks an entity
 * schema and a mode, the rest is the document.  Whatever the input, a
 * decode must either fail with a reason or give a value that encodes and
 * decodes strictly to an equal value.  Not run by `make check`.
 *
 * Build and run from the top of the tree (libraries as in the Makefile):
 *
 *   make build/asan/libtthc.a
 *   clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -Icore -Itests/support tests/fuzz/fuzz_model.c tests/support/model_samples.c \
 *     core/model/[a-z]*.c core/text/[a-z]*.c core/util/[a-z]*.c \
 *     $(pkg-config --cflags --libs libcjson libutf8proc) -o build/fuzz_model
 *   mkdir -p build/fuzz-corpus && build/fuzz_model -max_len=4096 build/fuzz-corpus
 *
 * The valid samples of tests/support/model_samples.c are checked once at
 * start-up; a corpus of real request bodies (one file each, the first
 * byte choosing the schema) gets the fuzzer deeper faster. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "model_samples.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 0 when doc was accepted (and round-tripped), 1 when refused cleanly. */
static int check(const struct jschema *s, enum json_mode mode,
		 const char *doc, size_t len)
{
	void *obj = malloc(s->size), *again = malloc(s->size);
	struct tthc_err e;
	char *text;
	int refused;

	if (!obj || !again)
		abort();
	refused = model_parse(s, doc, len, mode, obj, &e) != 0;
	if (refused) {
		if (e.code == TTHC_E_OK || !e.msg[0])
			abort();
	} else {
		text = model_to_json(s, obj);
		if (!text || model_parse(s, text, strlen(text), JSON_STRICT, again, &e))
			abort();
		if (!schema_equal(s, obj, again))
			abort();
		schema_free(s, again);
		schema_free(s, obj);
		free(text);
	}
	free(again);
	free(obj);
	return refused;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static size_t seeded;
	const struct model_sample *sample;

	/* Each sample once, whole, before the fuzzer's own inputs: they must
	 * decode, so this also checks the harness itself. */
	while (seeded < model_sample_count) {
		sample = &model_samples[seeded++];
		if (check(sample->schema, JSON_STRICT, sample->json, strlen(sample->json)))
			abort();
	}
	if (size == 0)
		return 0;
	sample = &model_samples[(data[0] >> 1) % model_sample_count];
	check(sample->schema, (data[0] & 1) ? JSON_TOLERANT : JSON_STRICT,
	      (const char *)data + 1, size - 1);
	return 0;
}
