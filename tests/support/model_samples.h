/* Valid documents of every core/model entity, shared by the model tests
 * (round trips, error cases, mutations) and the fuzz harness. */
#ifndef TTHC_TESTS_MODEL_SAMPLES_H
#define TTHC_TESTS_MODEL_SAMPLES_H

#include <stddef.h>

#include "model/schema.h"

struct model_sample {
	const char *name;
	const struct jschema *schema;
	const char *json;       /* every field present, in table order */
};

extern const struct model_sample model_samples[];
extern const size_t model_sample_count;

/* The sample of that name (the test fails if there is none). */
const struct model_sample *model_sample(const char *name);

#endif
