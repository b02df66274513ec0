/* Writing NFC UTF-8 in a charset, one of ours (encoding.h's names, so also
 * tcvn3 and vni from our tables) or any iconv knows (a terminal's
 * ISO-8859-1), with what to do about a character it cannot hold.  Shared
 * by text_enc_encode and the terminal renderer.  Internal to core/text. */
#ifndef TTHC_TEXT_CHARSET_H
#define TTHC_TEXT_CHARSET_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>

#include "text/enc_table.h"
#include "text/encoding.h"
#include "util/buf.h"
#include "util/err.h"

struct charset_out {
	char name[48];                  /* for messages */
	bool utf8;
	const struct enc_table *table;  /* tcvn3, vni */
	iconv_t cd;                     /* the others; (iconv_t)-1 if unused */
};

/* -1 with TTHC_E_UNKNOWN_ENC when neither we nor iconv know `name`. */
int charset_out_open(struct charset_out *o, const char *name, struct tthc_err *err);
/* Plain ASCII, which needs no iconv and cannot fail. */
void charset_out_ascii(struct charset_out *o);
void charset_out_close(struct charset_out *o);

/* Append s[0..len) (valid UTF-8, NFC) to out in o's charset.  See
 * text_enc_encode for `fallback`, *replaced (may be NULL) and the error. */
int charset_out_write(struct charset_out *o, const char *s, size_t len,
		      enum text_fallback fallback, struct buf *out,
		      size_t *replaced, struct tthc_err *err);

#endif
