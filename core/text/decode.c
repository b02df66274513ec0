/* text_enc_decode: legacy bytes to NFC UTF-8 (encoding.h). */
#include "text/encoding.h"

#include <stdio.h>
#include <stdlib.h>

#include "text/enc_table.h"
#include "text/iconv.h"
#include "text/nfc.h"
#include "text/utf8.h"
#include "util/buf.h"
#include "util/i18n.h"

static int table_read(const struct enc_table *t, const char *s, size_t len,
		      struct buf *out, size_t *stop)
{
	size_t i = 0, n;
	int32_t cp;
	char u[4];

	while (i < len) {
		n = enc_table_read(t, s + i, len - i, &cp);
		if (!n) {
			*stop = i;
			return 1;
		}
		buf_append(out, u, utf8_encode(cp, u));
		i += n;
	}
	return 0;
}

static int iconv_read(const char *name, const char *s, size_t len,
		      struct buf *out, size_t *stop, struct tthc_err *err)
{
	iconv_t cd = text_iconv_open("UTF-8", name, err);
	int rc;

	if (cd == (iconv_t)-1)
		return -1;
	rc = text_iconv_run(cd, s, len, out, stop, err);
	iconv_close(cd);
	return rc;
}

char *text_enc_decode(enum text_enc enc, const char *s, size_t len,
		      size_t *out_len, struct tthc_err *err)
{
	struct buf raw = BUF_INIT;
	size_t stop = 0;
	char where[32], *nfc;
	int rc;

	switch (enc) {
	case TEXT_ENC_UTF8:
		return text_nfc(s, len, out_len, err);
	case TEXT_ENC_TCVN3:
		rc = table_read(&enc_tcvn3, s, len, &raw, &stop);
		break;
	case TEXT_ENC_VNI:
		rc = table_read(&enc_vni, s, len, &raw, &stop);
		break;
	default:
		rc = iconv_read(text_enc_iconv_name(enc), s, len, &raw, &stop, err);
		break;
	}
	if (rc == 1) {
		snprintf(where, sizeof where, _("byte %zu"), stop + 1);
		tthc_fail(err, TTHC_E_INVALID, where, _("0x%02X is not a character in %s"),
			  (unsigned char)s[stop], text_enc_name(enc));
	} else if (rc == 0 && buf_failed(&raw)) {
		rc = tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	}
	nfc = rc == 0 ? text_nfc(raw.data ? raw.data : "", raw.len, out_len, err) : NULL;
	buf_free(&raw);
	return nfc;
}
