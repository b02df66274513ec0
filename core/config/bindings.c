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

static struct config_binding *find(struct config *cfg, const char *view, const char *key)
{
	size_t i;

	for (i = 0; i < cfg->nbindings; i++)
		if (!strcmp(cfg->bindings[i].view, view) && !strcmp(cfg->bindings[i].key, key))
			return &cfg->bindings[i];
	return NULL;
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
	struct config_binding copy = { .kind = b->kind }, *slot;
	bool failed = false;

	copy.view = dup_or_null(b->view, &failed);
	copy.key = dup_or_null(b->key, &failed);
	copy.action = dup_or_null(b->action, &failed);
	copy.keys = dup_or_null(b->keys, &failed);
	copy.description = dup_or_null(b->description, &failed);
	copy.origin = dup_or_null(b->origin, &failed);
	slot = failed ? NULL : find(cfg, b->view, b->key);
	if (slot)
		binding_clear(slot);
	else if (!failed)
		slot = append(cfg);
	if (!slot) {
		binding_clear(&copy);
		return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	}
	*slot = copy;
	return 0;
}

void bindings_free(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nbindings; i++)
		binding_clear(&cfg->bindings[i]);
	free(cfg->bindings);
}

size_t config_binding_count(const struct config *cfg)
{
	return cfg->nbindings;
}

const struct config_binding *config_binding_at(const struct config *cfg, size_t i)
{
	return i < cfg->nbindings ? &cfg->bindings[i] : NULL;
}
