/* core/config: the tthcrc grammar, source, error collection, overrides,
 * on real files in a temporary directory. */
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
#include <unistd.h>

#include "config/config.h"

static char dir[512];

static int make_dir(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(dir, sizeof dir, "%s/tthc-config.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	return mkdtemp(dir) ? 0 : -1;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int remove_dir(void **state)
{
	(void)state;
	unsetenv("TTHC_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
	return nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* dir/name; a few at a time stay valid. */
static const char *in_dir(const char *name)
{
	static char paths[4][1024];
	static int next;
	char *p = paths[next++ % 4];

	snprintf(p, sizeof paths[0], "%s/%s", dir, name);
	return p;
}

static void put_bytes(const char *name, const char *data, size_t len)
{
	FILE *f = fopen(in_dir(name), "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void put(const char *name, const char *text)
{
	put_bytes(name, text, strlen(text));
}

static struct config *load(const char *name)
{
	struct config *cfg = config_new();
	struct tthc_err err = { 0 };

	assert_non_null(cfg);
	assert_int_equal(config_load_file(cfg, in_dir(name), &err), 0);
	return cfg;
}

static void assert_error(const struct config *cfg, size_t i, const char *file,
			 unsigned line, const char *part)
{
	const struct config_error *e = config_error_at(cfg, i);

	assert_non_null(e);
	assert_string_equal(e->file, file);
	assert_int_equal(e->line, line);
	if (!strstr(e->err.msg, part))
		fail_msg("error %zu is '%s', not about '%s'", i, e->err.msg, part);
}

static const struct config_binding *binding(const struct config *cfg, const char *view,
					    const char *key)
{
	size_t i;

	for (i = 0; i < config_binding_count(cfg); i++) {
		const struct config_binding *b = config_binding_at(cfg, i);

		if (!strcmp(b->view, view) && !strcmp(b->key, key))
			return b;
	}
	return NULL;
}

static void set_stores_value_and_origin(void **state)
{
	struct config *cfg;
	char origin[1100];

	(void)state;
	put("rc", "\n\nset user \"Nguyễn Văn An\"\nset push-delay 1m\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 0);
	assert_string_equal(config_string(cfg, CONFIG_USER), "Nguyễn Văn An");
	assert_int_equal(config_number(cfg, CONFIG_PUSH_DELAY), 60);
	snprintf(origin, sizeof origin, "%s:3", in_dir("rc"));
	assert_string_equal(config_origin(cfg, CONFIG_USER), origin);
	assert_null(config_origin(cfg, CONFIG_SERVER));
	assert_string_equal(config_file(cfg), in_dir("rc"));
	config_free(cfg);
}

static void set_accepts_neomutt_equals_forms(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "set user = an\nset charset=viscii\nset keymap =vi\n");
	cfg = load("rc");
	assert_string_equal(config_string(cfg, CONFIG_USER), "an");
	assert_string_equal(config_string(cfg, CONFIG_CHARSET), "viscii");
	assert_int_equal(config_error_count(cfg), 1);   /* "=vi" is no keymap */
	assert_error(cfg, 0, in_dir("rc"), 3, "'=vi' is not one of");
	assert_string_equal(config_string(cfg, CONFIG_KEYMAP), "default");
	config_free(cfg);
}

static void unset_restores_the_default(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "set push-delay 5\nset user an\nunset push-delay\nunset user\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 0);
	assert_int_equal(config_number(cfg, CONFIG_PUSH_DELAY), 30);
	assert_string_equal(config_string(cfg, CONFIG_USER), "");
	assert_null(config_origin(cfg, CONFIG_PUSH_DELAY));
	config_free(cfg);
}

static void bindings_and_macros_are_kept_as_data(void **state)
{
	struct config *cfg;
	const struct config_binding *b;
	char origin[1100];

	(void)state;
	put("rc", "bind index a approve\n"
		  "macro index A \"<tag-all>;a\" \"Approve all\"\n"
		  "macro case x 'q'\n"
		  "unbind index d\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 0);
	assert_int_equal(config_binding_count(cfg), 4);
	b = binding(cfg, "index", "a");
	assert_int_equal(b->kind, CONFIG_BIND);
	assert_string_equal(b->action, "approve");
	snprintf(origin, sizeof origin, "%s:1", in_dir("rc"));
	assert_string_equal(b->origin, origin);
	b = binding(cfg, "index", "A");
	assert_int_equal(b->kind, CONFIG_MACRO);
	assert_string_equal(b->keys, "<tag-all>;a");
	assert_string_equal(b->description, "Approve all");
	assert_null(b->action);
	b = binding(cfg, "case", "x");
	assert_string_equal(b->keys, "q");
	assert_null(b->description);
	assert_int_equal(binding(cfg, "index", "d")->kind, CONFIG_UNBIND);
	config_free(cfg);
}

static void later_binding_replaces_earlier(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "bind index j next\nmacro index j \"jj\"\nbind index k prev\n"
		  "unbind index k\nbind index j down\n");
	cfg = load("rc");
	assert_int_equal(config_binding_count(cfg), 2);
	assert_int_equal(binding(cfg, "index", "j")->kind, CONFIG_BIND);
	assert_string_equal(binding(cfg, "index", "j")->action, "down");
	assert_int_equal(binding(cfg, "index", "k")->kind, CONFIG_UNBIND);
	config_free(cfg);
}

static void many_bindings_keep_one_entry_per_view_and_key(void **state)
{
	enum { N = 20000 };
	struct config *cfg;
	char line[64], key[16];
	FILE *f = fopen(in_dir("rc"), "w");
	int i;

	(void)state;
	assert_non_null(f);
	for (i = 0; i < N; i++)
		fprintf(f, "bind index k%d next\nbind case k%d next\n", i, i);
	for (i = 0; i < N; i += 2)
		fprintf(f, "macro index k%d x%d\n", i, i);
	assert_int_equal(fclose(f), 0);
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 0);
	assert_int_equal(config_binding_count(cfg), 2 * N);
	/* First definitions keep their place: index k0, case k0, index k1... */
	for (i = 0; i < N; i++) {
		const struct config_binding *b = config_binding_at(cfg, 2 * (size_t)i);

		snprintf(key, sizeof key, "k%d", i);
		assert_string_equal(b->view, "index");
		assert_string_equal(b->key, key);
		assert_int_equal(b->kind, i % 2 ? CONFIG_BIND : CONFIG_MACRO);
		assert_string_equal(config_binding_at(cfg, 2 * (size_t)i + 1)->view, "case");
	}
	snprintf(line, sizeof line, "x%d", N - 2);
	snprintf(key, sizeof key, "k%d", N - 2);
	assert_string_equal(binding(cfg, "index", key)->keys, line);
	config_free(cfg);
}

static void bind_takes_a_comma_list_of_views(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "bind index,case g top\nbind index,,case h top\n");
	cfg = load("rc");
	assert_string_equal(binding(cfg, "index", "g")->action, "top");
	assert_string_equal(binding(cfg, "case", "g")->action, "top");
	assert_null(binding(cfg, "index", "h"));
	assert_int_equal(config_error_count(cfg), 1);
	assert_error(cfg, 0, in_dir("rc"), 2, "empty view");
	config_free(cfg);
}

static const char *check_binding(void *ctx, const char *view, const char *key,
				 const char *action)
{
	int *calls = ctx;

	(*calls)++;
	if (strcmp(view, "index") && strcmp(view, "case"))
		return "no such view";
	if (!strcmp(key, "<Nope>"))
		return "no such key";
	if (action && strcmp(action, "approve") && strcmp(action, "next"))
		return "no such action";
	return NULL;
}

static void binding_check_makes_unknown_names_line_errors(void **state)
{
	struct config *cfg = config_new();
	struct tthc_err err;
	int calls = 0;

	(void)state;
	put("rc", "bind index a approve\n"
		  "bind inbox a approve\n"
		  "bind index <Nope> approve\n"
		  "bind index b fly\n"
		  "macro pager m x\n"
		  "unbind case,attic z\n"
		  "bind case n next\n");
	config_set_binding_check(cfg, check_binding, &calls);
	assert_int_equal(config_load_file(cfg, in_dir("rc"), &err), 0);
	assert_int_equal(config_error_count(cfg), 5);
	assert_error(cfg, 0, in_dir("rc"), 2, "no such view");
	assert_error(cfg, 1, in_dir("rc"), 3, "no such key");
	assert_error(cfg, 2, in_dir("rc"), 4, "no such action");
	assert_error(cfg, 3, in_dir("rc"), 5, "no such view");
	assert_error(cfg, 4, in_dir("rc"), 6, "no such view");
	/* A list with one bad view stores nothing, not even the good view. */
	assert_null(binding(cfg, "case", "z"));
	assert_int_equal(config_binding_count(cfg), 2);
	assert_int_equal(calls, 8);
	config_free(cfg);
}

static void double_quotes_take_escapes(void **state)
{
	struct config *cfg;
	const struct config_binding *b;

	(void)state;
	put("rc", "macro index a \"say \\\"hi\\\" \\\\ \\Cx\\n\\t<enter>\" 'd'\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 0);
	b = binding(cfg, "index", "a");
	assert_non_null(b);
	/* \Cx is key notation: left for the TUI, backslash and all. */
	assert_string_equal(b->keys, "say \"hi\" \\ \\Cx\n\t<enter>");
	config_free(cfg);
}

static void single_quotes_and_bare_words_are_literal(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "macro index a 'x\\n\"y\"'\nbind index \\Cx next\nset user ab'c d'\"e\"\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 0);
	assert_string_equal(binding(cfg, "index", "a")->keys, "x\\n\"y\"");
	assert_non_null(binding(cfg, "index", "\\Cx"));
	assert_string_equal(config_string(cfg, CONFIG_USER), "abc de");
	config_free(cfg);
}

static void comments_only_begin_a_word_outside_quotes(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "# a comment\n"
		  "   # an indented comment\n"
		  "set user an # a trailing comment\n"
		  "set charset \"a # b\"\n"
		  "bind index '#' next\n"
		  "bind index x#y next#\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 0);
	assert_string_equal(config_string(cfg, CONFIG_USER), "an");
	assert_string_equal(config_string(cfg, CONFIG_CHARSET), "a # b");
	assert_non_null(binding(cfg, "index", "#"));
	assert_string_equal(binding(cfg, "index", "x#y")->action, "next#");
	config_free(cfg);
}

static void backslash_at_end_continues_the_line(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "bind index \\\n   j \\\nnext\n"
		  "set user \"Nguyễn \\\nVăn\"\n"
		  "bogus\n");
	cfg = load("rc");
	assert_string_equal(binding(cfg, "index", "j")->action, "next");
	assert_string_equal(config_string(cfg, CONFIG_USER), "Nguyễn Văn");
	/* Numbering goes on counting physical lines. */
	assert_int_equal(config_error_count(cfg), 1);
	assert_error(cfg, 0, in_dir("rc"), 6, "unknown command: bogus");
	config_free(cfg);
}

static void crlf_and_byte_order_mark_are_accepted(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "\xEF\xBB\xBFset user an\r\n\r\nset charset tcvn\r\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 0);
	assert_string_equal(config_string(cfg, CONFIG_USER), "an");
	assert_string_equal(config_string(cfg, CONFIG_CHARSET), "tcvn");
	config_free(cfg);
}

static void unclosed_quote_is_a_line_error(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "set user \"an\nset charset 'x\nset keymap vi\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 2);
	assert_error(cfg, 0, in_dir("rc"), 1, "byte 10: the quote is not closed");
	assert_error(cfg, 1, in_dir("rc"), 2, "byte 13");
	assert_string_equal(config_string(cfg, CONFIG_KEYMAP), "vi");
	config_free(cfg);
}

static void every_bad_line_is_reported_and_the_rest_loads(void **state)
{
	struct config *cfg;
	char text[1200], want[1200];
	const struct config_error *e;

	(void)state;
	put("rc", "set user an\n"
		  "set server http://tthc.example.vn\n"
		  "set keymap vi\n"
		  "set colour red\n"
		  "bind index j\n"
		  "set sync-interval 10m\n"
		  "frobnicate\n"
		  "set language en\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 4);
	assert_error(cfg, 0, in_dir("rc"), 2, "plain http is refused");
	assert_error(cfg, 1, in_dir("rc"), 4, "unknown setting: colour");
	assert_error(cfg, 2, in_dir("rc"), 5, "usage: bind VIEW KEY ACTION");
	assert_error(cfg, 3, in_dir("rc"), 7, "unknown command: frobnicate");
	assert_string_equal(config_string(cfg, CONFIG_USER), "an");
	assert_string_equal(config_string(cfg, CONFIG_SERVER), "");
	assert_string_equal(config_string(cfg, CONFIG_KEYMAP), "vi");
	assert_int_equal(config_number(cfg, CONFIG_SYNC_INTERVAL), 600);
	assert_string_equal(config_string(cfg, CONFIG_LANGUAGE), "en");
	e = config_error_at(cfg, 1);
	assert_int_equal(e->err.code, TTHC_E_UNKNOWN_FIELD);
	snprintf(text, sizeof text, "%s:4", in_dir("rc"));
	assert_string_equal(e->err.where, text);
	snprintf(want, sizeof want, "%s:4: unknown setting: colour", in_dir("rc"));
	assert_string_equal(tthc_err_text(&e->err, text, sizeof text), want);
	assert_null(config_error_at(cfg, 4));
	config_free(cfg);
}

static void empty_argument_is_a_line_error(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "bind index \"\" next\nset user \"\"\nset user=\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 3);
	assert_error(cfg, 0, in_dir("rc"), 1, "argument 2 is empty");
	assert_error(cfg, 1, in_dir("rc"), 2, "argument 2 is empty");
	assert_error(cfg, 2, in_dir("rc"), 3, "unset user");
	assert_int_equal(config_binding_count(cfg), 0);
	config_free(cfg);
}

static void source_is_relative_to_the_including_file(void **state)
{
	struct config *cfg;

	(void)state;
	assert_int_equal(mkdir(in_dir("sub"), 0700), 0);
	put("rc", "source sub/keys\nset user top\n");
	put("sub/keys", "source more\nbind index j next\nbogus\n");
	put("sub/more", "set charset viscii\n");
	put("more", "set charset wrong-file\n");
	cfg = load("rc");
	assert_string_equal(config_string(cfg, CONFIG_CHARSET), "viscii");
	assert_non_null(binding(cfg, "index", "j"));
	assert_string_equal(config_string(cfg, CONFIG_USER), "top");
	/* An error in a sourced file names that file. */
	assert_int_equal(config_error_count(cfg), 1);
	assert_error(cfg, 0, in_dir("sub/keys"), 3, "unknown command");
	config_free(cfg);
}

static void source_expands_tilde(void **state)
{
	struct config *cfg;
	char *old = getenv("HOME") ? strdup(getenv("HOME")) : NULL;

	(void)state;
	setenv("HOME", dir, 1);
	put("rc", "source ~/keys\nset ca-file ~/ca.pem\n");
	put("keys", "set user from-home\n");
	put("ca.pem", "-----BEGIN CERTIFICATE-----\n");
	cfg = load("rc");
	if (old)
		setenv("HOME", old, 1);
	free(old);
	assert_int_equal(config_error_count(cfg), 0);
	assert_string_equal(config_string(cfg, CONFIG_USER), "from-home");
	assert_string_equal(config_string(cfg, CONFIG_CA_FILE), in_dir("ca.pem"));
	config_free(cfg);
}

static void source_loop_is_refused(void **state)
{
	struct config *cfg;

	(void)state;
	put("a", "set user a\nsource b\n");
	put("b", "source a\nsource b\nset charset b\n");
	cfg = load("a");
	assert_int_equal(config_error_count(cfg), 2);
	assert_error(cfg, 0, in_dir("b"), 1, "source loop");
	assert_error(cfg, 1, in_dir("b"), 2, "source loop");
	assert_int_equal(config_error_at(cfg, 0)->err.code, TTHC_E_REFUSED);
	assert_string_equal(config_string(cfg, CONFIG_USER), "a");
	assert_string_equal(config_string(cfg, CONFIG_CHARSET), "b");
	config_free(cfg);
}

static void same_file_sourced_twice_is_no_loop(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "source keys\nset user x\nsource keys\n");
	put("keys", "set user from-keys\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 0);
	assert_string_equal(config_string(cfg, CONFIG_USER), "from-keys");
	config_free(cfg);
}

static void source_depth_is_bounded(void **state)
{
	struct config *cfg;
	char name[16], text[64];
	int i;

	(void)state;
	/* f0 sources f1 ... sources f29: only 16 levels below f0 are read. */
	for (i = 0; i < 30; i++) {
		snprintf(name, sizeof name, "f%d", i);
		snprintf(text, sizeof text, "set user level%d\nsource f%d\n", i, i + 1);
		put(name, text);
	}
	cfg = load("f0");
	assert_int_equal(config_error_count(cfg), 1);
	assert_error(cfg, 0, in_dir("f16"), 2, "more than 16 deep");
	assert_int_equal(config_error_at(cfg, 0)->err.code, TTHC_E_TOO_DEEP);
	assert_string_equal(config_string(cfg, CONFIG_USER), "level16");
	config_free(cfg);
}

static void missing_or_unreadable_source_is_a_line_error(void **state)
{
	struct config *cfg;

	(void)state;
	assert_int_equal(mkdir(in_dir("adir"), 0700), 0);
	put("rc", "source nowhere\nsource adir\nsource\nset user still\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 3);
	assert_error(cfg, 0, in_dir("rc"), 1, "cannot read");
	assert_int_equal(config_error_at(cfg, 0)->err.code, TTHC_E_NOT_FOUND);
	assert_error(cfg, 1, in_dir("rc"), 2, "cannot read");
	assert_error(cfg, 2, in_dir("rc"), 3, "usage: source FILE");
	assert_string_equal(config_string(cfg, CONFIG_USER), "still");
	config_free(cfg);
}

static void explicit_file_must_exist_default_need_not(void **state)
{
	struct config *cfg = config_new();
	struct tthc_err err = { 0 };

	(void)state;
	assert_int_equal(config_load_user(cfg, in_dir("none"), &err), -1);
	assert_int_equal(err.code, TTHC_E_NOT_FOUND);
	assert_non_null(strstr(err.msg, in_dir("none")));

	setenv("TTHC_CONFIG", in_dir("none-either"), 1);
	assert_int_equal(config_load_user(cfg, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "none-either"));
	unsetenv("TTHC_CONFIG");

	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_int_equal(config_load_user(cfg, NULL, &err), 0);
	assert_null(config_file(cfg));

	assert_int_equal(mkdir(in_dir("tthc"), 0700), 0);
	put("tthc/tthcrc", "set user xdg\n");
	assert_int_equal(config_load_user(cfg, NULL, &err), 0);
	assert_string_equal(config_file(cfg), in_dir("tthc/tthcrc"));
	assert_string_equal(config_string(cfg, CONFIG_USER), "xdg");

	/* $TTHC_CONFIG wins over the XDG file, --config over both. */
	put("env-rc", "set user env\n");
	put("flag-rc", "set user flag\n");
	setenv("TTHC_CONFIG", in_dir("env-rc"), 1);
	assert_int_equal(config_load_user(cfg, NULL, &err), 0);
	assert_string_equal(config_string(cfg, CONFIG_USER), "env");
	assert_int_equal(config_load_user(cfg, in_dir("flag-rc"), &err), 0);
	assert_string_equal(config_string(cfg, CONFIG_USER), "flag");
	assert_int_equal(config_error_count(cfg), 0);
	config_free(cfg);
}

static void command_line_lines_apply_after_the_file(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "set user file\nset keymap vi\n");
	cfg = load("rc");
	assert_int_equal(config_apply_line(cfg, "set user cli"), 0);
	assert_int_equal(config_apply_line(cfg, "set keymap emacs"), -1);
	assert_int_equal(config_apply_line(cfg, "bind index x approve # a comment"), 0);
	assert_string_equal(config_string(cfg, CONFIG_USER), "cli");
	assert_string_equal(config_origin(cfg, CONFIG_USER), "command line");
	assert_string_equal(config_string(cfg, CONFIG_KEYMAP), "vi");
	assert_string_equal(binding(cfg, "index", "x")->origin, "command line");
	assert_int_equal(config_error_count(cfg), 1);
	assert_error(cfg, 0, "command line", 0, "'emacs' is not one of: default|vi|fkeys");
	assert_string_equal(config_error_at(cfg, 0)->err.where, "command line");
	config_free(cfg);
}

static void relative_paths_on_the_command_line_use_the_working_directory(void **state)
{
	struct config *cfg = config_new();
	char cwd[1024];

	(void)state;
	put("keys", "set user sourced\n");
	put("ca.pem", "x\n");
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(config_apply_line(cfg, "source keys"), 0);
	assert_int_equal(config_apply_line(cfg, "set ca-file ca.pem"), 0);
	assert_int_equal(chdir(cwd), 0);
	assert_string_equal(config_string(cfg, CONFIG_USER), "sourced");
	assert_string_equal(config_string(cfg, CONFIG_CA_FILE), "ca.pem");
	config_free(cfg);
}

static void ca_file_is_relative_to_the_rc_file_and_must_be_readable(void **state)
{
	struct config *cfg;

	(void)state;
	assert_int_equal(mkdir(in_dir("etc"), 0700), 0);
	put("etc/province-ca.pem", "-----BEGIN CERTIFICATE-----\n");
	put("etc/rc", "set ca-file province-ca.pem\nset ca-file missing.pem\nset ca-file .\n");
	cfg = load("etc/rc");
	assert_string_equal(config_string(cfg, CONFIG_CA_FILE), in_dir("etc/province-ca.pem"));
	assert_int_equal(config_error_count(cfg), 2);
	assert_error(cfg, 0, in_dir("etc/rc"), 2, "cannot read");
	assert_error(cfg, 1, in_dir("etc/rc"), 3, "not a regular file");
	config_free(cfg);
}

static void values_are_normalised_to_nfc(void **state)
{
	struct config *cfg;

	(void)state;
	/* "Nguyễn" with e + circumflex + tilde as combining marks. */
	put("rc", "set user \"Nguye\xCC\x82\xCC\x83n\"\nbind index \"\xC6\xA1\xCC\x81\" next\n");
	cfg = load("rc");
	assert_string_equal(config_string(cfg, CONFIG_USER), "Nguy\xE1\xBB\x85n");
	assert_non_null(binding(cfg, "index", "\xE1\xBB\x9B"));     /* ớ */
	config_free(cfg);
}

static void invalid_utf8_names_line_and_byte(void **state)
{
	struct config *cfg;

	(void)state;
	put("rc", "set user an\nset user \xC3\x28x\nset charset \\\nab\xFF\nset keymap vi\n");
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 2);
	assert_error(cfg, 0, in_dir("rc"), 2, "byte 10: invalid UTF-8");
	assert_int_equal(config_error_at(cfg, 0)->err.code, TTHC_E_BAD_UTF8);
	/* In a continued line, the physical line that holds the bad byte. */
	assert_error(cfg, 1, in_dir("rc"), 4, "byte 3: invalid UTF-8");
	assert_string_equal(config_string(cfg, CONFIG_USER), "an");
	assert_string_equal(config_string(cfg, CONFIG_CHARSET), "");
	assert_string_equal(config_string(cfg, CONFIG_KEYMAP), "vi");
	config_free(cfg);
}

static void control_characters_are_line_errors(void **state)
{
	struct config *cfg;
	static const char text[] = "set user a\x01\nset charset x\0y\nset\tkeymap\tvi\n";

	(void)state;
	put_bytes("rc", text, sizeof text - 1);
	cfg = load("rc");
	assert_int_equal(config_error_count(cfg), 2);
	assert_error(cfg, 0, in_dir("rc"), 1, "byte 11: control character");
	assert_error(cfg, 1, in_dir("rc"), 2, "byte 14: control character");
	assert_string_equal(config_string(cfg, CONFIG_KEYMAP), "vi");
	config_free(cfg);
}

static void a_megabyte_of_garbage_loads_with_errors(void **state)
{
	enum { SIZE = 1 << 20 };
	char *junk = malloc(SIZE);
	struct config *cfg;
	uint32_t x = 12345;
	size_t i;

	(void)state;
	assert_non_null(junk);
	for (i = 0; i < SIZE; i++) {
		x = x * 1103515245u + 12345u;     /* a fixed LCG: the same bytes each run */
		junk[i] = (char)(x >> 16);
	}
	put_bytes("junk", junk, SIZE);
	/* The same bytes read as text lines of printable ASCII, quotes and all. */
	for (i = 0; i < SIZE; i++)
		junk[i] = (i % 61 == 60) ? '\n' : (char)(' ' + (unsigned char)junk[i] % 95);
	put_bytes("printable", junk, SIZE);
	free(junk);
	put("rc", "source junk\nsource printable\nset user survived\n");
	cfg = load("rc");
	assert_true(config_error_count(cfg) > 100);
	assert_string_equal(config_string(cfg, CONFIG_USER), "survived");
	config_free(cfg);
}

static void oversized_file_is_refused(void **state)
{
	struct config *cfg = config_new();
	struct tthc_err err = { 0 };
	FILE *f = fopen(in_dir("big"), "wb");

	(void)state;
	assert_non_null(f);
	assert_int_equal(fseek(f, 5L << 20, SEEK_SET), 0);   /* a sparse 5 MiB */
	assert_int_equal(fputc('\n', f), '\n');
	assert_int_equal(fclose(f), 0);
	assert_int_equal(config_load_file(cfg, in_dir("big"), &err), -1);
	assert_int_equal(err.code, TTHC_E_TOO_LARGE);
	assert_null(config_file(cfg));
	config_free(cfg);
}

static void long_path_keeps_the_line_number(void **state)
{
	struct config *cfg;
	char name[300], origin[1400];
	const struct config_error *e;
	size_t len;

	(void)state;
	memset(name, 'd', 200);
	name[200] = '\0';
	assert_int_equal(mkdir(in_dir(name), 0700), 0);
	strcat(name, "/rc");
	put(name, "\n\nbogus\nset user an\n");
	cfg = load(name);
	e = config_error_at(cfg, 0);
	assert_non_null(e);
	assert_string_equal(e->file, in_dir(name));
	len = strlen(e->err.where);
	assert_true(len < sizeof e->err.where);
	assert_string_equal(e->err.where + len - 5, "/rc:3");
	assert_memory_equal(e->err.where, "...", 3);
	/* An origin is not cut. */
	snprintf(origin, sizeof origin, "%s:4", in_dir(name));
	assert_string_equal(config_origin(cfg, CONFIG_USER), origin);
	config_free(cfg);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, make_dir, remove_dir)
	const struct CMUnitTest tests[] = {
		T(set_stores_value_and_origin),
		T(set_accepts_neomutt_equals_forms),
		T(unset_restores_the_default),
		T(bindings_and_macros_are_kept_as_data),
		T(later_binding_replaces_earlier),
		T(many_bindings_keep_one_entry_per_view_and_key),
		T(bind_takes_a_comma_list_of_views),
		T(binding_check_makes_unknown_names_line_errors),
		T(double_quotes_take_escapes),
		T(single_quotes_and_bare_words_are_literal),
		T(comments_only_begin_a_word_outside_quotes),
		T(backslash_at_end_continues_the_line),
		T(crlf_and_byte_order_mark_are_accepted),
		T(unclosed_quote_is_a_line_error),
		T(every_bad_line_is_reported_and_the_rest_loads),
		T(empty_argument_is_a_line_error),
		T(source_is_relative_to_the_including_file),
		T(source_expands_tilde),
		T(source_loop_is_refused),
		T(same_file_sourced_twice_is_no_loop),
		T(source_depth_is_bounded),
		T(missing_or_unreadable_source_is_a_line_error),
		T(explicit_file_must_exist_default_need_not),
		T(command_line_lines_apply_after_the_file),
		T(relative_paths_on_the_command_line_use_the_working_directory),
		T(ca_file_is_relative_to_the_rc_file_and_must_be_readable),
		T(values_are_normalised_to_nfc),
		T(invalid_utf8_names_line_and_byte),
		T(control_characters_are_line_errors),
		T(a_megabyte_of_garbage_loads_with_errors),
		T(oversized_file_is_refused),
		T(long_path_keeps_the_line_number),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
