/* Request bodies through core/model's one strict JSON layer. */
#include <stdint.h>
#include <string.h>

#include "api.h"
#include "model/json.h"

int api_decode(const char *body, size_t len, const struct jschema *s, void *out,
	       struct tthc_err *e)
{
	/* The HTTP layer has bounded the size already (--max-body). */
	static const struct json_limits limits = { SIZE_MAX, JSON_MAX_DEPTH_DEFAULT };
	cJSON *root;
	int rc;

	if (len == 0) {         /* a verb without fields may send nothing */
		body = "{}";
		len = 2;
	}
	root = json_parse(body, len, &limits, e);
	if (!root) {
		memset(out, 0, s->size);
		return -1;
	}
	rc = schema_decode(s, root, JSON_STRICT, out, e);
	cJSON_Delete(root);
	return rc;
}
