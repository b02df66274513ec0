/* The index view's list, searchable, filterable and taggable. */
#include "listmodel.h"

#include <stdlib.h>
#include <string.h>

#include "text/nfc.h"
#include "util/i18n.h"

static int nomem(struct tthc_err *err)
{
	return tthc_fail(err, TTHC_E_NOMEM, "list", "%s", _("out of memory"));
}

static int refilter(struct listmodel *lm, struct tthc_err *err)
{
	struct text_search q;
	size_t i, n = 0;

	if (text_search_init(&q, lm->search, strlen(lm->search), TEXT_MATCH_FOLDED, err) < 0)
		return -1;
	for (i = 0; i < lm->n; i++) {
		const struct list_row *r = &lm->rows[i];
		int m = 1;

		if (lm->state && strcmp(lm->state, r->state))
			continue;
		if (lm->org && (!r->org || strcmp(lm->org, r->org)))
			continue;
		/* A name that is not valid UTF-8 never matches a search; the row
		 * still shows without one. */
		if (*lm->search)
			m = r->name ? text_search_match(&q, r->name, strlen(r->name), NULL) : 0;
		if (m == 1)
			lm->visible[n++] = i;
	}
	text_search_free(&q);
	lm->n_visible = n;
	lm->cur = 0;
	lm->top = 0;
	return 0;
}

int listmodel_init(struct listmodel *lm, const struct list_row *rows, size_t n,
		   struct tthc_err *err)
{
	memset(lm, 0, sizeof *lm);
	lm->rows = rows;
	lm->n = n;
	lm->tagged = calloc(n ? n : 1, sizeof *lm->tagged);
	lm->visible = calloc(n ? n : 1, sizeof *lm->visible);
	lm->search = strdup("");
	if (!lm->tagged || !lm->visible || !lm->search) {
		listmodel_free(lm);
		return nomem(err);
	}
	return refilter(lm, err);
}

void listmodel_free(struct listmodel *lm)
{
	free(lm->tagged);
	free(lm->visible);
	free(lm->search);
	memset(lm, 0, sizeof *lm);
}

int listmodel_search(struct listmodel *lm, const char *needle, struct tthc_err *err)
{
	char *nfc = text_nfc(needle, strlen(needle), NULL, err);

	if (!nfc)
		return -1;
	free(lm->search);
	lm->search = nfc;
	return refilter(lm, err);
}

/* The value after cur among the rows' values (field at offset), or NULL
 * after the last. */
static const char *next_value(const struct listmodel *lm, const char *cur, size_t offset)
{
	bool passed = cur == NULL;

	for (size_t i = 0; i < lm->n; i++) {
		const char *v = *(const char *const *)((const char *)&lm->rows[i] + offset);
		bool seen = false;

		if (!v)
			continue;
		for (size_t j = 0; j < i && !seen; j++) {
			const char *w = *(const char *const *)((const char *)&lm->rows[j] + offset);

			seen = w && !strcmp(v, w);
		}
		if (seen)
			continue;
		if (passed)
			return v;
		passed = !strcmp(v, cur);
	}
	return NULL;
}

int listmodel_next_state(struct listmodel *lm, struct tthc_err *err)
{
	lm->state = next_value(lm, lm->state, offsetof(struct list_row, state));
	return refilter(lm, err);
}

int listmodel_next_org(struct listmodel *lm, struct tthc_err *err)
{
	lm->org = next_value(lm, lm->org, offsetof(struct list_row, org));
	return refilter(lm, err);
}

int listmodel_clear(struct listmodel *lm, struct tthc_err *err)
{
	lm->state = NULL;
	lm->org = NULL;
	lm->search[0] = '\0';
	return refilter(lm, err);
}

void listmodel_move(struct listmodel *lm, long delta, size_t page)
{
	long cur = (long)lm->cur + delta;

	if (lm->n_visible == 0)
		return;
	if (cur < 0)
		cur = 0;
	if (cur >= (long)lm->n_visible)
		cur = (long)lm->n_visible - 1;
	lm->cur = (size_t)cur;
	if (page == 0)
		page = 1;
	if (lm->cur < lm->top)
		lm->top = lm->cur;
	else if (lm->cur >= lm->top + page)
		lm->top = lm->cur - page + 1;
}

size_t listmodel_current(const struct listmodel *lm)
{
	return lm->n_visible ? lm->visible[lm->cur] : (size_t)-1;
}

static void set_tag(struct listmodel *lm, size_t i, bool on)
{
	if (lm->tagged[i] != on) {
		lm->tagged[i] = on;
		if (on)
			lm->n_tagged++;
		else
			lm->n_tagged--;
	}
}

void listmodel_tag(struct listmodel *lm)
{
	size_t i = listmodel_current(lm);

	if (i != (size_t)-1)
		set_tag(lm, i, !lm->tagged[i]);
}

size_t listmodel_tag_matching(struct listmodel *lm)
{
	size_t before = lm->n_tagged;

	for (size_t v = 0; v < lm->n_visible; v++)
		set_tag(lm, lm->visible[v], true);
	return lm->n_tagged - before;
}

void listmodel_untag_all(struct listmodel *lm)
{
	for (size_t i = 0; i < lm->n; i++)
		lm->tagged[i] = false;
	lm->n_tagged = 0;
}

void listmodel_invert(struct listmodel *lm)
{
	for (size_t v = 0; v < lm->n_visible; v++)
		set_tag(lm, lm->visible[v], !lm->tagged[lm->visible[v]]);
}

size_t listmodel_targets(struct listmodel *lm, size_t **out)
{
	size_t n = 0, cur = listmodel_current(lm);
	bool prefix = lm->prefix;

	lm->prefix = false;
	*out = NULL;
	if (!prefix) {
		if (cur == (size_t)-1 || !(*out = malloc(sizeof **out)))
			return 0;
		(*out)[0] = cur;
		return 1;
	}
	if (lm->n_tagged == 0 || !(*out = malloc(lm->n_tagged * sizeof **out)))
		return 0;
	for (size_t i = 0; i < lm->n; i++)
		if (lm->tagged[i])
			(*out)[n++] = i;
	return n;
}

int listmodel_act(struct listmodel *lm, enum action a, size_t page, struct tthc_err *err)
{
	int rc = 1;

	if (a == ACT_TAG_PREFIX) {
		lm->prefix = lm->n_tagged > 0;
		return 1;
	}
	switch (a) {
	case ACT_MOVE_DOWN: listmodel_move(lm, 1, page); break;
	case ACT_MOVE_UP: listmodel_move(lm, -1, page); break;
	case ACT_PAGE_DOWN: listmodel_move(lm, (long)page, page); break;
	case ACT_PAGE_UP: listmodel_move(lm, -(long)page, page); break;
	case ACT_FIRST: listmodel_move(lm, -(long)lm->n, page); break;
	case ACT_LAST: listmodel_move(lm, (long)lm->n, page); break;
	case ACT_FILTER_STATE: rc = listmodel_next_state(lm, err) < 0 ? -1 : 1; break;
	case ACT_FILTER_ORG: rc = listmodel_next_org(lm, err) < 0 ? -1 : 1; break;
	case ACT_CLEAR: rc = listmodel_clear(lm, err) < 0 ? -1 : 1; break;
	case ACT_TAG: listmodel_tag(lm); listmodel_move(lm, 1, page); break;
	case ACT_TAG_MATCHING: listmodel_tag_matching(lm); break;
	case ACT_UNTAG_ALL: listmodel_untag_all(lm); break;
	case ACT_TAG_INVERT: listmodel_invert(lm); break;
	default: return 0;
	}
	lm->prefix = false;
	return rc;
}
