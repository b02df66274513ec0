/* A growable byte buffer, always NUL-terminated so it can be used as a
 * string.  Allocation failure is sticky: after one, every append is a no-op
 * and buf_failed() says so, which lets a caller check once at the end. */
#ifndef TTHC_BUF_H
#define TTHC_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
	bool failed;
};

#define BUF_INIT { 0 }

void buf_append(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
bool buf_failed(const struct buf *b);
/* Room for n more bytes at the end, for a caller that writes them itself
 * (fewer calls than appending piece by piece): where to write, or NULL on
 * failure; then buf_added() with how many it wrote (at most n). */
char *buf_space(struct buf *b, size_t n);
void buf_added(struct buf *b, size_t n);
void buf_reset(struct buf *b);          /* keep the memory, drop the text */
char *buf_detach(struct buf *b);        /* caller frees; NULL if it failed */
void buf_free(struct buf *b);

#endif
