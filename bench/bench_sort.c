/* Sorting 1,000,000 generated Vietnamese names (issue 3): collation keys
 * built once and sorted with qsort comparing keys (memcmp), against the
 * baseline of qsort with strcmp on the same names in the same run.  Best of
 * three rounds each; the key time includes building the keys. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "demo/names.h"
#include "text/collate.h"
#include "util/buf.h"

#define NAMES 1000000
#define ROUNDS 3
#define SEED 20261125

struct keyed {
	const char *key;
	size_t len;
	const char *name;
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_strcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int by_key(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int c = memcmp(a->key, b->key, a->len < b->len ? a->len : b->len);

	return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* The names, NUL-separated in one arena, in generation order. */
static const char **generate(struct buf *arena)
{
	const char **names = malloc(NAMES * sizeof *names);
	size_t *offsets = malloc(NAMES * sizeof *offsets);
	struct rng rng;
	struct demo_name n;
	char s[DEMO_NAME_MAX];
	size_t i;

	if (!names || !offsets)
		return NULL;
	rng_seed(&rng, SEED);
	for (i = 0; i < NAMES; i++) {
		demo_name_draw(&rng, &n);
		offsets[i] = arena->len;
		buf_append(arena, s, demo_name_format(&n, s, sizeof s) + 1);
	}
	for (i = 0; i < NAMES && !buf_failed(arena); i++)
		names[i] = arena->data + offsets[i];
	free(offsets);
	return buf_failed(arena) ? (free(names), NULL) : names;
}

static double sort_baseline(const char **names, const char **work)
{
	double t0;

	memcpy(work, names, NAMES * sizeof *work);
	t0 = now_ms();
	qsort(work, NAMES, sizeof *work, by_strcmp);
	return now_ms() - t0;
}

/* Returns the total time; *build gets the key-building part. */
static double sort_keyed(const char **names, struct keyed *work, struct buf *keys,
			 enum collate_mode mode, double *build)
{
	size_t *offsets = malloc(NAMES * sizeof *offsets);
	double t0, t1;
	size_t i;

	if (!offsets)
		return -1;
	buf_reset(keys);
	t0 = now_ms();
	for (i = 0; i < NAMES; i++) {
		offsets[i] = keys->len;
		if (text_collate_key(names[i], strlen(names[i]), mode, keys, NULL)) {
			free(offsets);
			return -1;
		}
	}
	for (i = 0; i < NAMES; i++) {
		work[i].key = keys->data + offsets[i];
		work[i].len = (i + 1 < NAMES ? offsets[i + 1] : keys->len) - offsets[i];
		work[i].name = names[i];
	}
	t1 = now_ms();
	qsort(work, NAMES, sizeof *work, by_key);
	*build = t1 - t0;
	free(offsets);
	return now_ms() - t0;
}

static int run_mode(const char **names, struct keyed *work,
		    struct buf *keys, enum collate_mode mode, const char *label,
		    double baseline)
{
	double best = -1, best_build = 0, build, t;
	int r;

	for (r = 0; r < ROUNDS; r++) {
		t = sort_keyed(names, work, keys, mode, &build);
		if (t < 0)
			return -1;
		if (best < 0 || t < best) {
			best = t;
			best_build = build;
		}
	}
	printf("%-6s keys + qsort(memcmp): %8.1f ms (keys %.1f ms, sort %.1f ms), "
	       "ratio %.2f: %.2fx the baseline\n", label, best, best_build,
	       best - best_build, best / baseline, best / baseline);
	printf("%-6s first: %s | last: %s\n", label, work[0].name, work[NAMES - 1].name);
	return 0;
}

int main(void)
{
	struct buf arena = BUF_INIT, keys = BUF_INIT;
	const char **names, **work;
	struct keyed *keyed;
	double baseline = -1, t;
	int r, rc = 0;

	names = generate(&arena);
	work = malloc(NAMES * sizeof *work);
	keyed = malloc(NAMES * sizeof *keyed);
	if (!names || !work || !keyed) {
		fprintf(stderr, "bench_sort: out of memory\n");
		return 1;
	}
	for (r = 0; r < ROUNDS; r++) {
		t = sort_baseline(names, work);
		if (baseline < 0 || t < baseline)
			baseline = t;
	}
	printf("%d generated names (seed %d), best of %d rounds\n", NAMES, SEED, ROUNDS);
	printf("baseline qsort(strcmp):     %8.1f ms\n", baseline);
	if (run_mode(names, keyed, &keys, COLLATE_PLAIN, "plain", baseline) ||
	    run_mode(names, keyed, &keys, COLLATE_NAMES, "names", baseline)) {
		fprintf(stderr, "bench_sort: key building failed\n");
		rc = 1;
	}
	buf_free(&keys);
	buf_free(&arena);
	free(keyed);
	free(work);
	free((void *)names);
	return rc;
}
