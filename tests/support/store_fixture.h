/* Real store files in a mkdtemp directory, rows and pages written as the
 * server would send them, and the invariants checked with a connection of
 * their own (not the store's code). */
#ifndef TTHC_TESTS_STORE_FIXTURE_H
#define TTHC_TESTS_STORE_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/cache.h"
#include "store/outbox.h"
#include "util/buf.h"

char *fx_tmpdir(void);

/* A store file in a directory of its own, for a test's setup; freeing it
 * closes the store, checks the invariants and removes the directory. */
struct fx_store {
	char *dir, *path;
	struct store *st;
};

struct fx_store *fx_store_new(void);
void fx_store_free(struct fx_store *c);
void fx_rmtree(char *dir);                      /* and frees dir */
char *fx_path(const char *dir, const char *name);
struct store *fx_open(const char *path);        /* fails the test if it cannot */

char *fx_member_json(const char *id, const char *name, const char *org);
char *fx_case_json(const char *id, const char *member, const char *procedure,
		   const char *state, int64_t version);

struct fx_page {
	struct buf b;
	int n;
	bool more;              /* more pages follow (a pull in several pages) */
};

void fx_page_row(struct fx_page *p, const char *kind, const char *id, int64_t version,
		 const char *org_after, const char *row_json);
void fx_page_tombstone(struct fx_page *p, const char *kind, const char *id,
		       int64_t version);
/* Apply the page with cursor next; the page is emptied for reuse (more
 * false again). */
int fx_page_apply(struct store *st, struct fx_page *p, const char *next,
		  struct tthc_err *err);

/* Cases c-1..c-n (version 1, state "submitted"), member m-i named from a
 * small list of Vietnamese names, in one page with cursor "k-1". */
void fx_seed_cases(struct store *st, int n);

/* One action to queue on case_id. */
struct store_new_action fx_action(const char *case_id, int64_t base, const char *new_state);

/* An answer to action id: status, and for applied/conflict the case at
 * version. */
struct model_action_result fx_result(const char *id, int status, const char *case_id,
				     int64_t version, const char *state);

/* A scalar from a query on the file, with a connection of its own. */
int64_t fx_count(const char *path, const char *sql);
/* Text from a query; NULL for no row or SQL NULL.  Caller frees. */
char *fx_text(const char *path, const char *sql);

/* integrity_check ok; every case's pending/attention markers and shown
 * state agree with the outbox and needs-attention list; no action id is in
 * both. */
void fx_check_invariants(const char *path);

#endif
