/* core/config/paths: the XDG Base Directory rules and ~ expansion. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/paths.h"

static char *saved_home;

static int save_env(void **state)
{
	(void)state;
	saved_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", "/home/an", 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	unsetenv("XDG_CACHE_HOME");
	return 0;
}

static int restore_env(void **state)
{
	(void)state;
	if (saved_home)
		setenv("HOME", saved_home, 1);
	else
		unsetenv("HOME");
	free(saved_home);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	unsetenv("XDG_CACHE_HOME");
	return 0;
}

static void assert_path(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void defaults_are_under_home(void **state)
{
	(void)state;
	assert_path(paths_config_file(NULL), "/home/an/.config/tthc/tthcrc");
	assert_path(paths_data_dir(NULL), "/home/an/.local/share/tthc");
	assert_path(paths_cache_dir(NULL), "/home/an/.cache/tthc");
}

static void absolute_xdg_variables_are_used(void **state)
{
	(void)state;
	setenv("XDG_CONFIG_HOME", "/etc/xdg-an", 1);
	setenv("XDG_DATA_HOME", "/srv/data", 1);
	setenv("XDG_CACHE_HOME", "/var/cache/an", 1);
	assert_path(paths_config_file(NULL), "/etc/xdg-an/tthc/tthcrc");
	assert_path(paths_data_dir(NULL), "/srv/data/tthc");
	assert_path(paths_cache_dir(NULL), "/var/cache/an/tthc");
}

static void relative_or_empty_xdg_variables_are_ignored(void **state)
{
	(void)state;
	setenv("XDG_CONFIG_HOME", "config", 1);
	setenv("XDG_DATA_HOME", "./data", 1);
	setenv("XDG_CACHE_HOME", "", 1);
	assert_path(paths_config_file(NULL), "/home/an/.config/tthc/tthcrc");
	assert_path(paths_data_dir(NULL), "/home/an/.local/share/tthc");
	assert_path(paths_cache_dir(NULL), "/home/an/.cache/tthc");
}

static void home_falls_back_to_the_password_database(void **state)
{
	struct passwd *pw = getpwuid(getuid());
	char want[1024];

	(void)state;
	assert_non_null(pw);
	snprintf(want, sizeof want, "%s/.cache/tthc", pw->pw_dir);
	unsetenv("HOME");
	assert_path(paths_home(NULL), pw->pw_dir);
	setenv("HOME", "relative/home", 1);
	assert_path(paths_cache_dir(NULL), want);
}

static void tilde_is_expanded(void **state)
{
	struct passwd *root = getpwnam("root");
	char want[1024];
	struct tthc_err err = { 0 };

	(void)state;
	assert_path(paths_resolve("~", NULL, NULL), "/home/an");
	assert_path(paths_resolve("~/keys", "/etc", NULL), "/home/an/keys");
	assert_non_null(root);
	snprintf(want, sizeof want, "%s/ca.pem", root->pw_dir);
	assert_path(paths_resolve("~root/ca.pem", NULL, NULL), want);
	assert_null(paths_resolve("~no-such-user-here/x", NULL, &err));
	assert_int_equal(err.code, TTHC_E_NOT_FOUND);
	assert_non_null(strstr(err.msg, "no-such-user-here"));
}

static void relative_paths_join_the_base_directory(void **state)
{
	(void)state;
	assert_path(paths_resolve("keys", "/home/an/.config/tthc", NULL),
		    "/home/an/.config/tthc/keys");
	assert_path(paths_resolve("sub/keys", "rel", NULL), "rel/sub/keys");
	assert_path(paths_resolve("keys", NULL, NULL), "keys");
	assert_path(paths_resolve("/etc/tthc/keys", "/home/an", NULL), "/etc/tthc/keys");
	/* Only a leading ~ is special. */
	assert_path(paths_resolve("a~b", "/d", NULL), "/d/a~b");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, save_env, restore_env)
	const struct CMUnitTest tests[] = {
		T(defaults_are_under_home),
		T(absolute_xdg_variables_are_used),
		T(relative_or_empty_xdg_variables_are_ignored),
		T(home_falls_back_to_the_password_database),
		T(tilde_is_expanded),
		T(relative_paths_join_the_base_directory),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
