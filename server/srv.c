#include "srv.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "files.h"
#include "password.h"

int srv_open(struct srv *s, const char *dir, struct tthc_err *e)
{
	char path[PATH_MAX];
	struct srv_config def = SRV_CONFIG_DEFAULT;

	memset(s, 0, sizeof *s);
	s->cfg = def;
	if (path_join(s->dir, sizeof s->dir, dir, ".", e) < 0 ||
	    path_join(path, sizeof path, dir, SRV_DB_FILE, e) < 0)
		return -1;
	snprintf(s->dir, sizeof s->dir, "%s", dir);
	if (pw_init(e) < 0 || audit_key_load(dir, &s->key, e) < 0)
		return -1;
	return db_open(path, &s->db, e);
}

void srv_close(struct srv *s)
{
	db_close(s->db);
	s->db = NULL;
	sodium_memzero(&s->key, sizeof s->key);
}

int64_t srv_now(void)
{
	return (int64_t)time(NULL);
}

bool srv_ident_ok(const char *s)
{
	size_t n;

	for (n = 0; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
		      s[n] == '-' || s[n] == '_' || s[n] == '.'))
			return false;
	return n > 0 && n <= 64;
}
