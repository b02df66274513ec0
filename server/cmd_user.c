/* tthcd user ... and tthcd org ...: administration from the server's own
 * shell, acting as the local command line (audited as "cli:USER"). */
#include <stdio.h>
#include <string.h>

#include "accounts.h"
#include "cmd.h"
#include "orgs.h"
#include "password.h"
#include "util/i18n.h"

#define MAX_ROLES 32

static void user_usage(FILE *f)
{
	fputs(_("Usage: tthcd user add --dir DIR --name NAME --role ROLE --org ORG\n"
		"                      [--role ROLE --org ORG]... [--active] [--member CODE]\n"
		"       tthcd user activate|lock|unlock|revoke|reset-password --dir DIR NAME\n"
		"       tthcd user grant --dir DIR NAME --role ROLE --org ORG\n"
		"       tthcd user link --dir DIR NAME --member CODE\n"
		"       tthcd user list --dir DIR [NAME]\n"
		"Passwords are read from standard input (one line) when it is not a terminal,\n"
		"or else generated and printed once.\n"), f);
}

struct user_args {
	const char *dir, *name, *member;
	struct role_pair roles[MAX_ROLES];
	size_t n_roles, n_orgs;
	bool active;
};

static int parse(int argc, char **argv, struct user_args *a)
{
	const char *v;
	int i;

	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--active")) {
			a->active = true;
			continue;
		}
		if (strncmp(argv[i], "--", 2) != 0) {
			if (a->name)
				return cmd_usage("user", _("unexpected argument '%s'"), argv[i]);
			a->name = argv[i];
			continue;
		}
		if (!(v = cmd_value(argc, argv, &i, "user")))
			return 2;
		if (!strcmp(argv[i - 1], "--dir")) {
			a->dir = v;
		} else if (!strcmp(argv[i - 1], "--name")) {
			a->name = v;
		} else if (!strcmp(argv[i - 1], "--member")) {
			a->member = v;
		} else if (!strcmp(argv[i - 1], "--role") && a->n_roles < MAX_ROLES) {
			a->roles[a->n_roles++].role = v;
		} else if (!strcmp(argv[i - 1], "--org") && a->n_orgs < MAX_ROLES) {
			a->roles[a->n_orgs++].org = v;
		} else {
			return cmd_usage("user", _("unknown option '%s'"), argv[i - 1]);
		}
	}
	if (!a->dir)
		return cmd_usage("user", _("--dir is required"));
	if (a->n_roles != a->n_orgs)
		return cmd_usage("user", _("each --role needs its --org"));
	return 0;
}

static void print_account(const cJSON *a)
{
	const cJSON *r, *member = cJSON_GetObjectItem(a, "member");

	printf("%s\t%s%s", cJSON_GetObjectItem(a, "name")->valuestring,
	       cJSON_GetObjectItem(a, "status")->valuestring,
	       cJSON_IsTrue(cJSON_GetObjectItem(a, "must_change_password"))
		       ? _(" (must change password)") : "");
	cJSON_ArrayForEach(r, cJSON_GetObjectItem(a, "roles"))
		printf("\t%s@%s", cJSON_GetObjectItem(r, "role")->valuestring,
		       cJSON_GetObjectItem(r, "org")->valuestring);
	if (cJSON_IsString(member))
		printf(_("\tmember %s"), member->valuestring);
	printf("\n");
}

static int list(struct srv *s, const struct actor *who, const char *name, struct tthc_err *e)
{
	cJSON *l = acct_list(s, who, name, e), *a;

	if (!l)
		return -1;
	cJSON_ArrayForEach(a, cJSON_GetObjectItem(l, "accounts"))
		print_account(a);
	cJSON_Delete(l);
	return 0;
}

static int with_password(struct srv *s, const struct actor *who, const char *verb,
			 const struct user_args *a, struct tthc_err *e)
{
	char password[PW_MAX_LEN + 2];
	bool generated;
	int rc = cmd_password(password, sizeof password, &generated, e);

	if (rc == 0 && !strcmp(verb, "add"))
		rc = acct_add(s, who, &(struct acct_spec){ a->name, a->roles, a->n_roles,
							   a->active, a->member }, password, e);
	else if (rc == 0)
		rc = acct_reset_password(s, who, a->name, password, e);
	if (rc == 0 && generated)
		printf(_("password for %s (shown once): %s\n"), a->name, password);
	sodium_memzero(password, sizeof password);
	return rc;
}

int cmd_user(int argc, char **argv)
{
	struct user_args a = { 0 };
	struct srv s;
	struct tthc_err e;
	char who_buf[80];
	struct actor who = cmd_actor(who_buf, sizeof who_buf);
	const char *verb;
	int rc, v;

	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		user_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	verb = argv[1];
	if ((rc = parse(argc, argv, &a)) != 0)
		return rc;
	v = acct_verb_find(verb);
	if (strcmp(verb, "list") != 0 && !a.name)
		return cmd_usage("user", _("which account?"));
	if ((!strcmp(verb, "add") || !strcmp(verb, "grant")) ? a.n_roles == 0 : a.n_roles > 0)
		return cmd_usage("user", _("--role and --org go with add and grant only"));
	if (!strcmp(verb, "grant") && a.n_roles != 1)
		return cmd_usage("user", _("grant takes one --role and --org"));
	if (!strcmp(verb, "link") ? !a.member : a.member && strcmp(verb, "add"))
		return cmd_usage("user", _("--member goes with add and link; link needs it"));
	if (v < 0 && strcmp(verb, "add") && strcmp(verb, "grant") && strcmp(verb, "list") &&
	    strcmp(verb, "reset-password") && strcmp(verb, "link"))
		return cmd_usage("user", _("unknown verb '%s'"), verb);
	if (srv_open(&s, a.dir, &e) < 0)
		return cmd_fail(&e);
	if (!strcmp(verb, "list"))
		rc = list(&s, &who, a.name, &e);
	else if (!strcmp(verb, "add") || !strcmp(verb, "reset-password"))
		rc = with_password(&s, &who, verb, &a, &e);
	else if (!strcmp(verb, "grant"))
		rc = acct_grant(&s, &who, a.name, &a.roles[0], &e);
	else if (!strcmp(verb, "link"))
		rc = acct_link(&s, &who, a.name, a.member, &e);
	else
		rc = acct_apply(&s, &who, a.name, (enum acct_verb)v, &e);
	srv_close(&s);
	return rc < 0 ? cmd_fail(&e) : 0;
}

int cmd_org(int argc, char **argv)
{
	const char *dir = NULL, *code = NULL, *name = NULL, *type = NULL, *parent = NULL;
	const char **slot;
	struct srv s;
	struct tthc_err e;
	char who_buf[80];
	struct actor who = cmd_actor(who_buf, sizeof who_buf);
	int i, rc;

	if (argc < 2 || strcmp(argv[1], "add") != 0) {
		fputs(_("Usage: tthcd org add --dir DIR --code CODE --name NAME --type TYPE "
			"--parent CODE\n"), argc >= 2 && !strcmp(argv[1], "--help") ? stdout : stderr);
		return argc >= 2 && !strcmp(argv[1], "--help") ? 0 : 2;
	}
	for (i = 2; i < argc; i++) {
		slot = !strcmp(argv[i], "--dir") ? &dir : !strcmp(argv[i], "--code") ? &code
		     : !strcmp(argv[i], "--name") ? &name : !strcmp(argv[i], "--type") ? &type
		     : !strcmp(argv[i], "--parent") ? &parent : NULL;
		if (!slot)
			return cmd_usage("org", _("unknown option '%s'"), argv[i]);
		if (!(*slot = cmd_value(argc, argv, &i, "org")))
			return 2;
	}
	if (!dir || !code || !name || !type || !parent)
		return cmd_usage("org", _("--dir, --code, --name, --type and --parent are required"));
	if (srv_open(&s, dir, &e) < 0)
		return cmd_fail(&e);
	rc = org_add(&s, &who, code, name, type, parent, &e);
	srv_close(&s);
	return rc < 0 ? cmd_fail(&e) : 0;
}
