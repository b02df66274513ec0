/* Action ids: UUID v4 (RFC 9562 section 5.4) from libsodium's CSPRNG, the
 * idempotency key of DESIGN.md section 3.  Lower-case, as core/model's
 * JT_UUID requires. */
#include "store/internal.h"

#include <sodium.h>
#include <stdio.h>

#include "util/i18n.h"

int store_uuid(char out[37], struct tthc_err *err)
{
	unsigned char b[16];

	/* sodium_init is idempotent and thread-safe; it picks the best
	 * source of randomness (getrandom) once. */
	if (sodium_init() < 0)
		return tthc_fail(err, TTHC_E_IO, NULL, _("no source of random numbers"));
	randombytes_buf(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);   /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);   /* variant 10 */
	snprintf(out, 37,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
		 b[12], b[13], b[14], b[15]);
	return 0;
}
