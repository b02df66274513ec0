/* Building keymaps from a compiled-in set and the user's lines. */
#include "keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"

const struct keymap_set *const keymap_sets[] = {
	&keymap_set_default, &keymap_set_vi, &keymap_set_fkeys,
};
const size_t keymap_set_count = sizeof keymap_sets / sizeof keymap_sets[0];

static struct binding *find(const struct keymap *km, enum view_id v, int key)
{
	for (size_t i = 0; i < km->n[v]; i++)
		if (km->b[v][i].key == key)
			return &km->b[v][i];
	return NULL;
}

/* The slot for (v, key), emptied; NULL when out of memory. */
static struct binding *slot(struct keymap *km, enum view_id v, int key)
{
	struct binding *b = find(km, v, key);

	if (!b) {
		if (km->n[v] == km->cap[v]) {
			size_t cap = km->cap[v] ? 2 * km->cap[v] : 16;
			struct binding *nb = realloc(km->b[v], cap * sizeof *nb);

			if (!nb)
				return NULL;
			km->b[v] = nb;
			km->cap[v] = cap;
		}
		b = &km->b[v][km->n[v]++];
		b->description = NULL;
	}
	free(b->description);
	memset(b, 0, sizeof *b);
	b->key = key;
	b->action = ACT_NONE;
	return b;
}

int keymap_bind(struct keymap *km, enum view_id v, int key, enum action action)
{
	struct binding *b = slot(km, v, key);

	if (!b)
		return -1;
	b->action = action;
	return 0;
}

const char *keymap_check(void *ctx, const char *view, const char *key, const char *action)
{
	(void)ctx;
	if (view_find(view) < 0)
		return _("unknown view (see the help screen for the views)");
	if (key_parse(key) < 0)
		return _("unknown key (write <Down>, <F1>, \\Cl, <Space> or one character)");
	if (action && action_find(action) == ACT_NONE)
		return _("unknown action (the help screen lists them)");
	return NULL;
}

int keymap_init(struct keymap *km, const char *name, struct tthc_err *err)
{
	const struct keymap_set *set = NULL;

	memset(km, 0, sizeof *km);
	for (size_t i = 0; i < keymap_set_count; i++)
		if (!strcmp(keymap_sets[i]->name, name))
			set = keymap_sets[i];
	if (!set)
		return tthc_fail(err, TTHC_E_INVALID, "keymap", _("unknown keymap '%s'"), name);
	for (size_t i = 0; i < set->n; i++) {
		const struct keymap_line *l = &set->lines[i];
		const char *msg = keymap_check(NULL, l->view, l->key, l->action);

		if (msg) {
			tthc_fail(err, TTHC_E_INVALID, NULL, "%s", msg);
			snprintf(err->where, sizeof err->where, "%s:%u", set->file, l->line);
			keymap_free(km);
			return -1;
		}
		if (keymap_bind(km, (enum view_id)view_find(l->view), key_parse(l->key),
				action_find(l->action)) < 0) {
			keymap_free(km);
			return tthc_fail(err, TTHC_E_NOMEM, "keymap", "%s", _("out of memory"));
		}
	}
	return 0;
}

static int apply_one(struct keymap *km, const struct config_binding *cb, struct tthc_err *err)
{
	int v = view_find(cb->view), key = key_parse(cb->key), n;
	struct binding *b;

	/* config checked view and key with keymap_check; a binding stored before
	 * the check was set would not be, so look again. */
	if (v < 0 || key < 0)
		return tthc_fail(err, TTHC_E_INVALID, cb->origin, "%s",
				 keymap_check(NULL, cb->view, cb->key, NULL));
	switch (cb->kind) {
	case CONFIG_BIND:
		if (action_find(cb->action) == ACT_NONE)
			return tthc_fail(err, TTHC_E_INVALID, cb->origin, "%s",
					 keymap_check(NULL, cb->view, cb->key, cb->action));
		return keymap_bind(km, (enum view_id)v, key, action_find(cb->action)) < 0
			       ? tthc_fail(err, TTHC_E_NOMEM, cb->origin, "%s", _("out of memory"))
			       : 0;
	case CONFIG_UNBIND:
		return keymap_bind(km, (enum view_id)v, key, ACT_NONE) < 0
			       ? tthc_fail(err, TTHC_E_NOMEM, cb->origin, "%s", _("out of memory"))
			       : 0;
	case CONFIG_MACRO:
		break;
	}
	b = slot(km, (enum view_id)v, key);
	if (!b)
		return tthc_fail(err, TTHC_E_NOMEM, cb->origin, "%s", _("out of memory"));
	n = key_parse_seq(cb->keys, b->macro, MACRO_MAX);
	if (n <= 0) {
		b->n_macro = 0;
		return tthc_fail(err, TTHC_E_INVALID, cb->origin,
				 _("a macro's keys must be keys in bind notation, at most %d"),
				 MACRO_MAX);
	}
	b->n_macro = (size_t)n;
	if (cb->description && !(b->description = strdup(cb->description)))
		return tthc_fail(err, TTHC_E_NOMEM, cb->origin, "%s", _("out of memory"));
	return 0;
}

int keymap_apply_config(struct keymap *km, const struct config *cfg, struct tthc_err *err)
{
	struct tthc_err one = { 0 };
	int rc = 0;

	for (size_t i = 0; i < config_binding_count(cfg); i++)
		if (apply_one(km, config_binding_at(cfg, i), &one) < 0 && rc == 0) {
			*err = one;
			rc = -1;
		}
	return rc;
}

const struct binding *keymap_lookup(const struct keymap *km, enum view_id v, int key)
{
	const struct binding *b = find(km, v, key);

	if (!b)
		b = find(km, VIEW_GENERIC, key);
	if (!b || (b->action == ACT_NONE && b->n_macro == 0))
		return NULL;
	return b;
}

size_t keymap_keys_for(const struct keymap *km, enum view_id v, enum action a, int *keys,
		       size_t max)
{
	enum view_id order[2] = { v, VIEW_GENERIC };
	size_t n = 0;

	for (int o = 0; o < (v == VIEW_GENERIC ? 1 : 2); o++)
		for (size_t i = 0; i < km->n[order[o]]; i++) {
			const struct binding *b = &km->b[order[o]][i];

			if (b->action != a || b->n_macro || keymap_lookup(km, v, b->key) != b)
				continue;
			if (n < max)
				keys[n] = b->key;
			n++;
		}
	return n;
}

void keymap_free(struct keymap *km)
{
	for (int v = 0; v < VIEW_COUNT; v++) {
		for (size_t i = 0; i < km->n[v]; i++)
			free(km->b[v][i].description);
		free(km->b[v]);
	}
	memset(km, 0, sizeof *km);
}
