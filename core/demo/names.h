/* Synthetic Vietnamese names for demo data, tests and benchmarks.  Drawn
 * from tables of common name parts; no real person's data.  Deterministic:
 * the same seeded struct rng gives the same names. */
#ifndef TTHC_DEMO_NAMES_H
#define TTHC_DEMO_NAMES_H

#include <stddef.h>

#include "demo/rng.h"

enum demo_sex {
	DEMO_MALE,
	DEMO_FEMALE,
};

/* The parts point into static tables (NFC UTF-8). */
struct demo_name {
	enum demo_sex sex;
	const char *family;
	const char *middle[2];  /* middle[1] is NULL for the usual one middle name */
	const char *given;
};

/* Room for any formatted name, with its NUL. */
#define DEMO_NAME_MAX 64

/* A name of either sex, even odds. */
void demo_name_draw(struct rng *rng, struct demo_name *name);
void demo_name_draw_sex(struct rng *rng, enum demo_sex sex, struct demo_name *name);

/* "Family Middle [Middle] Given" into out[0..size), cut and NUL-terminated
 * as snprintf does; returns the full length. */
size_t demo_name_format(const struct demo_name *name, char *out, size_t size);

#endif
