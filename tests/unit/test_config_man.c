/* man/tthcrc.5 and the settings table cannot drift apart: every setting is
 * documented, in table order, with its type, range and default, no other
 * is, and the EXAMPLE section loads without an error. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config/config.h"
#include "util/buf.h"

/* Tests run from the top of the tree (scripts/run-tests.sh); TTHC_BUILD
 * says where that is when they are run from elsewhere. */
static char *read_man(void)
{
	const char *build = getenv("TTHC_BUILD");
	char path[1024], chunk[4096];
	struct buf b = BUF_INIT;
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "%s%sman/tthcrc.5", build ? build : "",
		 build ? "/../" : "");
	f = fopen(path, "r");
	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	return buf_detach(&b);
}

/* The line under the setting's name, as the table says it must read. */
static void summary(const struct config_setting *s, char *out, size_t size)
{
	char what[256] = "", def[64];
	const char *p;

	switch (s->type) {
	case CONFIG_TEXT:
		snprintf(what, sizeof what, "\\fItext\\fR");
		break;
	case CONFIG_URL:
		snprintf(what, sizeof what, "\\fIhttps URL\\fR");
		break;
	case CONFIG_PATH:
		snprintf(what, sizeof what, "\\fIfile\\fR");
		break;
	case CONFIG_PINS:
		snprintf(what, sizeof what, "\\fIpins\\fR");
		break;
	case CONFIG_CHOICE:
		/* "a|b|c" reads "\fBa\fR, \fBb\fR or \fBc\fR". */
		for (p = s->choices; *p; p += strcspn(p, "|") + (p[strcspn(p, "|")] != '\0')) {
			size_t n = strcspn(p, "|");
			const char *sep = !*what ? "" : p[n] ? ", " : " or ";

			snprintf(what + strlen(what), sizeof what - strlen(what), "%s\\fB%.*s\\fR",
				 sep, (int)n, p);
		}
		break;
	case CONFIG_SECONDS:
	case CONFIG_MILLIS:
		snprintf(what, sizeof what, "\\fIduration\\fR from %ld to %ld %s", s->min, s->max,
			 s->type == CONFIG_SECONDS ? "seconds" : "milliseconds");
		break;
	}
	if (*s->def)
		snprintf(def, sizeof def, "default \\fB%s\\fR", s->def);
	else
		snprintf(def, sizeof def, "not set by default");
	snprintf(out, size, "\n.TP\n.B %s\n(%s; %s)\n", s->name, what, def);
}

static void every_setting_is_documented_in_table_order(void **state)
{
	char *man = read_man(), want[512];
	const char *settings, *after = NULL, *at;
	int i;

	(void)state;
	settings = strstr(man, "\n.SH SETTINGS\n");
	assert_non_null(settings);
	after = settings;
	for (i = 0; i < CONFIG_COUNT; i++) {
		summary(&config_settings[i], want, sizeof want);
		at = strstr(settings, want);
		if (!at) {
			free(man);
			fail_msg("man/tthcrc.5 lacks, under SETTINGS:%s", want);
		}
		assert_true(at > after);
		after = at;
	}
	free(man);
}

static void no_other_setting_is_documented(void **state)
{
	char *man = read_man();
	const char *p = strstr(man, "\n.SH SETTINGS\n"), *end;
	int items = 0;

	(void)state;
	assert_non_null(p);
	end = strstr(p + 1, "\n.SH ");
	assert_non_null(end);
	while ((p = strstr(p + 1, "\n.TP\n.B ")) && p < end)
		items++;
	assert_int_equal(items, CONFIG_COUNT);
	free(man);
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void put(const char *dir, const char *name, const char *text, size_t len)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* The EXAMPLE section is "# ~/.config/tthc/tthcrc" then lines that name
 * ~/.config/tthc/province-ca.pem and source ~/.config/tthc/keys: give it a
 * home where those exist and load it as written. */
static void the_example_loads_without_errors(void **state)
{
	char *man = read_man(), home[512], conf[600];
	const char *tmp = getenv("TMPDIR"), *start, *end;
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	struct config *cfg = config_new();
	struct tthc_err err = { 0 };
	size_t i;

	(void)state;
	start = strstr(man, "\n.SH EXAMPLE\n.nf\n");
	assert_non_null(start);
	start += strlen("\n.SH EXAMPLE\n.nf\n");
	end = strstr(start, "\n.fi\n");
	assert_non_null(end);
	snprintf(home, sizeof home, "%s/tthc-man.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(home));
	snprintf(conf, sizeof conf, "%s/.config", home);
	assert_int_equal(mkdir(conf, 0700), 0);
	strcat(conf, "/tthc");
	assert_int_equal(mkdir(conf, 0700), 0);
	put(conf, "tthcrc", start, (size_t)(end - start) + 1);
	put(conf, "province-ca.pem", "x\n", 2);
	put(conf, "keys", "bind case r reject\n", 19);
	setenv("HOME", home, 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("TTHC_CONFIG");
	assert_int_equal(config_load_user(cfg, NULL, &err), 0);
	if (old_home)
		setenv("HOME", old_home, 1);
	free(old_home);
	for (i = 0; i < config_error_count(cfg); i++)
		print_error("%s: %s\n", config_error_at(cfg, i)->err.where,
			    config_error_at(cfg, i)->err.msg);
	assert_int_equal(config_error_count(cfg), 0);
	assert_string_equal(config_string(cfg, CONFIG_KEYMAP), "vi");
	assert_true(config_binding_count(cfg) > 1);
	config_free(cfg);
	free(man);
	assert_int_equal(nftw(home, rm_entry, 8, FTW_DEPTH | FTW_PHYS), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_setting_is_documented_in_table_order),
		cmocka_unit_test(no_other_setting_is_documented),
		cmocka_unit_test(the_example_loads_without_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
