/* The index view's list, searchable, filterable and taggable, paged
 * through the store. */
#include "listmodel.h"

#include <stdlib.h>
#include <string.h>

#include "text/nfc.h"
#include "util/i18n.h"

static int nomem(struct tthc_err *err)
{
	return tthc_fail(err, TTHC_E_NOMEM, "list", "%s", _("out of memory"));
}

/* What the list shows, as a store query. */
static struct store_case_query shown(const struct listmodel *lm)
{
	return (struct store_case_query){
		.procedure = lm->proc, .state = lm->state, .org = lm->org, .search = lm->search,
	};
}

static void drop_window(struct listmodel *lm)
{
	store_case_list_free(&lm->win);
	lm->win_off = 0;
}

static int recount(struct listmodel *lm, struct tthc_err *err)
{
	struct store_case_query q = shown(lm);
	int64_t n;

	drop_window(lm);
	if (store_count_cases(lm->st, &q, &n, err) < 0)
		return -1;
	lm->n_visible = (size_t)n;
	return 0;
}

static int refilter(struct listmodel *lm, struct tthc_err *err)
{
	lm->cur = 0;
	lm->top = 0;
	return recount(lm, err);
}

int listmodel_init(struct listmodel *lm, struct store *st, int proc, struct tthc_err *err)
{
	struct store_case_query all = { .procedure = proc };
	int64_t n;

	memset(lm, 0, sizeof *lm);
	lm->st = st;
	lm->proc = proc;
	if (!(lm->search = strdup("")))
		return nomem(err);
	if (store_count_cases(st, &all, &n, err) < 0 || refilter(lm, err) < 0) {
		listmodel_free(lm);
		return -1;
	}
	lm->n = (size_t)n;
	return 0;
}

void listmodel_free(struct listmodel *lm)
{
	drop_window(lm);
	idset_free(&lm->tags);
	free(lm->search);
	free(lm->state);
	free(lm->org);
	memset(lm, 0, sizeof *lm);
}

int listmodel_reload(struct listmodel *lm, struct tthc_err *err)
{
	struct store_case_query all = { .procedure = lm->proc };
	size_t cur = lm->cur;
	int64_t n;

	listmodel_untag_all(lm);
	if (store_count_cases(lm->st, &all, &n, err) < 0 || recount(lm, err) < 0)
		return -1;
	lm->n = (size_t)n;
	lm->cur = 0;
	lm->top = 0;
	listmodel_move(lm, (long)cur, 1);
	return 0;
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

/* *value becomes the one after it among the field's values, NULL after
 * the last. */
static int next_value(struct listmodel *lm, enum store_case_field field, char **value,
		      struct tthc_err *err)
{
	struct store_case_query all = { .procedure = lm->proc };
	struct store_strings v;
	char *next = NULL;
	size_t i = 0;

	if (store_case_values(lm->st, &all, field, &v, err) < 0)
		return -1;
	if (*value)
		while (i < v.n && strcmp(v.v[i++], *value))
			;
	/* A value no case has any more: back to none, as after the last. */
	if (i < v.n && !(next = strdup(v.v[i]))) {
		store_strings_free(&v);
		return nomem(err);
	}
	store_strings_free(&v);
	free(*value);
	*value = next;
	return refilter(lm, err);
}

int listmodel_next_state(struct listmodel *lm, struct tthc_err *err)
{
	return next_value(lm, STORE_FIELD_STATE, &lm->state, err);
}

int listmodel_next_org(struct listmodel *lm, struct tthc_err *err)
{
	return next_value(lm, STORE_FIELD_ORG, &lm->org, err);
}

int listmodel_clear(struct listmodel *lm, struct tthc_err *err)
{
	free(lm->state);
	free(lm->org);
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

const struct store_case_row *listmodel_row(struct listmodel *lm, size_t v,
					   struct tthc_err *err)
{
	struct store_case_query q = shown(lm);

	err->code = TTHC_E_OK;
	if (v >= lm->n_visible)
		return NULL;
	if (v >= lm->win_off && v - lm->win_off < lm->win.n)
		return &lm->win.rows[v - lm->win_off];
	/* Centred on v: a scroll either way stays in the window a while. */
	drop_window(lm);
	q.offset = v > LISTMODEL_WINDOW / 2 ? v - LISTMODEL_WINDOW / 2 : 0;
	q.limit = LISTMODEL_WINDOW;
	if (store_cases(lm->st, &q, &lm->win, err) < 0)
		return NULL;
	lm->win_off = q.offset;
	/* Fewer than counted: the store changed under the list. */
	return v - lm->win_off < lm->win.n ? &lm->win.rows[v - lm->win_off] : NULL;
}

const struct store_case_row *listmodel_current(struct listmodel *lm, struct tthc_err *err)
{
	return listmodel_row(lm, lm->cur, err);
}

bool listmodel_tagged(const struct listmodel *lm, const char *id)
{
	return idset_has(&lm->tags, id);
}

int listmodel_tag(struct listmodel *lm, struct tthc_err *err)
{
	const struct store_case_row *r = listmodel_current(lm, err);

	if (!r)
		return err->code ? -1 : 0;
	if (idset_toggle(&lm->tags, r->id) < 0)
		return nomem(err);
	lm->n_tagged = lm->tags.n;
	return 0;
}

/* The ids of every case shown merged into the tags (invert: toggled). */
static int merge_shown(struct listmodel *lm, bool invert, struct tthc_err *err)
{
	struct store_case_query q = shown(lm);
	struct store_strings ids;
	int rc;

	if (store_case_ids(lm->st, &q, &ids, err) < 0)
		return -1;
	rc = idset_merge(&lm->tags, &ids, invert);
	store_strings_free(&ids);
	lm->n_tagged = lm->tags.n;
	return rc < 0 ? nomem(err) : 0;
}

int listmodel_tag_matching(struct listmodel *lm, size_t *added, struct tthc_err *err)
{
	size_t before = lm->n_tagged;

	if (merge_shown(lm, false, err) < 0)
		return -1;
	if (added)
		*added = lm->n_tagged - before;
	return 0;
}

void listmodel_untag_all(struct listmodel *lm)
{
	idset_free(&lm->tags);
	lm->n_tagged = 0;
}

int listmodel_invert(struct listmodel *lm, struct tthc_err *err)
{
	return merge_shown(lm, true, err);
}

/* The tagged ids in list order: the procedure's ids kept when tagged. */
static int tagged_in_order(struct listmodel *lm, struct store_strings *out,
			   struct tthc_err *err)
{
	struct store_case_query all = { .procedure = lm->proc };
	size_t n = 0;

	if (store_case_ids(lm->st, &all, out, err) < 0)
		return -1;
	for (size_t i = 0; i < out->n; i++) {
		if (idset_has(&lm->tags, out->v[i]))
			out->v[n++] = out->v[i];
		else
			free(out->v[i]);
	}
	out->n = n;
	return 0;
}

int listmodel_targets(struct listmodel *lm, struct store_strings *out, struct tthc_err *err)
{
	const struct store_case_row *r;
	bool prefix = lm->prefix;

	lm->prefix = false;
	memset(out, 0, sizeof *out);
	if (prefix)
		return lm->n_tagged ? tagged_in_order(lm, out, err) : 0;
	if (!(r = listmodel_current(lm, err)))
		return err->code ? -1 : 0;
	if (!(out->v = malloc(sizeof *out->v)) || !(out->v[0] = strdup(r->id))) {
		free(out->v);
		out->v = NULL;
		return nomem(err);
	}
	out->n = 1;
	return 0;
}

int listmodel_act(struct listmodel *lm, enum action a, size_t page, struct tthc_err *err)
{
	int rc = 0;

	if (a == ACT_TAG_PREFIX) {
		lm->prefix = lm->n_tagged > 0;
		return 1;
	}
	switch (a) {
	case ACT_MOVE_DOWN: listmodel_move(lm, 1, page); break;
	case ACT_MOVE_UP: listmodel_move(lm, -1, page); break;
	case ACT_PAGE_DOWN: listmodel_move(lm, (long)page, page); break;
	case ACT_PAGE_UP: listmodel_move(lm, -(long)page, page); break;
	case ACT_FIRST: listmodel_move(lm, -(long)lm->n_visible, page); break;
	case ACT_LAST: listmodel_move(lm, (long)lm->n_visible, page); break;
	case ACT_FILTER_STATE: rc = listmodel_next_state(lm, err); break;
	case ACT_FILTER_ORG: rc = listmodel_next_org(lm, err); break;
	case ACT_CLEAR: rc = listmodel_clear(lm, err); break;
	case ACT_TAG:
		rc = listmodel_tag(lm, err);
		listmodel_move(lm, 1, page);
		break;
	case ACT_TAG_MATCHING: rc = listmodel_tag_matching(lm, NULL, err); break;
	case ACT_UNTAG_ALL: listmodel_untag_all(lm); break;
	case ACT_TAG_INVERT: rc = listmodel_invert(lm, err); break;
	default: return 0;
	}
	lm->prefix = false;
	return rc < 0 ? -1 : 1;
}
