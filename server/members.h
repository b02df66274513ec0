/* Party members on the server: the list a caller may see (his roles'
 * subtrees, rbac.h MEMBER_READ), paged and searchable without accents, and
 * the writes (MEMBER_WRITE) that go through server/rows.h, so that each
 * leaves a change row and an audit entry in the same transaction. */
#ifndef TTHCD_MEMBERS_H
#define TTHCD_MEMBERS_H

#include <cjson/cJSON.h>
#include <stdint.h>

#include "model/member.h"
#include "srv.h"

#define MEMBER_PAGE_DEFAULT 100
#define MEMBER_PAGE_MAX 1000

struct member_query {
	int64_t limit;          /* 1..MEMBER_PAGE_MAX */
	const char *after;      /* the `next` of the previous page, or NULL */
	const char *q;          /* search in names (folded: "nguyen van an" finds
				 * "Nguyễn Văn An") and card numbers, or NULL */
	const char *org;        /* only this organisation's subtree, or NULL */
};

/* {"members":[{"version","member"}], "next": CODE or null}, by id. */
cJSON *member_list(struct srv *s, const struct actor *who, const struct member_query *q,
		   struct tthc_err *e);

/* {"version","member"}; TTHC_E_NOT_FOUND also when the caller may not see
 * the member (no hint that he exists). */
cJSON *member_get(struct srv *s, const struct actor *who, const char *code,
		  struct tthc_err *e);

/* Errors about a field of m have `path` (where m is in the request, "" for
 * the whole body) before the field's name: "member.card_number". */

/* Create: TTHC_E_CONFLICT when the id or the card number is taken. */
int member_create(struct srv *s, const struct actor *who, const struct model_member *m,
		  const char *path, int64_t *version, struct tthc_err *e);

/* Replace the member `code` (m->id must be code), decided on version base:
 * TTHC_E_CONFLICT when it is stale.  A new m->org moves the member, which
 * needs MEMBER_WRITE at both ends. */
int member_update(struct srv *s, const struct actor *who, const char *code, int64_t base,
		  const struct model_member *m, const char *path, int64_t *version,
		  struct tthc_err *e);

#endif
