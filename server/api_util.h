/* Small pieces the /api/v1 handlers share. */
#ifndef TTHCD_API_UTIL_H
#define TTHCD_API_UTIL_H

#include <stdint.h>

#include "http.h"

/* The integer query parameter `name` (decimal digits only) into *out,
 * which keeps its value when the parameter is absent; TTHC_E_INVALID or
 * TTHC_E_RANGE with where = name otherwise. */
int api_query_int(const struct http_req *r, const char *name, int64_t min, int64_t max,
		  int64_t *out, struct tthc_err *e);

/* Add "current" (the row as it stands, taken over; NULL adds nothing)
 * beside "error" in the error answer already set, for a 409 on a stale
 * version. */
void api_attach_current(struct http_req *r, cJSON *current);

#endif
