/* A page of the changes feed (DESIGN.md sections 3 and 8; issue 5: GET
 * /api/v1/changes): {"changes":[...],"next":CURSOR,"more":BOOL}.  Written
 * by the server, read tolerantly by the client; each row is decoded with
 * its kind's own PREFIX_decode (model_case_decode...). */
#ifndef TTHC_MODEL_CHANGES_H
#define TTHC_MODEL_CHANGES_H

#include "model/model.h"

/* A page may be larger than the default document bound: a client reads it
 * with json_parse() and its own limits, then model_changes_page_decode(). */
#define MODEL_CHANGES_MAX 100000

struct model_change {
	int kind;               /* enum entity_kind */
	char *id;
	int64_t version;
	/* The row's organisation before and after the change: a row leaving
	 * the caller's scope comes as a tombstone, one entering it whole. */
	char *org_before;
	char *org_after;
	bool tombstone;
	cJSON *row;             /* the entity; NULL exactly for a tombstone */
};

struct model_changes_page {
	struct model_change *changes;
	size_t n_changes;
	char *next;             /* opaque cursor, given back as ?since= */
	bool more;
};

MODEL_DECLARE(model_change, struct model_change)
MODEL_DECLARE(model_changes_page, struct model_changes_page)

#endif
