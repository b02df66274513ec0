#include "util/i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static char current[16] = "vi";

/* out = base + suffix, if that fits and is a directory. */
static int dir_exists(char *out, size_t size, const char *base, const char *suffix)
{
	struct stat st;
	int n = snprintf(out, size, "%s%s", base, suffix);

	return n > 0 && (size_t)n < size && stat(out, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A build tree keeps its catalogs in build/locale, next to build/tthc (or one
 * level up from build/asan/tthc), so that running from the tree never picks up
 * an older installed catalog.  An installed binary uses LOCALEDIR. */
static const char *locale_dir(char *out, size_t size)
{
	const char *env = getenv("TTHC_LOCALEDIR");
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;

	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if (dir_exists(out, size, exe, "/locale") ||
			    dir_exists(out, size, exe, "/../locale"))
				return out;
		}
	}
	return LOCALEDIR;
}

/* First entry of a LANGUAGE list ("en:vi" -> "en"), language part only. */
static void pick_language(const char *language, char *out, size_t size)
{
	const char *src = language && *language ? language : getenv("LANGUAGE");
	size_t n;

	if (!src || !*src)
		src = "vi";
	n = strcspn(src, ":_.@");
	if (n == 0 || n >= size) {
		snprintf(out, size, "vi");
		return;
	}
	memcpy(out, src, n);
	out[n] = '\0';
}

void i18n_init(const char *language)
{
	char dir[PATH_MAX];
	const char *messages = setlocale(LC_MESSAGES, NULL);

	pick_language(language, current, sizeof current);
	/* glibc ignores catalogs and LANGUAGE while LC_MESSAGES is C or POSIX,
	 * which is all a bare Debian has; C.UTF-8 is always there and is not
	 * ignored. */
	if (!messages || !strcmp(messages, "C") || !strcmp(messages, "POSIX"))
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", current, 1);
	bindtextdomain(TTHC_TEXTDOMAIN, locale_dir(dir, sizeof dir));
	bind_textdomain_codeset(TTHC_TEXTDOMAIN, "UTF-8");
	textdomain(TTHC_TEXTDOMAIN);
}

const char *i18n_language(void)
{
	return current;
}
