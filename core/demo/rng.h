/* A small seedable random number generator for demo data and benchmarks:
 * the same seed gives the same sequence on every machine, so generated data
 * (and the server's `seed` command) can be reproduced.  Not for secrets:
 * keys and tokens come from libsodium. */
#ifndef TTHC_DEMO_RNG_H
#define TTHC_DEMO_RNG_H

#include <stdint.h>

/* xoshiro256** (Blackman and Vigna, https://prng.di.unimi.it/). */
struct rng {
	uint64_t s[4];
};

/* SplitMix64: one step of the generator Vigna recommends for seeding;
 * advances *state and returns the next output. */
uint64_t rng_splitmix64(uint64_t *state);

/* Any seed is fine (0 too): the state is filled through SplitMix64. */
void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);

/* Uniform in [0, n) without modulo bias (Lemire's multiply-and-reject);
 * n must be > 0. */
uint32_t rng_below(struct rng *r, uint32_t n);

#endif
