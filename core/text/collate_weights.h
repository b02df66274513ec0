/* The weights behind core/text/collate: which collation elements a piece of
 * decomposed text turns into.  Internal to core/text; collate.c builds keys
 * from these elements. */
#ifndef TTHC_TEXT_COLLATE_WEIGHTS_H
#define TTHC_TEXT_COLLATE_WEIGHTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes that never occur inside a weight, so that a shorter level (or the
 * end of a name part) sorts before any longer one. */
enum {
	COLL_LEVEL_SEP = 0x01,
	COLL_PART_SEP = 0x02,       /* names mode: between given name and the rest */
};

/* A collation element, as in the Unicode Collation Algorithm (UTS #10):
 * a primary weight of 0, 1 or 4 bytes (0 bytes: the element only carries
 * a mark), one secondary and one tertiary byte.  No byte is below 0x03. */
struct coll_ce {
	uint8_t p[4];
	uint8_t plen;
	uint8_t sec;
	uint8_t ter;
};

/* Builds the tables once (thread-safe); call before the functions below. */
void coll_init(void);

/* Elements collected for one string: they start in the caller's array and
 * move to the heap only for long or unusual text. */
struct coll_vec {
	struct coll_ce *v;
	size_t n, cap;
	bool heap;
};

void coll_vec_init(struct coll_vec *vec, struct coll_ce *storage, size_t cap);
void coll_vec_free(struct coll_vec *vec);
/* Appends count elements; -1 when memory runs out. */
int coll_vec_push(struct coll_vec *vec, const struct coll_ce *ce, size_t count);

/* The most elements one code point of the fast table expands to (ǣ = a,
 * ligature, e, macron); a code point needing more is left to the slow path. */
#define COLL_TABLE_MAX_CE 6

/* The elements of one code point from the precomputed table, which covers
 * U+0000-U+024F and U+1E00-U+1EFF except the combining marks.  A string made
 * only of those needs no canonical reordering, so each code point can be
 * weighed alone.  Returns the count (0 = ignorable) and points *ces at them,
 * or -1 when cp is not in the table (then decompose and use coll_weigh_nfd). */
int coll_table_lookup(int32_t cp, const struct coll_ce **ces);

/* Appends the elements of cps[0..n), which must be in NFD (canonically
 * decomposed and reordered, as utf8proc_decompose gives it).  -1 when memory
 * runs out. */
int coll_weigh_nfd(const int32_t *cps, size_t n, struct coll_vec *out);

#endif
