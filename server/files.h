/* Small file helpers for tthcd's directory (keys, certificates). */
#ifndef TTHCD_FILES_H
#define TTHCD_FILES_H

#include <stddef.h>
#include <sys/types.h>

#include "util/err.h"

/* dir + "/" + name into out (size bytes); -1 when it does not fit. */
int path_join(char *out, size_t size, const char *dir, const char *name, struct tthc_err *e);

/* Create path with exactly `mode` (never replacing a file) and write data,
 * flushed to disk. */
int file_write_new(const char *path, const void *data, size_t len, mode_t mode,
		   struct tthc_err *e);

/* The whole file, NUL-terminated (caller frees); at most max bytes. */
char *file_read(const char *path, size_t max, size_t *len, struct tthc_err *e);

#endif
