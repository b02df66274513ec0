#include "args.h"

#include <string.h>

#include "cli.h"
#include "util/i18n.h"

bool arg_is_help(const char *arg)
{
	return !strcmp(arg, "-h") || !strcmp(arg, "--help");
}

bool arg_value(int argc, char **argv, int *i, const char *name,
	       const char **value, bool *missing)
{
	size_t n = strlen(name);
	const char *arg = argv[*i];

	if (strncmp(arg, name, n) != 0)
		return false;
	if (arg[n] == '=') {
		*value = arg + n + 1;
		return true;
	}
	if (arg[n] != '\0')
		return false;
	if (*i + 1 >= argc) {
		*missing = true;
		return true;
	}
	*value = argv[++*i];
	return true;
}

int arg_operand(const char *cmd, const char *arg, const char **path)
{
	if (arg[0] == '-' && arg[1] != '\0')
		return cli_usage_error(cmd, _("unknown option '%s'"), arg);
	if (*path)
		return cli_usage_error(cmd, "%s", _("only one FILE may be given"));
	*path = arg;
	return 0;
}
