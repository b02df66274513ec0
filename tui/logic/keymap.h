/* Key bindings per view: a set compiled in from keymaps/NAME.keys (the
 * build generates the tables, so the files and the defaults cannot
 * disagree), then the user's bind, unbind and macro lines from tthcrc over
 * it (NeoMutt's model: for one view and key the last line wins).  A view's
 * own binding or unbind hides the `generic` one for that key. */
#ifndef TTHC_TUI_KEYMAP_H
#define TTHC_TUI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "config/config.h"
#include "util/err.h"

/* One `bind VIEW KEY ACTION` line of a keymap file (generated). */
struct keymap_line {
	const char *view, *key, *action;
	unsigned line;
};

struct keymap_set {
	const char *name;               /* as `set keymap` says it */
	const char *file;               /* keymaps/NAME.keys, for messages */
	const struct keymap_line *lines;
	size_t n;
};

/* Generated from keymaps/NAME.keys by scripts/gen-keymap.sh. */
extern const struct keymap_set keymap_set_default, keymap_set_vi, keymap_set_fkeys;

/* default, vi, fkeys: the choices of the `keymap` setting. */
extern const struct keymap_set *const keymap_sets[];
extern const size_t keymap_set_count;

#define MACRO_MAX 64

struct binding {
	int key;
	enum action action;     /* ACT_NONE with n_macro 0: unbound */
	int macro[MACRO_MAX];   /* a macro's keys */
	size_t n_macro;
	char *description;      /* a macro's, or NULL */
};

struct keymap {
	struct binding *b[VIEW_COUNT];
	size_t n[VIEW_COUNT], cap[VIEW_COUNT];
};

/* Start from the set called name.  A line of the set that does not parse
 * fails with where "keymaps/NAME.keys:LINE" (the unit tests load every
 * set, so a shipped file cannot carry one). */
int keymap_init(struct keymap *km, const char *name, struct tthc_err *err);
void keymap_free(struct keymap *km);

/* config_binding_check for config_set_binding_check(): unknown view, key or
 * action is the line's error. */
const char *keymap_check(void *ctx, const char *view, const char *key, const char *action);

/* Apply the user's bindings.  A macro whose keys do not parse is skipped
 * and reported in *err (where = its "FILE:LINE"); the others still apply. */
int keymap_apply_config(struct keymap *km, const struct config *cfg, struct tthc_err *err);

/* Bind (or with action ACT_NONE, unbind) one key; -1 on memory. */
int keymap_bind(struct keymap *km, enum view_id v, int key, enum action action);

/* What key does in view v: its binding there, else generic's; NULL when
 * nothing. */
const struct binding *keymap_lookup(const struct keymap *km, enum view_id v, int key);

/* The keys that run action a in view v, in binding order (the view's own
 * first), at most max; returns how many there are. */
size_t keymap_keys_for(const struct keymap *km, enum view_id v, enum action a, int *keys,
		       size_t max);

#endif
