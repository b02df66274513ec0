#include "cmd.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "password.h"
#include "util/i18n.h"

int cmd_fail(const struct tthc_err *e)
{
	char text[512];

	fprintf(stderr, "tthcd: %s\n", tthc_err_text(e, text, sizeof text));
	return 1;
}

int cmd_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("tthcd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	fprintf(stderr, _("Try 'tthcd %s --help'.\n"), cmd);
	return 2;
}

const char *cmd_value(int argc, char **argv, int *i, const char *cmd)
{
	if (*i + 1 >= argc) {
		cmd_usage(cmd, _("option '%s' needs a value"), argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

int cmd_options(int argc, char **argv, const char *cmd, const struct cmd_opt *opts,
		void (*usage)(FILE *))
{
	const struct cmd_opt *o;
	const char *v;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		}
		for (o = opts; o->name && (strncmp(argv[i], "--", 2) || strcmp(argv[i] + 2, o->name));
		     o++)
			;
		if (!o->name)
			return cmd_usage(cmd, _("unknown option '%s'"), argv[i]);
		if (o->flag) {
			*o->flag = true;
			continue;
		}
		if (o->count && *o->count == o->max)
			return cmd_usage(cmd, _("at most %zu %s options"), o->max, argv[i]);
		if (!(v = cmd_value(argc, argv, &i, cmd)))
			return 2;
		if (o->count)
			o->value[(*o->count)++] = v;
		else
			*o->value = v;
	}
	return -1;
}

int cmd_password(char *out, size_t size, bool *generated, struct tthc_err *e)
{
	size_t n;

	*generated = false;
	if (isatty(STDIN_FILENO)) {
		pw_generate(out);
		*generated = true;
		return 0;
	}
	if (!fgets(out, (int)size, stdin))
		return tthc_fail(e, TTHC_E_MISSING, "stdin", _("no password on standard input"));
	n = strcspn(out, "\r\n");
	if (out[n] == '\0' && n == size - 1)
		return tthc_fail(e, TTHC_E_TOO_LARGE, "stdin", _("the password line is too long"));
	out[n] = '\0';
	return pw_acceptable(out, e);
}

struct actor cmd_actor(char *buf, size_t size)
{
	struct passwd *pw = getpwuid(getuid());

	snprintf(buf, size, "cli:%s", pw ? pw->pw_name : "?");
	return (struct actor){ .account_id = 0, .name = buf };
}
