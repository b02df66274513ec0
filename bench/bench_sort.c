/* Sorting 1,000,000 generated Vietnamese names (issue 3): collation keys
 * built once and sorted with qsort comparing keys (they hold no NUL byte,
 * so strcmp compares them as memcmp would), against the baseline of qsort
 * with strcmp on the same names in the same run.  The key time includes
 * building the keys.  Rounds interleave the three sorts and each keeps its
 * best, and times are the process's CPU time, so that other work on a
 * shared machine disturbs the ratio as little as possible. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "demo/names.h"
#include "text/collate.h"
#include "util/buf.h"
#include "lib/clock.h"

#define NAMES 1000000
#define ROUNDS 3
#define SEED 20261125

struct keyed {
	const char *key;        /* NUL-free, so NUL-terminated in the arena */
	const char *name;
};

static int by_strcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int by_key(const void *pa, const void *pb)
{
	return strcmp(((const struct keyed *)pa)->key, ((const struct keyed *)pb)->key);
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
	t0 = (bench_clock(CLOCK_PROCESS_CPUTIME_ID) * 1e3);
	qsort(work, NAMES, sizeof *work, by_strcmp);
	return (bench_clock(CLOCK_PROCESS_CPUTIME_ID) * 1e3) - t0;
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
	t0 = (bench_clock(CLOCK_PROCESS_CPUTIME_ID) * 1e3);
	for (i = 0; i < NAMES; i++) {
		offsets[i] = keys->len;
		if (text_collate_key(names[i], strlen(names[i]), mode, keys, NULL)) {
			free(offsets);
			return -1;
		}
		buf_append(keys, "", 1);
	}
	for (i = 0; i < NAMES; i++) {
		work[i].key = keys->data + offsets[i];
		work[i].name = names[i];
	}
	t1 = (bench_clock(CLOCK_PROCESS_CPUTIME_ID) * 1e3);
	qsort(work, NAMES, sizeof *work, by_key);
	*build = t1 - t0;
	free(offsets);
	return (bench_clock(CLOCK_PROCESS_CPUTIME_ID) * 1e3) - t0;
}

struct best {
	double total, build;
};

static int keep_best(struct best *best, const char **names, struct keyed *work,
		     struct buf *keys, enum collate_mode mode)
{
	double build, t = sort_keyed(names, work, keys, mode, &build);

	if (t < 0)
		return -1;
	if (best->total < 0 || t < best->total) {
		best->total = t;
		best->build = build;
	}
	return 0;
}

static void report(const char *label, const struct best *b, double baseline,
		   const struct keyed *sorted)
{
	printf("%-6s keys + qsort(keys): %8.1f ms (keys %.1f ms, sort %.1f ms); "
	       "ratio %.2f, %.2f times the baseline\n", label, b->total, b->build,
	       b->total - b->build, b->total / baseline, b->total / baseline);
	printf("%-6s first: %s | last: %s\n", label, sorted[0].name, sorted[NAMES - 1].name);
}

int main(void)
{
	struct buf arena = BUF_INIT, keys = BUF_INIT;
	const char **names, **work;
	struct keyed *plain, *byname;
	struct best best_plain = { -1, 0 }, best_names = { -1, 0 };
	double baseline = -1, t;
	int r, rc = 0;

	names = generate(&arena);
	work = malloc(NAMES * sizeof *work);
	plain = malloc(NAMES * sizeof *plain);
	byname = malloc(NAMES * sizeof *byname);
	if (!names || !work || !plain || !byname) {
		fprintf(stderr, "bench_sort: out of memory\n");
		return 1;
	}
	for (r = 0; r < ROUNDS && !rc; r++) {
		t = sort_baseline(names, work);
		if (baseline < 0 || t < baseline)
			baseline = t;
		rc = keep_best(&best_plain, names, plain, &keys, COLLATE_PLAIN) ||
		     keep_best(&best_names, names, byname, &keys, COLLATE_NAMES);
	}
	if (rc) {
		fprintf(stderr, "bench_sort: key building failed\n");
	} else {
		printf("%d generated names (seed %d), best of %d rounds, CPU time\n",
		       NAMES, SEED, ROUNDS);
		printf("baseline qsort(strcmp on names): %8.1f ms\n", baseline);
		report("plain", &best_plain, baseline, plain);
		report("names", &best_names, baseline, byname);
	}
	buf_free(&keys);
	buf_free(&arena);
	free(byname);
	free(plain);
	free(work);
	free((void *)names);
	return rc;
}
