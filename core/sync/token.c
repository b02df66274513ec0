/* The cached session token (DESIGN.md section 3, "Session": tokens are
 * cached, file mode 0600, so work can go on offline until expiry) and the
 * record of the last login. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "config/paths.h"
#include "model/json.h"
#include "sync/internal.h"
#include "util/i18n.h"

#define SMALL_FILE_MAX 65536

void sync_token_free(struct sync_token *t)
{
	if (t->token)
		memset(t->token, 0, strlen(t->token));
	free(t->token);
	free(t->roles);
	free(t->member);
	free(t->ca_file);
	free(t->pin);
	memset(t, 0, sizeof *t);
}

/* The whole of a small file; NULL with TTHC_E_NOT_FOUND when missing. */
static char *read_small(const char *path, size_t *len, struct tthc_err *err)
{
	FILE *f = fopen(path, "re");
	char *s;

	if (!f)
		return errno == ENOENT
		       ? (tthc_fail(err, TTHC_E_NOT_FOUND, path, _("not logged in")), NULL)
		       : (tthc_fail(err, TTHC_E_IO, path, "%s", strerror(errno)), NULL);
	s = malloc(SMALL_FILE_MAX + 1);
	if (!s) {
		fclose(f);
		tthc_fail(err, TTHC_E_NOMEM, path, _("out of memory"));
		return NULL;
	}
	*len = fread(s, 1, SMALL_FILE_MAX, f);
	s[*len] = '\0';
	fclose(f);
	return s;
}

/* Write text to path through a temporary file renamed over it, mode 0600,
 * so a kill leaves the old file or the new one, never half of one. */
static int write_private(const char *path, const char *text, struct tthc_err *err)
{
	size_t n = strlen(path) + 8, len = strlen(text);
	char *tmp = malloc(n);
	int fd, ok;

	if (!tmp)
		return tthc_fail(err, TTHC_E_NOMEM, path, _("out of memory"));
	snprintf(tmp, n, "%s.new", path);
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	ok = fd >= 0 && write(fd, text, len) == (ssize_t)len && fsync(fd) == 0;
	if (fd >= 0 && close(fd) != 0)
		ok = 0;
	if (ok && rename(tmp, path) != 0)
		ok = 0;
	if (!ok) {
		int e = errno;

		unlink(tmp);
		free(tmp);
		return tthc_fail(err, TTHC_E_IO, path,
				 _("cannot save the login: %s"), strerror(e));
	}
	free(tmp);
	return 0;
}

/* A string member that may be absent; false only when out of memory. */
static bool optional(const cJSON *j, const char *name, char **out)
{
	const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, name));

	*out = v && *v ? strdup(v) : NULL;
	return !v || !*v || *out;
}

int sync_token_read(const char *path, struct sync_token *out, struct tthc_err *err)
{
	size_t len;
	char *s = read_small(path, &len, err);
	cJSON *j, *roles;
	int64_t exp = 0;
	bool ok;

	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	j = json_parse(s, len, NULL, err);
	memset(s, 0, len);
	free(s);
	if (!j)
		return -1;
	roles = cJSON_GetObjectItemCaseSensitive(j, "roles");
	if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(j, "token")) ||
	    json_int(cJSON_GetObjectItemCaseSensitive(j, "expires_at"), 0, JSON_INT_LIMIT - 1,
		     &exp, err) < 0 || !cJSON_IsArray(roles)) {
		cJSON_Delete(j);
		return tthc_fail(err, TTHC_E_INVALID, path,
				 _("the saved login is damaged: log in again"));
	}
	out->token = strdup(cJSON_GetObjectItemCaseSensitive(j, "token")->valuestring);
	out->roles = cJSON_PrintUnformatted(roles);
	out->expires_at = exp;
	ok = optional(j, "member", &out->member) & optional(j, "ca-file", &out->ca_file) &
	     optional(j, "pin", &out->pin);
	cJSON_Delete(j);
	if (!out->token || !out->roles || !ok) {
		sync_token_free(out);
		return tthc_fail(err, TTHC_E_NOMEM, path, _("out of memory"));
	}
	return 0;
}

int sync_token_write(const char *path, const struct sync_token *t, struct tthc_err *err)
{
	cJSON *j = cJSON_CreateObject(), *roles = cJSON_Parse(t->roles);
	char *text = NULL;
	int rc;

	if (j && roles && cJSON_AddStringToObject(j, "token", t->token) &&
	    cJSON_AddNumberToObject(j, "expires_at", (double)t->expires_at) &&
	    cJSON_AddItemToObject(j, "roles", roles) &&
	    (!t->member || cJSON_AddStringToObject(j, "member", t->member)) &&
	    (!t->ca_file || cJSON_AddStringToObject(j, "ca-file", t->ca_file)) &&
	    (!t->pin || cJSON_AddStringToObject(j, "pin", t->pin))) {
		roles = NULL;
		text = cJSON_PrintUnformatted(j);
	}
	cJSON_Delete(roles);
	cJSON_Delete(j);
	if (!text)
		return tthc_fail(err, TTHC_E_NOMEM, path, _("out of memory"));
	rc = write_private(path, text, err);
	memset(text, 0, strlen(text));
	free(text);
	return rc;
}

static char *current_path(struct tthc_err *err)
{
	char *dir = paths_data_dir(err), *p;
	size_t n;

	if (!dir)
		return NULL;
	n = strlen(dir) + sizeof "/current";
	p = malloc(n);
	if (p)
		snprintf(p, n, "%s/current", dir);
	else
		tthc_fail(err, TTHC_E_NOMEM, "current", _("out of memory"));
	free(dir);
	return p;
}

int sync_current_save(const char *server, const char *user, struct tthc_err *err)
{
	char *path = current_path(err), *text;
	size_t n;
	int rc;

	if (!path)
		return -1;
	n = strlen(server) + strlen(user) + 3;
	text = malloc(n);
	if (!text) {
		free(path);
		return tthc_fail(err, TTHC_E_NOMEM, "current", _("out of memory"));
	}
	snprintf(text, n, "%s\n%s\n", server, user);
	rc = write_private(path, text, err);
	free(text);
	free(path);
	return rc;
}

int sync_current_load(char **server, char **user, struct tthc_err *err)
{
	char *path = current_path(err), *s, *nl, *nl2;
	size_t len;

	*server = *user = NULL;
	if (!path)
		return -1;
	s = read_small(path, &len, err);
	free(path);
	if (!s)
		return -1;
	nl = strchr(s, '\n');
	nl2 = nl ? strchr(nl + 1, '\n') : NULL;
	if (!nl || !nl2 || nl == s || nl2 == nl + 1) {
		free(s);
		return tthc_fail(err, TTHC_E_INVALID, "current",
				 _("the record of the last login is damaged: log in again"));
	}
	*nl = *nl2 = '\0';
	*server = strdup(s);
	*user = strdup(nl + 1);
	free(s);
	if (!*server || !*user) {
		free(*server);
		free(*user);
		*server = *user = NULL;
		return tthc_fail(err, TTHC_E_NOMEM, "current", _("out of memory"));
	}
	return 0;
}
