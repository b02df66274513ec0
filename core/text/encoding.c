#include "text/encoding.h"

#include <stdlib.h>
#include <strings.h>

#include "text/charset.h"
#include "text/nfc.h"
#include "util/i18n.h"

static const char *const names[] = {
#define X(id, name, iconv_name) name,
	TTHC_ENCODINGS(X)
#undef X
};

static const char *const iconv_names[] = {
#define X(id, name, iconv_name) iconv_name,
	TTHC_ENCODINGS(X)
#undef X
};

/* Other names people and programs use for the same encodings: glibc's and
 * the Vietnamese software's own (ABC for TCVN3, VNI-Win for VNI). */
static const struct { const char *alias; enum text_enc enc; } aliases[] = {
	{ "utf8", TEXT_ENC_UTF8 },
	{ "abc", TEXT_ENC_TCVN3 },
	{ "vni-windows", TEXT_ENC_VNI },
	{ "vni-win", TEXT_ENC_VNI },
	{ "windows-1258", TEXT_ENC_CP1258 },
	{ "tcvn", TEXT_ENC_TCVN5712_1 },
	{ "tcvn-5712", TEXT_ENC_TCVN5712_1 },
	{ "tcvn5712-1:1993", TEXT_ENC_TCVN5712_1 },
};

bool text_enc_lookup(const char *name, enum text_enc *enc)
{
	size_t i;

	for (i = 0; i < TEXT_ENC_COUNT; i++)
		if (!strcasecmp(name, names[i]) ||
		    (iconv_names[i] && !strcasecmp(name, iconv_names[i]))) {
			*enc = (enum text_enc)i;
			return true;
		}
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (!strcasecmp(name, aliases[i].alias)) {
			*enc = aliases[i].enc;
			return true;
		}
	return false;
}

const char *text_enc_name(enum text_enc enc)
{
	return (unsigned)enc < TEXT_ENC_COUNT ? names[enc] : "?";
}

const char *text_enc_iconv_name(enum text_enc enc)
{
	return (unsigned)enc < TEXT_ENC_COUNT ? iconv_names[enc] : NULL;
}

char *text_enc_encode(enum text_enc enc, const char *s, size_t len,
		      enum text_fallback fallback, size_t *out_len,
		      size_t *replaced, struct tthc_err *err)
{
	struct charset_out o;
	struct buf out = BUF_INIT;
	size_t n;
	char *nfc;
	int rc;

	if (replaced)
		*replaced = 0;
	nfc = text_nfc(s, len, &n, err);
	if (!nfc)
		return NULL;
	rc = charset_out_open(&o, text_enc_name(enc), err);
	if (rc == 0) {
		rc = charset_out_write(&o, nfc, n, fallback, &out, replaced, err);
		charset_out_close(&o);
	}
	free(nfc);
	if (rc < 0) {
		buf_free(&out);
		return NULL;
	}
	if (out_len)
		*out_len = out.len;
	nfc = buf_detach(&out);
	if (!nfc)
		tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	return nfc;
}
