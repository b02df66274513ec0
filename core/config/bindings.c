/* The user's bindings and macros, kept as data for the TUI: one entry per
 * (view, key), the latest line winning. */
#include "config/internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

static void binding_clear(struct config_binding *b)
{
	free((char *)b->view);
	free((char *)b->key);
	free((char *)b->action);
	free((char *)b->keys);
	free((char *)b->description);
	free((char *)b->origin);
}

static char *dup_or_null(const char *s, bool *failed)
{
	char *copy;

	if (!s)
		return NULL;
	copy = strdup(s);
	if (!copy)
		*failed = true;
	return copy;
}

/* FNV-1a over view, a NUL and key.  A hash index rather than a scan, so
 * that a file with tens of thousands of bind lines (generated, or wrong)
 * still loads in linear time. */
static size_t hash(const char *view, const char *key)
{
	size_t h = 2166136261u;
	const char *p;

	for (p = view; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	h *= 16777619u;
	for (p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h;
}

/* The index slot of (view, key): the one holding it, or the empty one where
 * it would go.  Slots hold binding number + 1; 0 is empty. */
static size_t *slot_of(const struct config *cfg, const char *view, const char *key)
{
	size_t mask = cfg->index_cap - 1, i = hash(view, key) & mask;

	for (;; i = (i + 1) & mask) {
		size_t *slot = &cfg->index[i];
		const struct config_binding *b;

		if (!*slot)
			return slot;
		b = &cfg->bindings[*slot - 1];
		if (!strcmp(b->view, view) && !strcmp(b->key, key))
			return slot;
	}
}

/* Keep the index at most half full. */
static bool index_reserve(struct config *cfg)
{
	size_t cap = cfg->index_cap ? cfg->index_cap : 32, i;
	size_t *old = cfg->index;

	if (cfg->index && 2 * (cfg->nbindings + 1) <= cfg->index_cap)
		return true;
	while (2 * (cfg->nbindings + 1) > cap)
		cap *= 2;
	cfg->index = calloc(cap, sizeof *cfg->index);
	if (!cfg->index) {
		cfg->index = old;
		return false;
	}
	free(old);
	cfg->index_cap = cap;
	for (i = 0; i < cfg->nbindings; i++)
		*slot_of(cfg, cfg->bindings[i].view, cfg->bindings[i].key) = i + 1;
	return true;
}

static struct config_binding *append(struct config *cfg)
{
	if (cfg->nbindings == cfg->bindings_cap) {
		size_t cap = cfg->bindings_cap ? cfg->bindings_cap * 2 : 16;
		struct config_binding *grown = realloc(cfg->bindings, cap * sizeof *grown);

		if (!grown)
			return NULL;
		cfg->bindings = grown;
		cfg->bindings_cap = cap;
	}
	return &cfg->bindings[cfg->nbindings++];
}

int bindings_put(struct config *cfg, const struct config_binding *b, struct tthc_err *err)
{
	struct config_binding copy = { .kind = b->kind }, *dest = NULL;
	bool failed = !index_reserve(cfg);
	size_t *slot;

	copy.view = dup_or_null(b->view, &failed);
	copy.key = dup_or_null(b->key, &failed);
	copy.action = dup_or_null(b->action, &failed);
	copy.keys = dup_or_null(b->keys, &failed);
	copy.description = dup_or_null(b->description, &failed);
	copy.origin = dup_or_null(b->origin, &failed);
	if (!failed) {
		slot = slot_of(cfg, b->view, b->key);
		if (*slot) {
			dest = &cfg->bindings[*slot - 1];
			binding_clear(dest);
		} else if ((dest = append(cfg)) != NULL) {
			*slot = cfg->nbindings;
		}
	}
	if (!dest) {
		binding_clear(&copy);
		return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	}
	*dest = copy;
	return 0;
}

void bindings_free(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nbindings; i++)
		binding_clear(&cfg->bindings[i]);
	free(cfg->bindings);
	free(cfg->index);
}

size_t config_binding_count(const struct config *cfg)
{
	return cfg->nbindings;
}

const struct config_binding *config_binding_at(const struct config *cfg, size_t i)
{
	return i < cfg->nbindings ? &cfg->bindings[i] : NULL;
}
