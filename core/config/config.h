/* tthcrc: the user's configuration, NeoMutt style (man/tthcrc.5).
 *
 *   set NAME VALUE            unset NAME
 *   bind VIEW KEY ACTION      unbind VIEW KEY
 *   macro VIEW KEY KEYS [DESCRIPTION]
 *   source FILE               # comment
 *
 * Loading never stops at a bad line: each one becomes a struct config_error
 * ("FILE:LINE: message") in a list and the rest still loads.  Only a file
 * that cannot be read at all (or running out of memory) fails a load.
 * Settings are typed and validated here; bindings and macros are kept as
 * data for the TUI, which may pass a check so that unknown views, keys and
 * actions are line errors too.  Nothing here prints.
 *
 * Messages are translated when they are made, in the language then in force;
 * `set language` is known only after the load, so a front end that finds
 * errors and a new language may call i18n_init() and load again into a
 * fresh config to report them in that language. */
#ifndef TTHC_CONFIG_H
#define TTHC_CONFIG_H

#include <stddef.h>

#include "config/settings.h"
#include "util/err.h"

struct config;

/* One bad line.  err.where is "FILE:LINE" (the front of a very long path is
 * cut so the line survives), or "command line"; err.msg is translated. */
struct config_error {
	const char *file;       /* as named by the caller or a source line */
	unsigned line;          /* from 1; 0 when the error is not about a line */
	struct tthc_err err;
};

enum config_binding_kind {
	CONFIG_BIND,            /* KEY runs ACTION */
	CONFIG_MACRO,           /* KEY types KEYS */
	CONFIG_UNBIND           /* KEY does nothing, whatever the keymap says */
};

/* The user's bindings, one per (view, key): a later line replaces an earlier
 * one.  The TUI starts from the keymap set by `keymap` and applies these
 * over it, so an unbind also removes a default binding. */
struct config_binding {
	enum config_binding_kind kind;
	const char *view;
	const char *key;          /* as written: key notation is the TUI's */
	const char *action;       /* CONFIG_BIND: the action's name */
	const char *keys;         /* CONFIG_MACRO: the keys it types */
	const char *description;  /* CONFIG_MACRO: NULL when not given */
	const char *origin;       /* "FILE:LINE" or "command line" */
};

/* Checks a binding before it is stored: returns NULL when view, key and
 * action are known, else a translated message that becomes the line's error.
 * action is NULL for macro and unbind lines. */
typedef const char *config_binding_check(void *ctx, const char *view, const char *key,
					 const char *action);

/* Every setting at its default; NULL when out of memory. */
struct config *config_new(void);
void config_free(struct config *cfg);

/* From now on, bind/unbind/macro lines are checked by check(ctx, ...). */
void config_set_binding_check(struct config *cfg, config_binding_check *check, void *ctx);

/* Read path and every file it sources.  Bad lines go to the error list;
 * -1 (with *err) only when path itself cannot be read or memory ran out. */
int config_load_file(struct config *cfg, const char *path, struct tthc_err *err);

/* The user's file: explicit_path (--config) if not NULL, else $TTHC_CONFIG
 * if set, else paths_config_file().  Only the last may be missing. */
int config_load_user(struct config *cfg, const char *explicit_path, struct tthc_err *err);

/* One line of tthcrc given on the command line, applied after the files
 * (relative paths are relative to the working directory).  Its error, if
 * any, goes to the list with the file "command line"; returns -1 then. */
int config_apply_line(struct config *cfg, const char *line);

/* Set one setting from a command-line flag (--server URL): the validation
 * of `set`; on failure *err is filled, where = "command line". */
int config_set(struct config *cfg, const char *name, const char *value,
	       struct tthc_err *err);

size_t config_error_count(const struct config *cfg);
const struct config_error *config_error_at(const struct config *cfg, size_t i);

/* The value as set, NFC, with ~ expanded for paths ("" when not set). */
const char *config_string(const struct config *cfg, enum config_id id);
/* A duration in its type's unit (seconds, or milliseconds for
 * CONFIG_MILLIS); 0 for a setting that is not a duration. */
long config_number(const struct config *cfg, enum config_id id);
/* "FILE:LINE" or "command line" of the line that set it; NULL at default. */
const char *config_origin(const struct config *cfg, enum config_id id);

/* The top file that was read (NULL when none was). */
const char *config_file(const struct config *cfg);

size_t config_binding_count(const struct config *cfg);
const struct config_binding *config_binding_at(const struct config *cfg, size_t i);

#endif
