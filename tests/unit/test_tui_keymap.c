/* tui/logic/keymap: the compiled-in sets (generated from keymaps/NAME.keys),
 * every action reachable in every set, and the user's lines over them
 * through core/config's binding check. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "logic/keymap.h"
#include "logic/keys.h"

static void every_set_loads_without_error(void **state)
{
	(void)state;
	assert_int_equal(keymap_set_count, 3);
	for (size_t i = 0; i < keymap_set_count; i++) {
		struct tthc_err err = { 0 };
		struct keymap km;

		if (keymap_init(&km, keymap_sets[i]->name, &err) < 0)
			fail_msg("%s: %s: %s", keymap_sets[i]->name, err.where, err.msg);
		assert_true(keymap_sets[i]->n > 20);
		keymap_free(&km);
	}
}

/* DESIGN.md section 6: every action has a key in every set. */
static void every_action_has_a_key_in_every_set(void **state)
{
	(void)state;
	for (size_t i = 0; i < keymap_set_count; i++) {
		struct tthc_err err = { 0 };
		struct keymap km;

		assert_int_equal(keymap_init(&km, keymap_sets[i]->name, &err), 0);
		for (int a = 0; a < ACT_COUNT; a++) {
			size_t n = 0;
			int key;

			for (int v = 0; v < VIEW_COUNT; v++)
				n += keymap_keys_for(&km, (enum view_id)v, (enum action)a, &key, 1);
			if (n == 0)
				fail_msg("keymap %s: no key for %s", keymap_sets[i]->name,
					 action_name((enum action)a));
		}
		keymap_free(&km);
	}
}

static void default_keys_are_the_documented_ones(void **state)
{
	struct tthc_err err = { 0 };
	struct keymap km;
	const struct binding *b;

	(void)state;
	assert_int_equal(keymap_init(&km, "default", &err), 0);
	assert_non_null(b = keymap_lookup(&km, VIEW_INDEX, ';'));
	assert_int_equal(b->action, ACT_TAG_PREFIX);
	assert_non_null(b = keymap_lookup(&km, VIEW_INDEX, 'u'));
	assert_int_equal(b->action, ACT_UNDO);      /* from generic */
	assert_non_null(b = keymap_lookup(&km, VIEW_HELP, KEY_OF(TK_F1)));
	assert_int_equal(b->action, ACT_HELP);
	assert_null(keymap_lookup(&km, VIEW_MENU, ';'));    /* index only */
	keymap_free(&km);
}

static void unknown_set_is_an_error(void **state)
{
	struct tthc_err err = { 0 };
	struct keymap km;

	(void)state;
	assert_int_equal(keymap_init(&km, "emacs", &err), -1);
	assert_int_equal(err.code, TTHC_E_INVALID);
}

static char *write_rc(const char *text)
{
	char *path = strdup("/tmp/tthc-keymap-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void user_lines_override_and_bad_lines_are_reported(void **state)
{
	char *path = write_rc("bind index,case y approve\n"
			      "unbind generic u\n"
			      "macro index A \";a\" \"Approve the tagged\"\n"
			      "bind index z no-such-action\n"
			      "bind nowhere z approve\n"
			      "bind index <Nope> approve\n");
	struct config *cfg = config_new();
	struct tthc_err err = { 0 };
	struct keymap km;
	const struct binding *b;

	(void)state;
	config_set_binding_check(cfg, keymap_check, NULL);
	assert_int_equal(config_load_file(cfg, path, &err), 0);
	assert_int_equal(config_error_count(cfg), 3);
	assert_non_null(strstr(config_error_at(cfg, 0)->err.where, ":4"));
	assert_non_null(strstr(config_error_at(cfg, 0)->err.msg, "action"));
	assert_non_null(strstr(config_error_at(cfg, 1)->err.msg, "view"));
	assert_non_null(strstr(config_error_at(cfg, 2)->err.msg, "key"));
	assert_int_equal(keymap_init(&km, "default", &err), 0);
	assert_int_equal(keymap_apply_config(&km, cfg, &err), 0);
	assert_non_null(b = keymap_lookup(&km, VIEW_CASE, 'y'));
	assert_int_equal(b->action, ACT_APPROVE);
	assert_null(keymap_lookup(&km, VIEW_INDEX, 'u'));
	assert_non_null(b = keymap_lookup(&km, VIEW_INDEX, 'A'));
	assert_int_equal(b->n_macro, 2);
	assert_int_equal(b->macro[0], ';');
	assert_string_equal(b->description, "Approve the tagged");
	/* The defaults stay where the bad lines were. */
	assert_int_equal(keymap_lookup(&km, VIEW_INDEX, 'a')->action, ACT_APPROVE);
	keymap_free(&km);
	config_free(cfg);
	unlink(path);
	free(path);
}

static void a_view_binding_hides_generic_and_keys_for_says_so(void **state)
{
	struct tthc_err err = { 0 };
	struct keymap km;
	int keys[4];

	(void)state;
	assert_int_equal(keymap_init(&km, "default", &err), 0);
	assert_int_equal(keymap_keys_for(&km, VIEW_INDEX, ACT_BACK, keys, 4), 2);
	assert_int_equal(keymap_bind(&km, VIEW_INDEX, 'q', ACT_TAG), 0);
	assert_int_equal(keymap_keys_for(&km, VIEW_INDEX, ACT_BACK, keys, 4), 1);
	assert_int_equal(keys[0], 27);
	assert_int_equal(keymap_keys_for(&km, VIEW_MENU, ACT_BACK, keys, 4), 2);
	keymap_free(&km);
}

/* man/tthcrc.5 documents every action under VIEWS AND ACTIONS (run from
 * the top of the tree, or TTHC_BUILD says where it is, as
 * test_config_man.c does). */
static void the_manual_lists_every_action(void **state)
{
	const char *build = getenv("TTHC_BUILD");
	char path[1024], line[512], want[64];
	bool in_section = false, found[ACT_COUNT] = { false };
	FILE *f;

	(void)state;
	snprintf(path, sizeof path, "%s%sman/tthcrc.5", build ? build : "", build ? "/../" : "");
	assert_non_null(f = fopen(path, "r"));
	while (fgets(line, sizeof line, f)) {
		if (!strncmp(line, ".SH ", 4))
			in_section = !strcmp(line, ".SH VIEWS AND ACTIONS\n");
		for (int a = 0; in_section && a < ACT_COUNT; a++) {
			snprintf(want, sizeof want, ".B %s\n", action_name((enum action)a));
			found[a] |= !strcmp(line, want);
		}
	}
	fclose(f);
	for (int a = 0; a < ACT_COUNT; a++)
		if (!found[a])
			fail_msg("man/tthcrc.5 does not document %s", action_name((enum action)a));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_set_loads_without_error),
		cmocka_unit_test(every_action_has_a_key_in_every_set),
		cmocka_unit_test(default_keys_are_the_documented_ones),
		cmocka_unit_test(unknown_set_is_an_error),
		cmocka_unit_test(user_lines_override_and_bad_lines_are_reported),
		cmocka_unit_test(a_view_binding_hides_generic_and_keys_for_says_so),
		cmocka_unit_test(the_manual_lists_every_action),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
