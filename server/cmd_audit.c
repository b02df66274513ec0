/* tthcd verify-audit and tthcd audit-head. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "util/date.h"
#include "util/i18n.h"

static int open_dir(int argc, char **argv, const char *cmd, struct srv *s)
{
	struct tthc_err e;

	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		printf(_("Usage: tthcd %s --dir DIR\n"), cmd);
		return 0;
	}
	if (argc != 3 || strcmp(argv[1], "--dir") != 0)
		return cmd_usage(cmd, _("expected --dir DIR"));
	if (srv_open(s, argv[2], &e) < 0)
		return cmd_fail(&e);
	return -1;
}

int cmd_verify_audit(int argc, char **argv)
{
	struct srv s;
	struct audit_report r;
	struct tthc_err e;
	int rc = open_dir(argc, argv, "verify-audit", &s);

	if (rc >= 0)
		return rc;
	rc = audit_verify(s.db, s.key.pk, &r, &e);
	srv_close(&s);
	if (rc < 0)
		return cmd_fail(&e);
	if (rc == 0) {
		printf(_("audit ok: %lld entries\n"), (long long)r.entries);
		return 0;
	}
	printf(_("audit BROKEN: %s\n"), r.reason);
	return 1;
}

int cmd_audit_head(int argc, char **argv)
{
	struct srv s;
	struct audit_head h;
	struct tthc_err e;
	char pk[2 * crypto_sign_PUBLICKEYBYTES + 1], when[21];
	int rc = open_dir(argc, argv, "audit-head", &s);

	if (rc >= 0)
		return rc;
	rc = audit_head_read(s.db, &h, &e);
	sodium_bin2hex(pk, sizeof pk, s.key.pk, sizeof s.key.pk);
	srv_close(&s);
	if (rc < 0)
		return cmd_fail(&e);
	instant_format(h.signed_at, when);
	printf("seq %lld\nhash %s\nsigned_at %s\nsignature %s\npublic_key %s\n",
	       (long long)h.seq, h.hash, when, h.signature, pk);
	return 0;
}
