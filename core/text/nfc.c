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

/* Code points below U+0300 (ASCII, Latin-1, Latin Extended A/B, IPA,
 * spacing modifiers) and in U+1E00..U+1EFF (Latin Extended Additional, where
 * the precomposed Vietnamese letters live) are all NFC_QC=Yes with canonical
 * class 0, and none composes with another: a string of them only is NFC
 * without asking utf8proc.  tests/unit/test_nfc.c checks every pair. */
bool text_surely_nfc(const char *s, size_t len)
{
	size_t i = 0, k;
	int32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0 || !(cp < 0x300 || (cp >= 0x1E00 && cp < 0x1F00)))
			return false;
		i += k;
	}
	return true;
}

bool text_is_nfc(const char *s, size_t len)
{
	size_t n;
	char *nfc;
	bool same;

	if (text_surely_nfc(s, len))
		return true;
	nfc = text_nfc(s, len, &n, NULL);
	if (!nfc)
		return false;
	same = n == len && memcmp(nfc, s, len) == 0;
	free(nfc);
	return same;
}
