/* The commands of tthcrc.  Each checks everything before it changes
 * anything, so a bad line leaves the configuration as it was. */
#include "config/internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

typedef int directive_fn(struct config *cfg, const struct rc_frame *at, char **arg,
			 size_t n, struct tthc_err *err);

static directive_fn do_set, do_unset, do_bind, do_unbind, do_macro, do_source;

static const struct directive {
	const char *name;
	size_t min, max;        /* arguments after the name */
	directive_fn *fn;
	const char *usage;      /* msgid */
} directives[] = {
	{ "set",    1, 3, do_set,    N_("set NAME VALUE") },
	{ "unset",  1, 1, do_unset,  N_("unset NAME") },
	{ "bind",   3, 3, do_bind,   N_("bind VIEW KEY ACTION") },
	{ "unbind", 2, 2, do_unbind, N_("unbind VIEW KEY") },
	{ "macro",  3, 4, do_macro,  N_("macro VIEW KEY KEYS [DESCRIPTION]") },
	{ "source", 1, 1, do_source, N_("source FILE") },
};

static int usage(const struct directive *d, struct tthc_err *err)
{
	return tthc_fail(err, TTHC_E_USAGE, NULL, _("usage: %s"), _(d->usage));
}

static int find_setting(const char *name, struct tthc_err *err)
{
	int id = config_setting_find(name);

	if (id < 0)
		tthc_fail(err, TTHC_E_UNKNOWN_FIELD, NULL, _("unknown setting: %s"), name);
	return id;
}

/* NeoMutt writes `set name = value` and `set name=value`; both are
 * accepted beside `set name value`. */
static int do_set(struct config *cfg, const struct rc_frame *at, char **arg, size_t n,
		  struct tthc_err *err)
{
	const char *name = arg[0], *value = NULL;
	char *eq = strchr(arg[0], '=');
	int id;

	if (n == 1 && eq) {
		*eq = '\0';
		value = eq + 1;
	} else if (n == 2) {
		value = arg[1];
	} else if (n == 3 && !strcmp(arg[1], "=")) {
		value = arg[2];
	}
	if (!value)
		return usage(&directives[0], err);
	id = find_setting(name, err);
	if (id < 0)
		return -1;
	return config_assign(cfg, (enum config_id)id, value, at, err);
}

static int do_unset(struct config *cfg, const struct rc_frame *at, char **arg, size_t n,
		    struct tthc_err *err)
{
	int id = find_setting(arg[0], err);

	(void)at;
	(void)n;
	if (id < 0)
		return -1;
	config_reset(cfg, (enum config_id)id);
	return 0;
}

/* Views may be listed with commas, as in NeoMutt: `bind index,pager g top`.
 * Every view is checked before any binding is stored. */
static int put_bindings(struct config *cfg, const struct rc_frame *at,
			struct config_binding *b, char *views, struct tthc_err *err)
{
	const char *check_action = b->kind == CONFIG_BIND ? b->action : NULL;
	size_t len = strlen(views), i;
	const char *msg;
	int rc = 0;

	for (i = 0; i < len; i++)
		if (views[i] == ',')
			views[i] = '\0';
	for (i = 0; i <= len; i += strlen(views + i) + 1) {
		if (!views[i])
			return tthc_fail(err, TTHC_E_INVALID, NULL, "%s",
					 _("empty view name in a list of views"));
		msg = cfg->check ? cfg->check(cfg->check_ctx, views + i, b->key, check_action)
				 : NULL;
		if (msg)
			return tthc_fail(err, TTHC_E_INVALID, NULL, "%s", msg);
	}
	b->origin = rc_origin(at);
	if (!b->origin)
		return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	for (i = 0; i <= len && rc == 0; i += strlen(views + i) + 1) {
		b->view = views + i;
		rc = bindings_put(cfg, b, err);
	}
	free((char *)b->origin);
	return rc;
}

static int do_bind(struct config *cfg, const struct rc_frame *at, char **arg, size_t n,
		   struct tthc_err *err)
{
	struct config_binding b = { .kind = CONFIG_BIND, .key = arg[1], .action = arg[2] };

	(void)n;
	return put_bindings(cfg, at, &b, arg[0], err);
}

static int do_unbind(struct config *cfg, const struct rc_frame *at, char **arg, size_t n,
		     struct tthc_err *err)
{
	struct config_binding b = { .kind = CONFIG_UNBIND, .key = arg[1] };

	(void)n;
	return put_bindings(cfg, at, &b, arg[0], err);
}

static int do_macro(struct config *cfg, const struct rc_frame *at, char **arg, size_t n,
		    struct tthc_err *err)
{
	struct config_binding b = { .kind = CONFIG_MACRO, .key = arg[1], .keys = arg[2],
				    .description = n == 4 ? arg[3] : NULL };

	return put_bindings(cfg, at, &b, arg[0], err);
}

static int do_source(struct config *cfg, const struct rc_frame *at, char **arg, size_t n,
		     struct tthc_err *err)
{
	(void)n;
	return rc_source(cfg, at, arg[0], err);
}

int directive_run(struct config *cfg, const struct rc_frame *at, char **words,
		  size_t n, struct tthc_err *err)
{
	const struct directive *d = NULL;
	size_t i;

	for (i = 0; i < sizeof directives / sizeof directives[0]; i++)
		if (!strcmp(directives[i].name, words[0]))
			d = &directives[i];
	if (!d)
		return tthc_fail(err, TTHC_E_INVALID, NULL, _("unknown command: %s"), words[0]);
	if (n - 1 < d->min || n - 1 > d->max)
		return usage(d, err);
	for (i = 1; i < n; i++)
		if (!words[i][0])
			return tthc_fail(err, TTHC_E_INVALID, NULL,
					 _("argument %zu is empty (usage: %s)"), i, _(d->usage));
	return d->fn(cfg, at, words + 1, n - 1, err);
}
