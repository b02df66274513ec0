/* Generated Vietnamese text for benchmarks: deterministic (same seed, same
 * bytes on any machine), realistic in what costs time to process: toned
 * syllables built by the spelling rules, people's names, member records,
 * upper-case headings, and a share of lines decomposed (NFD) the way text
 * imported from macOS or some input methods arrives. */
#ifndef TTHC_BENCH_CORPUS_H
#define TTHC_BENCH_CORPUS_H

#include <stddef.h>
#include <stdint.h>

struct corpus {
	char *text;             /* lines, each ended by '\n' */
	size_t len;
	size_t lines;
	size_t nfd_lines;       /* lines written decomposed */
	size_t ascii_lines;     /* lines with no byte >= 0x80 */
};

/* About `bytes` of text (it stops at the first line end past it).
 * Returns 0, or -1 when out of memory. */
int corpus_make(struct corpus *c, size_t bytes, uint64_t seed);
void corpus_free(struct corpus *c);

#endif
