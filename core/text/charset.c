#include "text/charset.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "text/iconv.h"
#include "text/unmark.h"
#include "text/utf8.h"
#include "util/i18n.h"

int charset_out_open(struct charset_out *o, const char *name, struct tthc_err *err)
{
	enum text_enc enc;
	const char *iconv_name = name;

	memset(o, 0, sizeof *o);
	o->cd = (iconv_t)-1;
	snprintf(o->name, sizeof o->name, "%s", name);
	if (text_enc_lookup(name, &enc)) {
		snprintf(o->name, sizeof o->name, "%s", text_enc_name(enc));
		if (enc == TEXT_ENC_UTF8) {
			o->utf8 = true;
			return 0;
		}
		if (enc == TEXT_ENC_TCVN3 || enc == TEXT_ENC_VNI) {
			o->table = enc == TEXT_ENC_TCVN3 ? &enc_tcvn3 : &enc_vni;
			return 0;
		}
		iconv_name = text_enc_iconv_name(enc);
	}
	o->cd = text_iconv_open(iconv_name, "UTF-8", err);
	return o->cd == (iconv_t)-1 ? -1 : 0;
}

void charset_out_ascii(struct charset_out *o)
{
	memset(o, 0, sizeof *o);
	o->cd = (iconv_t)-1;
	snprintf(o->name, sizeof o->name, "ASCII");
	o->table = &enc_ascii;
}

void charset_out_close(struct charset_out *o)
{
	if (o->cd != (iconv_t)-1)
		iconv_close(o->cd);
	o->cd = (iconv_t)-1;
}

static int table_write(const struct enc_table *t, const char *s, size_t len,
		       struct buf *out, size_t *stop)
{
	size_t i = 0, n, blen;
	const char *bytes;
	int32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		bytes = n ? enc_table_bytes(t, cp, &blen) : NULL;
		if (!bytes) {
			*stop = i;
			return 1;
		}
		buf_append(out, bytes, blen);
		i += n;
	}
	return 0;
}

/* As much of s as the charset holds: 0 all of it, 1 stopped at *stop. */
static int write_some(struct charset_out *o, const char *s, size_t len,
		      struct buf *out, size_t *stop, struct tthc_err *err)
{
	if (o->utf8) {
		buf_append(out, s, len);
		return 0;
	}
	if (o->table)
		return table_write(o->table, s, len, out, stop);
	return text_iconv_run(o->cd, s, len, out, stop, err);
}

static bool can_write(struct charset_out *o, int32_t cp)
{
	char u[4];
	struct buf scratch = BUF_INIT;
	size_t n = utf8_encode(cp, u), stop;
	int rc = n ? write_some(o, u, n, &scratch, &stop, NULL) : 1;

	buf_free(&scratch);
	return rc == 0;
}

/* The letter without marks when the charset has it, else '?'. */
static void write_unmarked(struct charset_out *o, int32_t cp, struct buf *out)
{
	int32_t base = text_unmark(cp);
	char u[4];
	size_t n, stop;

	if (base == 0)
		return;
	n = base > 0 ? utf8_encode(base, u) : 0;
	if (n && write_some(o, u, n, out, &stop, NULL) == 0)
		return;
	buf_putc(out, '?');
}

static bool shows_alone(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
		return false;
	default:
		return true;
	}
}

static int unmappable(struct charset_out *o, const char *s, size_t pos, size_t n,
		      int32_t cp, struct tthc_err *err)
{
	char where[64], msg[200];
	size_t i, chars = 1;

	for (i = 0; i < pos; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	snprintf(where, sizeof where, _("character %zu"), chars);
	if (shows_alone(cp))
		snprintf(msg, sizeof msg, _("cannot encode '%.*s' (U+%04X) in %s"),
			 (int)n, s + pos, (unsigned)cp, o->name);
	else
		snprintf(msg, sizeof msg, _("cannot encode U+%04X in %s"),
			 (unsigned)cp, o->name);
	if (o->table && o->table->no_upper_note &&
	    utf8proc_tolower(cp) != cp && can_write(o, utf8proc_tolower(cp)))
		return tthc_fail(err, TTHC_E_UNMAPPABLE, where, "%s (%s)", msg,
				 _(o->table->no_upper_note));
	return tthc_fail(err, TTHC_E_UNMAPPABLE, where, "%s", msg);
}

int charset_out_write(struct charset_out *o, const char *s, size_t len,
		      enum text_fallback fallback, struct buf *out,
		      size_t *replaced, struct tthc_err *err)
{
	size_t pos = 0, stop = 0, n;
	int32_t cp;
	int rc;

	while (pos < len) {
		rc = write_some(o, s + pos, len - pos, out, &stop, err);
		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		pos += stop;
		n = utf8_decode(s + pos, len - pos, &cp);
		if (!n)
			return tthc_fail(err, TTHC_E_BAD_UTF8, NULL, "%s", _("invalid UTF-8"));
		if (fallback == TEXT_FALLBACK_NONE)
			return unmappable(o, s, pos, n, cp, err);
		write_unmarked(o, cp, out);
		if (replaced)
			(*replaced)++;
		pos += n;
	}
	if (buf_failed(out))
		return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	return 0;
}
