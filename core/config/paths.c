#include "config/paths.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/i18n.h"

static char *take(struct buf *b, struct tthc_err *err)
{
	char *s = buf_detach(b);

	if (!s)
		tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	return s;
}

static char *copy_or_fail(const char *s, struct tthc_err *err)
{
	char *copy = strdup(s);

	if (!copy)
		tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	return copy;
}

/* The home directory of name (NULL: the current user) in the password
 * database; getpwnam_r because core/ may run beside other threads. */
static char *passwd_home(const char *name, struct tthc_err *err)
{
	struct passwd pw, *found = NULL;
	char scratch[4096];
	int rc;

	if (name)
		rc = getpwnam_r(name, &pw, scratch, sizeof scratch, &found);
	else
		rc = getpwuid_r(getuid(), &pw, scratch, sizeof scratch, &found);
	if (rc != 0 || !found || !pw.pw_dir || pw.pw_dir[0] != '/') {
		if (name)
			tthc_fail(err, TTHC_E_NOT_FOUND, NULL, _("no such user: %s"), name);
		else
			tthc_fail(err, TTHC_E_NOT_FOUND, NULL, "%s",
				  _("cannot find the home directory: HOME is not set"));
		return NULL;
	}
	return copy_or_fail(pw.pw_dir, err);
}

char *paths_home(struct tthc_err *err)
{
	const char *home = getenv("HOME");

	if (home && home[0] == '/')
		return copy_or_fail(home, err);
	return passwd_home(NULL, err);
}

/* "~" or "~user" at the start of path, up to the first '/'. */
static char *tilde_home(const char *path, size_t len, struct tthc_err *err)
{
	char *name, *home;

	if (len == 1)
		return paths_home(err);
	name = strndup(path + 1, len - 1);
	if (!name) {
		tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
		return NULL;
	}
	home = passwd_home(name, err);
	free(name);
	return home;
}

char *paths_resolve(const char *path, const char *base_dir, struct tthc_err *err)
{
	struct buf b = BUF_INIT;

	if (path[0] == '~') {
		size_t len = strcspn(path, "/");
		char *home = tilde_home(path, len, err);

		if (!home)
			return NULL;
		buf_puts(&b, home);
		buf_puts(&b, path + len);
		free(home);
	} else if (path[0] != '/' && base_dir && *base_dir) {
		buf_puts(&b, base_dir);
		buf_puts(&b, "/");
		buf_puts(&b, path);
	} else {
		buf_puts(&b, path);
	}
	return take(&b, err);
}

/* The spec: "If an implementation encounters a relative path in any of
 * these variables it should consider the path invalid and ignore it." */
static char *xdg_dir(const char *var, const char *fallback, const char *leaf,
		     struct tthc_err *err)
{
	const char *value = getenv(var);
	struct buf b = BUF_INIT;

	if (value && value[0] == '/') {
		buf_puts(&b, value);
	} else {
		char *home = paths_home(err);

		if (!home)
			return NULL;
		buf_puts(&b, home);
		buf_puts(&b, "/");
		buf_puts(&b, fallback);
		free(home);
	}
	buf_puts(&b, "/");
	buf_puts(&b, leaf);
	return take(&b, err);
}

char *paths_config_file(struct tthc_err *err)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config", "tthc/tthcrc", err);
}

char *paths_data_dir(struct tthc_err *err)
{
	return xdg_dir("XDG_DATA_HOME", ".local/share", "tthc", err);
}

char *paths_cache_dir(struct tthc_err *err)
{
	return xdg_dir("XDG_CACHE_HOME", ".cache", "tthc", err);
}
