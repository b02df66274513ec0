/* The configuration object: settings with their origins, and getters. */
#include "config/internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

static void value_clear(struct config_value *v)
{
	free(v->text);
	free(v->origin);
	memset(v, 0, sizeof *v);
}

/* The default goes through the same validation as a user's value (a test
 * checks that each one passes); "" stays "not set". */
static int value_default(struct config_value *v, enum config_id id)
{
	const char *def = config_settings[id].def;

	value_clear(v);
	if (*def)
		return setting_parse(id, def, NULL, &v->text, &v->number, NULL);
	v->text = strdup("");
	return v->text ? 0 : -1;
}

struct config *config_new(void)
{
	struct config *cfg = calloc(1, sizeof *cfg);
	int i;

	if (!cfg)
		return NULL;
	for (i = 0; i < CONFIG_COUNT; i++) {
		if (value_default(&cfg->values[i], (enum config_id)i) < 0) {
			config_free(cfg);
			return NULL;
		}
	}
	return cfg;
}

void config_free(struct config *cfg)
{
	size_t i;

	if (!cfg)
		return;
	for (i = 0; i < CONFIG_COUNT; i++)
		value_clear(&cfg->values[i]);
	for (i = 0; i < cfg->nerrors; i++)
		free((char *)cfg->errors[i].file);
	free(cfg->errors);
	bindings_free(cfg);
	free(cfg->file);
	free(cfg);
}

void config_set_binding_check(struct config *cfg, config_binding_check *check, void *ctx)
{
	cfg->check = check;
	cfg->check_ctx = ctx;
}

int config_assign(struct config *cfg, enum config_id id, const char *value,
		  const struct rc_frame *at, struct tthc_err *err)
{
	struct config_value v = { 0 };

	if (setting_parse(id, value, at->dir, &v.text, &v.number, err) < 0)
		return -1;
	v.origin = rc_origin(at);
	if (!v.origin) {
		value_clear(&v);
		return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	}
	value_clear(&cfg->values[id]);
	cfg->values[id] = v;
	return 0;
}

void config_reset(struct config *cfg, enum config_id id)
{
	/* Only running out of memory can fail here; the value is then ""
	 * (not set) rather than a stale one. */
	if (value_default(&cfg->values[id], id) < 0)
		cfg->out_of_memory = true;
}

int config_set(struct config *cfg, const char *name, const char *value,
	       struct tthc_err *err)
{
	const struct rc_frame at = { .file = _("command line") };
	int id = config_setting_find(name);

	if (id < 0)
		tthc_fail(err, TTHC_E_UNKNOWN_FIELD, NULL, _("unknown setting: %s"), name);
	else if (config_assign(cfg, (enum config_id)id, value, &at, err) == 0)
		return 0;
	if (err)
		rc_err_place(err, at.file, 0);
	return -1;
}

const char *config_string(const struct config *cfg, enum config_id id)
{
	return cfg->values[id].text ? cfg->values[id].text : "";
}

long config_number(const struct config *cfg, enum config_id id)
{
	return cfg->values[id].number;
}

const char *config_origin(const struct config *cfg, enum config_id id)
{
	return cfg->values[id].origin;
}

const char *config_file(const struct config *cfg)
{
	return cfg->file;
}
