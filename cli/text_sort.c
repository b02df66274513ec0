#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "text/collate.h"
#include "text/nfc.h"
#include "text_cmds.h"
#include "util/buf.h"
#include "util/i18n.h"

/* Lines live in two arenas (NFC text, keys) and are found by offset, since
 * the arenas move as they grow. */
struct line_ref {
	size_t key, text, len;
};

struct sort_input {
	enum collate_mode mode;
	struct buf keys, texts;
	struct line_ref *refs;
	size_t n, cap;
};

struct sorted_line {
	const char *key, *text;
	size_t len;
};

static int add_line(const char *line, size_t len, size_t lineno, void *ctx)
{
	struct sort_input *in = ctx;
	struct line_ref ref = { in->keys.len, in->texts.len, 0 };
	struct tthc_err err = { 0 };
	char *nfc;

	if (!cli_check_utf8_line(line, len, lineno))
		return EXIT_BAD_INPUT;
	nfc = text_nfc(line, len, &ref.len, &err);
	if (!nfc || text_collate_key(nfc, ref.len, in->mode, &in->keys, &err)) {
		free(nfc);
		cli_error_err(&err);
		return EXIT_BAD_INPUT;
	}
	buf_append(&in->keys, "", 1);
	buf_append(&in->texts, nfc, ref.len);
	free(nfc);
	if (in->n == in->cap) {
		size_t cap = in->cap ? in->cap * 2 : 256;
		struct line_ref *refs = realloc(in->refs, cap * sizeof *refs);

		if (!refs) {
			cli_error("%s", _("out of memory"));
			return EXIT_BAD_INPUT;
		}
		in->refs = refs;
		in->cap = cap;
	}
	in->refs[in->n++] = ref;
	if (buf_failed(&in->keys) || buf_failed(&in->texts)) {
		cli_error("%s", _("out of memory"));
		return EXIT_BAD_INPUT;
	}
	return 0;
}

/* By key, then by the NFC bytes, so that lines equal in collation (they
 * differ only in ignorable characters) still come out in one fixed order
 * whatever order they came in. */
static int compare_lines(const void *pa, const void *pb)
{
	const struct sorted_line *a = pa, *b = pb;
	int cmp = strcmp(a->key, b->key);

	if (cmp)
		return cmp;
	cmp = memcmp(a->text, b->text, a->len < b->len ? a->len : b->len);
	if (cmp)
		return cmp;
	return (a->len > b->len) - (a->len < b->len);
}

static int write_sorted(const struct sort_input *in, bool reverse)
{
	struct sorted_line *lines = malloc((in->n ? in->n : 1) * sizeof *lines);
	size_t i;

	if (!lines) {
		cli_error("%s", _("out of memory"));
		return EXIT_BAD_INPUT;
	}
	for (i = 0; i < in->n; i++) {
		lines[i].key = in->keys.data + in->refs[i].key;
		lines[i].text = in->texts.data + in->refs[i].text;
		lines[i].len = in->refs[i].len;
	}
	qsort(lines, in->n, sizeof *lines, compare_lines);
	for (i = 0; i < in->n; i++) {
		const struct sorted_line *l = &lines[reverse ? in->n - 1 - i : i];

		fwrite(l->text, 1, l->len, stdout);
		putchar('\n');
	}
	free(lines);
	return EXIT_OK;
}

int text_cmd_sort(int argc, char **argv)
{
	struct sort_input in = { .mode = COLLATE_PLAIN };
	const char *path = NULL;
	bool reverse = false;
	int i, rc;

	for (i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			cli_print(stdout, _("Usage: tthc text sort [--names] [--reverse] [FILE]\n"
					    "Sort the lines of FILE (or standard input) in Vietnamese order:\n"
					    "base letters first, then tones, then case.  Output is NFC.\n\n"
					    "  --names     sort people by given name (the last word), then\n"
					    "              family and middle names\n"
					    "  --reverse   write the lines in the opposite order\n"));
			return EXIT_OK;
		}
		if (!strcmp(argv[i], "--names"))
			in.mode = COLLATE_NAMES;
		else if (!strcmp(argv[i], "--reverse"))
			reverse = true;
		else if (arg_operand("text", argv[i], &path))
			return EXIT_USAGE;
	}
	/* All or nothing: a bad line anywhere means no output at all, since a
	 * sorted list missing a line would look complete. */
	rc = cli_each_line_of(path, add_line, &in);
	if (!rc)
		rc = write_sorted(&in, reverse);
	buf_free(&in.keys);
	buf_free(&in.texts);
	free(in.refs);
	return rc;
}
