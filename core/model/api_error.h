/* Error bodies of the API (DESIGN.md section 8, "API evolution and
 * errors"): {"error":{"code","message","path"}}, and for a rejected action
 * also "reasons": every reason at once, each {"code","message","path"}. */
#ifndef TTHC_MODEL_API_ERROR_H
#define TTHC_MODEL_API_ERROR_H

#include "model/model.h"

struct model_reason {
	char *code;             /* tthc_code_name() or a core/proc reason */
	char *message;          /* for people, already translated */
	char *path;             /* NULL when not about a field */
};

struct model_api_error {
	char *code;
	char *message;
	char *path;
	struct model_reason *reasons;
	size_t n_reasons;
};

/* The whole body, {"error": {...}}. */
struct model_error_body {
	struct model_api_error *error;
};

extern const struct jschema model_reason_schema;

MODEL_DECLARE(model_api_error, struct model_api_error)
MODEL_DECLARE(model_error_body, struct model_error_body)

/* Fill *out from e (its code name, message and where as path) and the
 * reasons, which may be NULL when n_reasons is 0.  -1 when out of memory,
 * *out then owning nothing. */
int model_api_error_set(struct model_api_error *out, const struct tthc_err *e,
			const struct tthc_err *reasons, size_t n_reasons);

/* The body {"error": ...} for e and its reasons; NULL when out of memory. */
cJSON *model_error_body_build(const struct tthc_err *e,
			      const struct tthc_err *reasons, size_t n_reasons);

#endif
