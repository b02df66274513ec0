#include "model/api_error.h"

#include <stdlib.h>
#include <string.h>

#include "text/nfc.h"
#include "text/utf8.h"

/* Proc's decisions list every reason at once (QĐ 338: one notice with all
 * fixes); 64 is more than any dossier has fields. */
#define MAX_REASONS 64
#define MESSAGE_MAX 1000
#define PATH_MAX_CHARS 256

#define RS(wire, member, t, fl) MODEL_FIELD(struct model_reason, wire, member, t, fl)

static const struct jfield reason_fields[] = {
	{ RS("code", code, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ RS("message", message, JT_STRING, JF_REQUIRED), .min = 1, .max = MESSAGE_MAX },
	{ RS("path", path, JT_STRING, 0), .min = 1, .max = PATH_MAX_CHARS },
};

const struct jschema model_reason_schema =
	JSCHEMA(struct model_reason, reason_fields, NULL);

#define E(wire, member, t, fl) MODEL_FIELD(struct model_api_error, wire, member, t, fl)

static const struct jfield error_fields[] = {
	{ E("code", code, JT_ID, JF_REQUIRED), .min = 1, .max = MODEL_ID_MAX },
	{ E("message", message, JT_STRING, JF_REQUIRED), .min = 1, .max = MESSAGE_MAX },
	{ E("path", path, JT_STRING, 0), .min = 1, .max = PATH_MAX_CHARS },
	{ E("reasons", reasons, JT_ARRAY, 0),
	  .aux = offsetof(struct model_api_error, n_reasons), .min = 0,
	  .max = MAX_REASONS, .sub = &model_reason_schema },
};

const struct jschema model_api_error_schema =
	JSCHEMA(struct model_api_error, error_fields, NULL);

static const struct jfield body_fields[] = {
	{ MODEL_FIELD(struct model_error_body, "error", error, JT_STRUCT, JF_REQUIRED),
	  .sub = &model_api_error_schema },
};

const struct jschema model_error_body_schema =
	JSCHEMA(struct model_error_body, body_fields, NULL);

MODEL_DEFINE(model_api_error, struct model_api_error)
MODEL_DEFINE(model_error_body, struct model_error_body)

/* Text fit for the wire's own checks.  A message may quote what was sent
 * and a where may hold a key; both were cut to fit struct tthc_err, maybe
 * inside a UTF-8 sequence.  So: keep the valid prefix, turn controls into
 * spaces, and normalise. */
static char *wire_text(const char *s)
{
	size_t len = strlen(s), i = 0, k;
	char *clean = malloc(len + 1), *nfc;
	int32_t cp;

	if (!clean)
		return NULL;
	while (i < len && (k = utf8_decode(s + i, len - i, &cp)) > 0) {
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			memset(clean + i, ' ', k);
		else
			memcpy(clean + i, s + i, k);
		i += k;
	}
	nfc = text_nfc(clean, i, NULL, NULL);
	free(clean);
	return nfc;
}

/* Code, message and path of one error; false when out of memory. */
static bool set_reason(struct model_reason *r, const struct tthc_err *e)
{
	const char *code = tthc_code_name(e->code);

	r->code = strdup(code);
	/* The message is required on the wire; an error without one still
	 * says something through its code. */
	r->message = wire_text(e->msg[0] ? e->msg : code);
	if (r->message && !r->message[0]) {     /* nothing valid was left */
		free(r->message);
		r->message = strdup(code);
	}
	r->path = e->where[0] ? wire_text(e->where) : NULL;
	return r->code && r->message && (r->path || !e->where[0]);
}

int model_api_error_set(struct model_api_error *out, const struct tthc_err *e,
			const struct tthc_err *reasons, size_t n_reasons)
{
	struct model_reason head = { 0 };
	size_t i;

	memset(out, 0, sizeof *out);
	if (!set_reason(&head, e))
		goto fail;
	out->code = head.code;
	out->message = head.message;
	out->path = head.path;
	head = (struct model_reason){ 0 };
	if (n_reasons == 0)
		return 0;
	out->reasons = calloc(n_reasons, sizeof *out->reasons);
	if (!out->reasons)
		goto fail;
	out->n_reasons = n_reasons;
	for (i = 0; i < n_reasons; i++)
		if (!set_reason(&out->reasons[i], &reasons[i]))
			goto fail;
	return 0;
fail:
	schema_free(&model_reason_schema, &head);
	model_api_error_free(out);
	return -1;
}

cJSON *model_error_body_build(const struct tthc_err *e,
			      const struct tthc_err *reasons, size_t n_reasons)
{
	struct model_api_error error;
	struct model_error_body body = { &error };
	cJSON *j;

	if (model_api_error_set(&error, e, reasons, n_reasons))
		return NULL;
	j = model_error_body_encode(&body);
	model_api_error_free(&error);
	return j;
}
