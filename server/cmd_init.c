/* tthcd init: a new server directory. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "accounts.h"
#include "cmd.h"
#include "files.h"
#include "orgs.h"
#include "password.h"
#include "tlsgen.h"
#include "util/i18n.h"

#define MAX_HOSTS 32
#define ROOT_CODE "province"

static void usage(FILE *f)
{
	fputs(_("Usage: tthcd init --dir DIR [--cert FILE --key FILE] [--host NAME]...\n"
		"                  [--admin NAME] [--province NAME]\n"
		"Create DIR (mode 0700) with the database, a CA and server certificate (unless\n"
		"--cert and --key are given), the audit signing key, the root organisation and\n"
		"the first admin account, whose password is read from standard input when it is\n"
		"not a terminal, or else generated and printed once.\n"), f);
}

/* A DNS name (letters, digits, '-', '.') or an IP address. */
static bool host_ok(const char *h)
{
	unsigned char ip[16];
	size_t n = strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");

	return (n > 0 && n <= 253 && h[n] == '\0') || inet_pton(AF_INET6, h, ip) == 1;
}

/* A given certificate and key are copied in, so that serve reads one place. */
static int copy_in(const char *dir, const char *name, const char *from, mode_t mode,
		   struct tthc_err *e)
{
	char path[PATH_MAX];
	size_t len;
	char *data = file_read(from, 1 << 20, &len, e);
	int rc;

	if (!data)
		return -1;
	rc = path_join(path, sizeof path, dir, name, e);
	if (rc == 0)
		rc = file_write_new(path, data, len, mode, e);
	free(data);
	return rc;
}

static int make_db(struct srv *s, const char *dir, const char *admin, const char *password,
		   const char *province, struct tthc_err *e)
{
	char path[PATH_MAX], hash[crypto_pwhash_STRBYTES], who_buf[80];
	struct actor who = cmd_actor(who_buf, sizeof who_buf);
	struct role_pair role = { "admin", ROOT_CODE };
	struct db_tx *tx;

	if (pw_init(e) < 0 || pw_hash(password, hash, e) < 0 ||
	    audit_key_load(dir, &s->key, e) < 0 ||
	    path_join(path, sizeof path, dir, SRV_DB_FILE, e) < 0 ||
	    db_create(path, &s->db, e) < 0)
		return -1;
	if (db_begin(s->db, DB_WRITE, &tx, e) < 0)
		return -1;
	if (org_add_tx(tx, s, &who, ROOT_CODE, province, "province", NULL, e) < 0 ||
	    acct_add_tx(tx, s, &who, &(struct acct_spec){ admin, &role, 1, true, NULL }, hash,
			e) < 0) {
		db_rollback(tx);
		return -1;
	}
	return db_commit(tx, e);
}

int cmd_init(int argc, char **argv)
{
	const char *dir = NULL, *cert = NULL, *key = NULL, *admin = "admin";
	const char *province = "Đảng bộ tỉnh";
	const char *hosts[MAX_HOSTS];
	size_t n_hosts = 0;
	char password[PW_MAX_LEN + 2], pin[128], path[PATH_MAX];
	bool generated;
	struct srv s = { 0 };
	struct tthc_err e = { 0 };
	char *pem;
	int i, rc;

	if ((rc = cmd_options(argc, argv, "init", (const struct cmd_opt[]){
		     CMD_VALUE("dir", &dir), CMD_VALUE("cert", &cert), CMD_VALUE("key", &key),
		     CMD_VALUE("admin", &admin), CMD_VALUE("province", &province),
		     CMD_LIST("host", hosts, &n_hosts, MAX_HOSTS), CMD_END }, usage)) >= 0)
		return rc;
	if (!dir)
		return cmd_usage("init", _("--dir is required"));
	if (!cert != !key)
		return cmd_usage("init", _("--cert and --key go together"));
	for (i = 0; i < (int)n_hosts; i++)
		if (!host_ok(hosts[i]))
			return cmd_usage("init", _("'%s' is not a host name or IP address"),
					 hosts[i]);
	if (!srv_ident_ok(admin))
		return cmd_usage("init", _("bad admin name '%s'"), admin);
	/* Refused before the password is asked for; mkdir checks again. */
	if (access(dir, F_OK) == 0) {
		tthc_fail(&e, TTHC_E_IO, dir, "%s", _("already exists; tthcd init never overwrites"));
		return cmd_fail(&e);
	}
	if (cmd_password(password, sizeof password, &generated, &e) < 0)
		return cmd_fail(&e);
	if (mkdir(dir, 0700) < 0) {
		tthc_fail(&e, TTHC_E_IO, dir, "%s", errno == EEXIST ?
			  _("already exists; tthcd init never overwrites") : strerror(errno));
		return cmd_fail(&e);
	}
	snprintf(s.dir, sizeof s.dir, "%s", dir);
	if (chmod(dir, 0700) < 0 ||
	    (cert ? copy_in(dir, "server.pem", cert, 0644, &e) < 0 ||
		    copy_in(dir, "server.key", key, 0600, &e) < 0
		  : tls_generate(dir, hosts, n_hosts, &e) < 0) ||
	    audit_key_create(dir, &e) < 0 ||
	    make_db(&s, dir, admin, password, province, &e) < 0) {
		sodium_memzero(password, sizeof password);
		srv_close(&s);
		return cmd_fail(&e);
	}
	srv_close(&s);
	rc = path_join(path, sizeof path, dir, "server.pem", &e);
	pem = rc == 0 ? file_read(path, 1 << 20, NULL, &e) : NULL;
	if (!pem || tls_pin(pem, pin, sizeof pin, &e) < 0) {
		free(pem);
		sodium_memzero(password, sizeof password);
		return cmd_fail(&e);
	}
	free(pem);
	printf(_("created %s\n"), dir);
	printf(_("admin account: %s\n"), admin);
	if (generated)
		printf(_("admin password (shown once): %s\n"), password);
	if (!cert)
		printf(_("CA certificate for clients (ca-file): %s/ca.pem\n"), dir);
	printf(_("server key pin (pin): %s\n"), pin);
	sodium_memzero(password, sizeof password);
	return 0;
}
