#include "action_key.h"

#include <sodium.h>
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
