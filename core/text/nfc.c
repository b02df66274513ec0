#include "text/nfc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/utf8.h"
#include "util/i18n.h"

/* An all-ASCII string is its own NFC (no ASCII character composes with
 * another), and most of what passes through here is ASCII: skip utf8proc. */
static bool all_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

char *text_nfc(const char *s, size_t len, size_t *out_len, struct tthc_err *err)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;
	size_t bad;
	char where[32];

	if (!utf8_valid(s, len, &bad)) {
		snprintf(where, sizeof where, "byte %zu", bad);
		tthc_fail(err, TTHC_E_BAD_UTF8, where, "%s", _("invalid UTF-8"));
		return NULL;
	}
	if (all_ascii(s, len)) {
		char *copy = malloc(len + 1);

		if (!copy) {
			tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
			return NULL;
		}
		memcpy(copy, s, len);
		copy[len] = '\0';
		if (out_len)
			*out_len = len;
		return copy;
	}
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		tthc_fail(err, n == UTF8PROC_ERROR_NOMEM ? TTHC_E_NOMEM : TTHC_E_BAD_UTF8,
			  NULL, "%s", utf8proc_errmsg(n));
		return NULL;
	}
	if (out_len)
		*out_len = (size_t)n;
	return (char *)out;
}

bool text_is_nfc(const char *s, size_t len)
{
	size_t n;
	char *nfc;
	bool same;

	if (all_ascii(s, len))
		return true;
	nfc = text_nfc(s, len, &n, NULL);
	if (!nfc)
		return false;
	same = n == len && memcmp(nfc, s, len) == 0;
	free(nfc);
	return same;
}
