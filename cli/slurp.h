/* The whole of an input, for commands that must see all of it before the
 * first line (encoding detection). */
#ifndef TTHC_CLI_SLURP_H
#define TTHC_CLI_SLURP_H

#include <stddef.h>
#include <stdio.h>

/* All bytes of f (caller frees; *len its length).  On a read error or
 * out of memory prints the reason and returns NULL. */
char *cli_slurp(FILE *f, size_t *len);

/* The same for FILE, or standard input when path is NULL or "-". */
char *cli_slurp_path(const char *path, size_t *len);

#endif
