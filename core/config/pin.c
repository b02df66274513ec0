/* Public-key pins as libcurl's CURLOPT_PINNEDPUBLICKEY takes them:
 * "sha256//" and the base64 of the SHA-256 of the server's public key,
 * several joined by ';'.  The pin is checked on top of the CA, never
 * instead of it (DESIGN.md section 8, "Trust"). */
#include "config/check.h"

#include <sodium.h>
#include <stdbool.h>
#include <string.h>

#include "util/i18n.h"

#define PIN_PREFIX "sha256//"
#define SHA256_BYTES 32

static bool is_pin(const char *p, size_t len)
{
	unsigned char hash[SHA256_BYTES];
	size_t plen = strlen(PIN_PREFIX), got = 0;

	if (len <= plen || memcmp(p, PIN_PREFIX, plen) != 0)
		return false;
	/* libsodium refuses a hash longer than the buffer, and a NULL end
	 * pointer makes it refuse anything left over. */
	if (sodium_base642bin(hash, sizeof hash, p + plen, len - plen, NULL, &got, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0)
		return false;
	return got == SHA256_BYTES;
}

int check_pins(const char *s, struct tthc_err *err)
{
	const char *p = s;

	for (;;) {
		size_t len = strcspn(p, ";");

		if (!is_pin(p, len))
			return tthc_fail(err, TTHC_E_INVALID, NULL,
					 _("'%.*s' is not a public-key pin: expected sha256// "
					   "and the base64 of a SHA-256 hash (44 characters)"),
					 (int)len, p);
		if (!p[len])
			return 0;
		p += len + 1;
	}
}
