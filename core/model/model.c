#include "model/model.h"

#include <string.h>

int model_parse(const struct jschema *s, const char *text, size_t len,
		enum json_mode mode, void *out, struct tthc_err *err)
{
	cJSON *root = json_parse(text, len, NULL, err);
	int rc;

	if (!root) {
		memset(out, 0, s->size);
		return -1;
	}
	rc = schema_decode(s, root, mode, out, err);
	cJSON_Delete(root);
	return rc;
}

char *model_to_json(const struct jschema *s, const void *obj)
{
	cJSON *j = schema_encode(s, obj);
	char *text = j ? json_print(j) : NULL;

	cJSON_Delete(j);
	return text;
}
