/* Reading the cache for the screens and the command line (`tthc cases`,
 * `tthc status`). */
#ifndef TTHC_STORE_QUERY_H
#define TTHC_STORE_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Filters; a NULL or negative field does not filter. */
struct store_case_query {
	int procedure;          /* enum procedure, or -1 */
	const char *state;      /* the state shown (the pending one when queued) */
	const char *org;        /* the case's organisation */
	const char *member;     /* the member's id */
	const char *id;         /* one case */
	const char *search;     /* accent- and case-blind, in the member's name */
	size_t limit;           /* 0: no limit */
	size_t offset;
};

struct store_case_row {
	char *id;
	int procedure;          /* enum procedure */
	char *state;            /* shown: the pending state, else the server's */
	char *server_state;
	int64_t version;
	char *member;
	char *member_name;      /* NULL when the member is not cached */
	char *org;
	int64_t deadline;       /* the earliest deadline; has_deadline */
	bool has_deadline;
	int64_t pending;        /* its actions in the outbox */
	int64_t attention;      /* its entries in the needs-attention list */
};

struct store_case_list {
	struct store_case_row *rows;
	size_t n;
};

/* Cases in Vietnamese order of the member's given name (DESIGN.md section
 * 8, "Collation", names mode), then by id. */
int store_cases(struct store *st, const struct store_case_query *q,
		struct store_case_list *out, struct tthc_err *err);
void store_case_list_free(struct store_case_list *l);

/* How many cases q finds (its limit and offset aside): a list's length
 * without reading its rows. */
int store_count_cases(struct store *st, const struct store_case_query *q, int64_t *n,
		      struct tthc_err *err);

struct store_strings {
	char **v;
	size_t n;
};

void store_strings_free(struct store_strings *l);

/* The ids of the cases q finds, in store_cases' order: tagging or acting
 * on every case of a search without holding its rows. */
int store_case_ids(struct store *st, const struct store_case_query *q,
		   struct store_strings *out, struct tthc_err *err);

/* The distinct values of a field among the cases q finds (its limit and
 * offset aside), in the order of each one's first case in store_cases'
 * order; NULL values left out: a filter's choices. */
enum store_case_field { STORE_FIELD_STATE, STORE_FIELD_ORG };

int store_case_values(struct store *st, const struct store_case_query *q,
		      enum store_case_field field, struct store_strings *out,
		      struct tthc_err *err);

/* The JSON of a cached row as received (kind: enum entity_kind); NULL with
 * TTHC_E_NOT_FOUND when it is not cached. */
char *store_row_json(struct store *st, int kind, const char *id, struct tthc_err *err);

/* The cached organisation tree: code[i] and its parent[i] (NULL for the
 * root), for core/proc's "within the subtree" on the client. */
struct store_org_tree {
	char **code;
	char **parent;
	size_t n;
};

int store_org_tree(struct store *st, struct store_org_tree *out, struct tthc_err *err);
void store_org_tree_free(struct store_org_tree *t);

/* A cached case as the next action on it is decided: its JSON as pulled,
 * the state its queued actions lead to, its cached version and how many of
 * its actions are queued (each applied one adds 1 to the version: the next
 * action's base_version is version + pending, API.md "One transaction").
 * TTHC_E_NOT_FOUND when the case is not cached. */
struct store_case_local {
	char *json;
	char *state;
	int64_t version;
	int64_t pending;
};

int store_case_local(struct store *st, const char *id, struct store_case_local *out,
		     struct tthc_err *err);
void store_case_local_free(struct store_case_local *c);

int store_count_pending(struct store *st, int64_t *n, struct tthc_err *err);
int store_count_attention(struct store *st, int64_t *n, struct tthc_err *err);

#endif
