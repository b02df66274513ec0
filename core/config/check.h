/* Checks of single setting values, one file each (url.c, pin.c,
 * duration.c).  Internal to core/config: settings.c calls them. */
#ifndef TTHC_CONFIG_CHECK_H
#define TTHC_CONFIG_CHECK_H

#include "util/err.h"

/* s is an https:// URL with a host and nothing that does not belong in a
 * server address (credentials, query, fragment). */
int check_https_url(const char *s, struct tthc_err *err);

/* s is one or more sha256//BASE64 pins joined by ';', the form libcurl's
 * CURLOPT_PINNEDPUBLICKEY takes. */
int check_pins(const char *s, struct tthc_err *err);

/* A duration: digits and an optional unit (ms, s, m, h, d).  A bare number
 * counts bare_unit_ms milliseconds.  The result is in milliseconds. */
int duration_parse(const char *s, long long bare_unit_ms, long long *ms,
		   struct tthc_err *err);

#endif
