/* tthc text convert: legacy Vietnamese files to UTF-8 and back.
 *
 * Control characters are kept: this is a data tool, a byte that is a
 * control in the source is one in the result, and stripping is for what
 * reaches a terminal (after decoding: VISCII 0x05 is Ẵ, DESIGN.md 8). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "slurp.h"
#include "text/detect.h"
#include "text/encoding.h"
#include "text_cmds.h"
#include "util/i18n.h"

/* Below this, `--from auto` would be a guess: refuse it. */
#define AUTO_MIN_CONFIDENCE 0.5

struct convert {
	enum text_enc from, to;
	enum text_fallback fallback;
	size_t replaced;
};

static int convert_line(const char *line, size_t len, size_t lineno, void *ctx)
{
	struct convert *c = ctx;
	struct tthc_err err;
	size_t ulen, blen, replaced = 0;
	char *utf8, *bytes = NULL;

	if (c->from == TEXT_ENC_UTF8 && !cli_check_utf8_line(line, len, lineno))
		return EXIT_BAD_INPUT;
	/* Windows editors start UTF-8 files with a byte order mark: it says
	 * how the file is written, it is not text to carry over. */
	if (c->from == TEXT_ENC_UTF8 && lineno == 1 && len >= 3 &&
	    !memcmp(line, "\xEF\xBB\xBF", 3)) {
		line += 3;
		len -= 3;
	}
	utf8 = text_enc_decode(c->from, line, len, &ulen, &err);
	if (utf8)
		bytes = text_enc_encode(c->to, utf8, ulen, c->fallback, &blen,
					&replaced, &err);
	free(utf8);
	if (!bytes) {
		cli_error(_("line %zu, %s: %s"), lineno, err.where, err.msg);
		return EXIT_BAD_INPUT;
	}
	fwrite(bytes, 1, blen, stdout);
	putchar('\n');
	free(bytes);
	c->replaced += replaced;
	return 0;
}

static bool guess_source(const char *data, size_t len, enum text_enc *from)
{
	struct text_guess g;
	struct tthc_err err;
	char names[128] = "";
	size_t i;

	if (text_detect_encoding(data, len, &g, &err) < 0) {
		cli_error_err(&err);
		return false;
	}
	if (g.ambiguous) {
		for (i = 0; i < g.n; i++)
			snprintf(names + strlen(names), sizeof names - strlen(names),
				 "%s%s", i ? ", " : "", text_enc_name(g.candidates[i]));
		cli_error(_("cannot tell the encoding, it could be any of: %s; name it with --from"),
			  names);
		return false;
	}
	if (g.confidence < AUTO_MIN_CONFIDENCE) {
		cli_error(_("cannot tell the encoding (at best %s, confidence %d%%); name it with --from"),
			  text_enc_name(g.enc), (int)(g.confidence * 100.0 + 0.5));
		return false;
	}
	*from = g.enc;
	return true;
}

static int run(const char *path, bool from_auto, struct convert *c)
{
	size_t len;
	char *data;
	FILE *mem;
	int rc = EXIT_OK;

	data = cli_slurp_path(path, &len);
	if (!data)
		return EXIT_BAD_INPUT;
	if (from_auto && !guess_source(data, len, &c->from))
		rc = EXIT_BAD_INPUT;
	/* fmemopen refuses a buffer of size 0; an empty input has no lines. */
	if (rc == EXIT_OK && len > 0) {
		mem = fmemopen(data, len, "r");
		if (!mem) {
			cli_error("%s", _("out of memory"));
			rc = EXIT_BAD_INPUT;
		} else {
			rc = cli_each_line(mem, convert_line, c);
			fclose(mem);
		}
	}
	if (c->replaced)
		cli_error(ngettext("%zu character written without its marks (%s cannot hold it)",
				   "%zu characters written without their marks (%s cannot hold them)",
				   c->replaced),
			  c->replaced, text_enc_name(c->to));
	free(data);
	return rc;
}

static int usage_enc(const char *name)
{
	return cli_usage_error("text", _("unknown encoding '%s' (known: utf-8, tcvn3, vni, viscii, cp1258, tcvn5712-1)"),
			       name);
}

int text_cmd_convert(int argc, char **argv)
{
	struct convert c = { TEXT_ENC_UTF8, TEXT_ENC_UTF8, TEXT_FALLBACK_NONE, 0 };
	const char *path = NULL, *from = NULL, *to = NULL, *fallback = NULL;
	bool missing = false;
	int i;

	for (i = 1; i < argc; i++) {
		if (arg_is_help(argv[i])) {
			cli_print(stdout, _("Usage: tthc text convert --from ENC|auto --to ENC [--fallback=ascii] [FILE]\n"
					    "Convert each line of FILE (or standard input) from one encoding to\n"
					    "another: utf-8, tcvn3 (ABC), vni (VNI-Windows), viscii, cp1258,\n"
					    "tcvn5712-1.  --from auto detects the encoding from the whole input.\n"
					    "A character the target cannot hold is an error, unless\n"
					    "--fallback=ascii writes it without its marks (\"Nguyen\").\n"));
			return EXIT_OK;
		}
		if (arg_value(argc, argv, &i, "--from", &from, &missing) ||
		    arg_value(argc, argv, &i, "--to", &to, &missing) ||
		    arg_value(argc, argv, &i, "--fallback", &fallback, &missing)) {
			if (missing)
				return cli_usage_error("text", _("option '%s' needs a value"), argv[i]);
			continue;
		}
		if (arg_operand("text", argv[i], &path))
			return EXIT_USAGE;
	}
	if (!from || !to)
		return cli_usage_error("text", "%s", _("both --from and --to are needed"));
	if (strcmp(from, "auto") && !text_enc_lookup(from, &c.from))
		return usage_enc(from);
	if (!text_enc_lookup(to, &c.to))
		return usage_enc(to);
	if (fallback && strcmp(fallback, "ascii"))
		return cli_usage_error("text", _("--fallback takes only 'ascii', not '%s'"), fallback);
	if (fallback)
		c.fallback = TEXT_FALLBACK_UNMARK;
	return run(path, !strcmp(from, "auto"), &c);
}
