/* The lines of an rc file held in memory: physical lines joined into
 * logical ones where a line ends with a backslash (as NeoMutt does), a CR
 * before the LF dropped (files edited on Windows), a UTF-8 byte order mark
 * skipped (Notepad writes one).  Each physical line must be valid UTF-8
 * without control characters other than tab. */
#ifndef TTHC_CONFIG_READER_H
#define TTHC_CONFIG_READER_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

struct reader {
	const char *data;
	size_t len, pos;
	unsigned line;          /* physical lines consumed so far */
	struct buf logical;
};

void reader_init(struct reader *r, const char *data, size_t len);
void reader_free(struct reader *r);

/* s[0..len) is valid UTF-8 without control characters other than tab;
 * else where = "byte N" of the first bad one, counted from 1. */
int rc_check_text(const char *s, size_t len, struct tthc_err *err);

/* The next logical line in r->logical.  Returns 1 with *line = its first
 * physical line; 0 at the end; -1 for a bad line, skipped with the rest of
 * its logical line, *line = the bad physical line and err->where =
 * "byte N" (counted from 1 within that line). */
int reader_next(struct reader *r, unsigned *line, struct tthc_err *err);

#endif
