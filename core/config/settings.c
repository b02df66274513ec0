/* The settings table and the validation of a value by its type. */
#include "config/internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/check.h"
#include "config/paths.h"
#include "config/reader.h"
#include "text/nfc.h"
#include "util/i18n.h"

const struct config_setting config_settings[CONFIG_COUNT] = {
#define X(id, name, type, def, min, max, choices, help) \
	{ name, CONFIG_##type, def, min, max, choices, help },
	TTHC_SETTINGS(X)
#undef X
};

int config_setting_find(const char *name)
{
	int i;

	for (i = 0; i < CONFIG_COUNT; i++)
		if (!strcmp(config_settings[i].name, name))
			return i;
	return -1;
}

static bool in_choices(const char *choices, const char *value)
{
	size_t len = strlen(value);
	const char *p = choices;

	for (;;) {
		size_t n = strcspn(p, "|");

		if (n == len && !memcmp(p, value, len))
			return true;
		if (!p[n])
			return false;
		p += n + 1;
	}
}

static int parse_duration(const struct config_setting *s, const char *value,
			  long *number, struct tthc_err *err)
{
	long long unit = s->type == CONFIG_MILLIS ? 1 : 1000, ms;

	if (duration_parse(value, unit, &ms, err) < 0)
		return -1;
	if (ms % unit)
		return tthc_fail(err, TTHC_E_INVALID, NULL,
				 _("'%s' is not a whole number of seconds"), value);
	if (ms / unit < s->min || ms / unit > s->max)
		return tthc_fail(err, TTHC_E_RANGE, NULL,
				 s->type == CONFIG_MILLIS
				 ? _("'%s' is out of range: from %ld to %ld milliseconds")
				 : _("'%s' is out of range: from %ld to %ld seconds"),
				 value, s->min, s->max);
	*number = (long)(ms / unit);
	return 0;
}

/* A missing CA file would fail every connection later, far from the line
 * that named it: say it here. */
static int check_readable_file(const char *path, struct tthc_err *err)
{
	struct stat st;

	if (stat(path, &st) != 0 || access(path, R_OK) != 0)
		return tthc_fail(err, TTHC_E_NOT_FOUND, NULL, _("cannot read %s: %s"), path,
				 strerror(errno));
	if (!S_ISREG(st.st_mode))
		return tthc_fail(err, TTHC_E_INVALID, NULL, _("%s is not a regular file"), path);
	return 0;
}

static int check_value(const struct config_setting *s, const char *value,
		       long *number, struct tthc_err *err)
{
	switch (s->type) {
	case CONFIG_URL:
		return check_https_url(value, err);
	case CONFIG_PINS:
		return check_pins(value, err);
	case CONFIG_CHOICE:
		if (in_choices(s->choices, value))
			return 0;
		return tthc_fail(err, TTHC_E_INVALID, NULL, _("'%s' is not one of: %s"), value,
				 s->choices);
	case CONFIG_SECONDS:
	case CONFIG_MILLIS:
		return parse_duration(s, value, number, err);
	case CONFIG_TEXT:
	case CONFIG_PATH:
		break;
	}
	return 0;
}

static char *stored_form(const struct config_setting *s, char *nfc, const char *base_dir,
			 struct tthc_err *err)
{
	char *path;

	if (s->type != CONFIG_PATH)
		return nfc;
	path = paths_resolve(nfc, base_dir, err);
	free(nfc);
	if (path && check_readable_file(path, err) < 0) {
		free(path);
		return NULL;
	}
	return path;
}

int setting_parse(enum config_id id, const char *value, const char *base_dir,
		  char **text, long *number, struct tthc_err *err)
{
	const struct config_setting *s = &config_settings[id];
	char *nfc;

	*number = 0;
	if (!*value)
		return tthc_fail(err, TTHC_E_INVALID, NULL,
				 _("empty value: 'unset %s' restores the default"), s->name);
	/* Values from flags have not been through the reader; those from a file
	 * may still hold a tab or a newline from a \t or \n escape, of no use
	 * in any setting. */
	if (rc_check_text(value, strlen(value), err) < 0)
		return -1;
	nfc = text_nfc(value, strlen(value), NULL, err);
	if (!nfc)
		return -1;
	if (check_value(s, nfc, number, err) < 0) {
		free(nfc);
		return -1;
	}
	*text = stored_form(s, nfc, base_dir, err);
	return *text ? 0 : -1;
}
