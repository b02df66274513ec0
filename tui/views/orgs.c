/* The organisation tree (issue 7) from the store: each organisation under
 * its parent, indented, with its name and type.  Cached by sync, so it
 * works offline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "app.h"
#include "model/vocab.h"
#include "store/query.h"
#include "util/i18n.h"
#include "views/orgs.h"
#include "views/rows.h"

struct org_row {
	int depth;
	char *code, *name;
	int type;               /* enum org_type, -1 when unknown */
};

struct orgs {
	struct org_row *row;
	size_t n, cur, top, page;
};

/* An organisation by its parent's code ("" for none), to find children
 * by binary search. */
struct kid {
	const char *parent;
	size_t i;
};

struct build {
	const struct store_org_tree *t;
	struct kid *by_parent;
	struct orgs *v;
	struct store *st;
	size_t visited;         /* never more than the rows made room for */
};

static int parent_cmp(const void *a, const void *b)
{
	return strcmp(((const struct kid *)a)->parent, ((const struct kid *)b)->parent);
}

static void add(struct build *b, size_t i, int depth)
{
	struct org_row *r = &b->v->row[b->v->n++];
	char *json = store_row_json(b->st, ENTITY_ORG, b->t->code[i], NULL);
	cJSON *j = json ? cJSON_Parse(json) : NULL;
	const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "name"));
	const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "type"));

	r->depth = depth;
	r->code = strdup(b->t->code[i]);
	r->name = strdup(name ? name : "");
	r->type = type ? vocab_find(&vocab_org_types, type) : -1;
	if (!r->code || !r->name) {     /* out of memory: the row is left out */
		free(r->code);
		free(r->name);
		b->v->n--;
	}
	cJSON_Delete(j);
	free(json);
}

/* Parents before their children, depth first (each org once: the tree
 * has no cycles, and the row count caps the walk anyway). */
static void walk(struct build *b, size_t i, int depth)
{
	const struct store_org_tree *t = b->t;
	size_t lo = 0, hi = t->n;

	if (b->visited == t->n)
		return;
	b->visited++;
	add(b, i, depth);
	while (lo < hi) {       /* the first child: parent >= code */
		size_t mid = (lo + hi) / 2;

		if (strcmp(b->by_parent[mid].parent, t->code[i]) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < t->n && !strcmp(b->by_parent[lo].parent, t->code[i]); lo++)
		walk(b, b->by_parent[lo].i, depth + 1);
}

static int code_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(char *const *)elem);
}

/* store_org_tree lists by code, so a code is found by binary search. */
static bool known(const struct store_org_tree *t, const char *code)
{
	return code && t->n && bsearch(code, t->code, t->n, sizeof *t->code, code_cmp);
}

char *orgs_top(struct store *st, struct tthc_err *err)
{
	struct store_org_tree t;
	char *top = NULL;

	if (store_org_tree(st, &t, err) < 0)
		return NULL;
	for (size_t i = 0; i < t.n && !top; i++)
		if (!known(&t, t.parent[i]) && !(top = strdup(t.code[i])))
			tthc_fail(err, TTHC_E_NOMEM, "orgs", _("out of memory"));
	if (!t.n)
		tthc_fail(err, TTHC_E_NOT_FOUND, "orgs", _("No organisation yet: sync first."));
	store_org_tree_free(&t);
	return top;
}

static void orgs_free(struct orgs *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->row[i].code);
		free(v->row[i].name);
	}
	free(v->row);
	free(v);
}

static void *orgs_open(struct app *app, const void *arg)
{
	struct store_org_tree t;
	struct tthc_err err = { 0 };
	struct build b = { &t, NULL, calloc(1, sizeof(struct orgs)), app->st, 0 };

	(void)arg;
	if (!b.v || store_org_tree(app->st, &t, &err) < 0) {
		if (b.v)
			app_error(app, &err);
		free(b.v);
		return NULL;
	}
	b.v->row = calloc(t.n ? t.n : 1, sizeof *b.v->row);
	b.by_parent = calloc(t.n ? t.n : 1, sizeof *b.by_parent);
	if (b.v->row && b.by_parent) {
		for (size_t i = 0; i < t.n; i++)
			b.by_parent[i] = (struct kid){ t.parent[i] ? t.parent[i] : "", i };
		qsort(b.by_parent, t.n, sizeof *b.by_parent, parent_cmp);
		/* The roots: the caller's top organisations, whose parents are
		 * outside what he sees. */
		for (size_t i = 0; i < t.n; i++)
			if (!known(&t, t.parent[i]))
				walk(&b, i, 0);
	}
	free(b.by_parent);
	store_org_tree_free(&t);
	if (!b.v->row) {
		orgs_free(b.v);
		return NULL;
	}
	return b.v;
}

static const char *orgs_title(void *self)
{
	(void)self;
	return _("Organisation");
}

static void orgs_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct orgs *v = self;
	char line[512];

	if (v->n == 0) {
		app_put(stdscr, y0, 1, _("No organisation yet: sync first."), w - 2, true);
		return;
	}
	v->page = (size_t)h;
	rows_scroll(v->cur, &v->top, v->page);
	for (size_t i = v->top; i < v->n && (int)(i - v->top) < h; i++) {
		const struct org_row *r = &v->row[i];
		int indent = 2 * (r->depth < 10 ? r->depth : 10);

		snprintf(line, sizeof line, "%*s%s  %s  (%s)", indent, "", r->code, r->name,
			 r->type >= 0 ? _(vocab_label(&vocab_org_types, r->type)) : "?");
		if (i == v->cur)
			wattron(stdscr, app_attr_cursor(app));
		app_put(stdscr, y0 + (int)(i - v->top), 1, line, w - 2, true);
		wattroff(stdscr, app_attr_cursor(app));
	}
}

static enum view_result orgs_handle(struct app *app, void *self, enum action a)
{
	struct orgs *v = self;

	(void)app;
	if (rows_move(a, v->n, &v->cur, &v->top, v->page))
		return VIEW_STAY;
	return a == ACT_BACK ? VIEW_CLOSE : VIEW_STAY;
}

static void orgs_close(void *self)
{
	orgs_free(self);
}

static const enum action orgs_keys[] = {
	ACT_HELP, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_BACK, ACT_QUIT, ACT_NONE,
};

const struct view_ops view_orgs = {
	VIEW_MENU, orgs_open, orgs_title, orgs_draw, orgs_handle, NULL, NULL, orgs_keys,
	orgs_close,
};
