/* What the files of core/config share and nobody else sees. */
#ifndef TTHC_CONFIG_INTERNAL_H
#define TTHC_CONFIG_INTERNAL_H

#include <stdbool.h>
#include <sys/types.h>

#include "config/config.h"

struct config_value {
	char *text;
	long number;
	char *origin;
};

struct config {
	struct config_value values[CONFIG_COUNT];
	struct config_binding *bindings;
	size_t nbindings, bindings_cap;
	size_t *index;          /* hash of (view, key): see bindings.c */
	size_t index_cap;
	struct config_error *errors;
	size_t nerrors, errors_cap;
	char *file;
	config_binding_check *check;
	void *check_ctx;
	bool out_of_memory;     /* sticky: an error could not even be recorded */
};

/* One file being read (or the command line), linked to the file that
 * sourced it, so that a loop and the depth can be seen. */
struct rc_frame {
	const char *file;       /* for messages: as named, or "command line" */
	unsigned line;          /* the line being run; 0 for the command line */
	const char *dir;        /* base of relative paths; NULL: working dir */
	dev_t dev;
	ino_t ino;
	int depth;              /* 0 for the top file */
	const struct rc_frame *parent;
};

/* Give e the where "FILE:LINE" (the file alone when line is 0), moving a
 * where it had ("byte 17") into the front of its message. */
void rc_err_place(struct tthc_err *e, const char *file, unsigned line);

/* "FILE:LINE", or the file alone when line is 0; caller frees (NULL when
 * out of memory). */
char *rc_origin(const struct rc_frame *at);

/* settings.c: value checked and converted for setting id; *text is the
 * stored form (a path resolved against base_dir). */
int setting_parse(enum config_id id, const char *value, const char *base_dir,
		  char **text, long *number, struct tthc_err *err);

/* config.c */
int config_assign(struct config *cfg, enum config_id id, const char *value,
		  const struct rc_frame *at, struct tthc_err *err);
void config_reset(struct config *cfg, enum config_id id);

/* errors.c: record e as an error of at (its file and line). */
void config_error_add(struct config *cfg, const struct rc_frame *at,
		      const struct tthc_err *e);

/* bindings.c: store or replace the binding of (view, key). */
int bindings_put(struct config *cfg, const struct config_binding *b, struct tthc_err *err);
void bindings_free(struct config *cfg);

/* directives.c: run one line split into words. */
int directive_run(struct config *cfg, const struct rc_frame *at, char **words,
		  size_t n, struct tthc_err *err);

/* load.c: the `source` directive. */
int rc_source(struct config *cfg, const struct rc_frame *at, const char *path,
	      struct tthc_err *err);

#endif
