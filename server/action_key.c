#include "action_key.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

static int by_key(const void *a, const void *b)
{
	const cJSON *x = *(cJSON *const *)a, *y = *(cJSON *const *)b;

	return strcmp(x->string, y->string);
}

/* Sort every object's members by key, in place, all the way down.  Keys are
 * unique (the strict parser refuses duplicates), so the order is total. */
static int sort_keys(cJSON *j)
{
	cJSON *c, **kids;
	size_t n = 0, i;

	for (c = j->child; c; c = c->next)
		if (sort_keys(c) < 0)
			return -1;
	if (!cJSON_IsObject(j) || !j->child)
		return 0;
	for (c = j->child; c; c = c->next)
		n++;
	if (!(kids = malloc(n * sizeof *kids)))
		return -1;
	for (i = 0, c = j->child; c; c = c->next)
		kids[i++] = c;
	qsort(kids, n, sizeof *kids, by_key);
	/* cJSON's list: next runs forward and ends NULL; the head's prev
	 * points at the tail. */
	for (i = 0; i < n; i++) {
		kids[i]->next = i + 1 < n ? kids[i + 1] : NULL;
		kids[i]->prev = i ? kids[i - 1] : kids[n - 1];
	}
	j->child = kids[0];
	free(kids);
	return 0;
}

int action_hash(const struct model_action *a, char out[ACTION_HASH_HEX], struct tthc_err *e)
{
	struct model_action copy = *a;
	unsigned char h[crypto_hash_sha256_BYTES];
	cJSON *j;
	char *text = NULL;

	copy.actor = NULL;
	j = model_action_encode(&copy);
	if (j && sort_keys(j) == 0)
		text = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	if (!text)
		return tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
	crypto_hash_sha256(h, (const unsigned char *)text, strlen(text));
	cJSON_free(text);
	sodium_bin2hex(out, ACTION_HASH_HEX, h, sizeof h);
	return 0;
}

int action_key_find(struct db_tx *tx, const char *key, struct action_key *out,
		    struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "SELECT account_id, request_hash, result "
					"FROM idempotency WHERE key = ?", e);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	db_bind_text(st, 1, key);
	rc = db_step(st, e);
	if (rc == 1) {
		out->found = true;
		out->account_id = db_col_int(st, 0);
		snprintf(out->hash, sizeof out->hash, "%s", db_col_text(st, 1));
		if (!(out->result = strdup(db_col_text(st, 2))))
			rc = tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
	}
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

int action_key_store(struct db_tx *tx, const char *key, int64_t account_id,
		     const char *hash, const char *result, int64_t now, struct tthc_err *e)
{
	struct db_stmt *st = db_prepare(tx, "INSERT INTO idempotency (key, account_id, "
					"request_hash, result, created_at) VALUES (?, ?, ?, ?, ?)",
					e);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, key);
	db_bind_int(st, 2, account_id);
	db_bind_text(st, 3, hash);
	db_bind_text(st, 4, result);
	db_bind_int(st, 5, now);
	rc = db_step(st, e);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}
