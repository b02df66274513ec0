/* The list of bad lines a load collected. */
#include "config/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* "FILE:LINE" into where; a path too long for it loses its front, not the
 * line number a person needs to find the line. */
static void set_where(struct tthc_err *e, const char *file, unsigned line)
{
	char suffix[16] = "";
	size_t room = sizeof e->where - 1, flen = strlen(file), slen;

	if (line)
		snprintf(suffix, sizeof suffix, ":%u", line);
	slen = strlen(suffix);
	if (flen + slen <= room)
		snprintf(e->where, sizeof e->where, "%s%s", file, suffix);
	else
		snprintf(e->where, sizeof e->where, "...%s%s", file + flen - (room - 3 - slen),
			 suffix);
}

void rc_err_place(struct tthc_err *e, const char *file, unsigned line)
{
	/* A finer place found by the reader or the lexer ("byte 17") goes in
	 * front of the message: FILE:LINE: byte 17: invalid UTF-8. */
	if (e->where[0]) {
		struct tthc_err inner = *e;

		tthc_fail(e, inner.code, NULL, "%s: %s", inner.where, inner.msg);
	}
	set_where(e, file, line);
}

char *rc_origin(const struct rc_frame *at)
{
	struct buf b = BUF_INIT;

	buf_puts(&b, at->file);
	if (at->line)
		buf_printf(&b, ":%u", at->line);
	return buf_detach(&b);
}

void config_error_add(struct config *cfg, const struct rc_frame *at,
		      const struct tthc_err *e)
{
	struct config_error *slot;

	if (cfg->nerrors == cfg->errors_cap) {
		size_t cap = cfg->errors_cap ? cfg->errors_cap * 2 : 8;
		struct config_error *grown = realloc(cfg->errors, cap * sizeof *grown);

		if (!grown) {
			cfg->out_of_memory = true;
			return;
		}
		cfg->errors = grown;
		cfg->errors_cap = cap;
	}
	slot = &cfg->errors[cfg->nerrors];
	slot->file = strdup(at->file);
	if (!slot->file) {
		cfg->out_of_memory = true;
		return;
	}
	slot->line = at->line;
	slot->err = *e;
	rc_err_place(&slot->err, at->file, at->line);
	cfg->nerrors++;
}

size_t config_error_count(const struct config *cfg)
{
	return cfg->nerrors;
}

const struct config_error *config_error_at(const struct config *cfg, size_t i)
{
	return i < cfg->nerrors ? &cfg->errors[i] : NULL;
}
