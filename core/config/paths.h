/* Where tthc keeps its files, after the XDG Base Directory Specification
 * (https://specifications.freedesktop.org/basedir-spec/latest/), and the ~
 * expansion that rc files use.  Every function returns a new string that
 * the caller frees, or NULL with *err filled. */
#ifndef TTHC_CONFIG_PATHS_H
#define TTHC_CONFIG_PATHS_H

#include "util/err.h"

/* $HOME when it is an absolute path, else the home of the password
 * database's entry for the user. */
char *paths_home(struct tthc_err *err);

/* path with a leading ~ or ~user expanded; a path still relative after that
 * is taken relative to base_dir, when base_dir is not NULL. */
char *paths_resolve(const char *path, const char *base_dir, struct tthc_err *err);

/* $XDG_CONFIG_HOME/tthc/tthcrc, default ~/.config/tthc/tthcrc. */
char *paths_config_file(struct tthc_err *err);

/* $XDG_DATA_HOME/tthc, default ~/.local/share/tthc (no trailing slash). */
char *paths_data_dir(struct tthc_err *err);

/* $XDG_CACHE_HOME/tthc, default ~/.cache/tthc (no trailing slash). */
char *paths_cache_dir(struct tthc_err *err);

#endif
