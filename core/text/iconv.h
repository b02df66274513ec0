/* The one wrapper around iconv (NeoMutt's mutt_ch_iconv idea): convert as
 * far as the charset allows and say where it stopped, so that the caller
 * decides what an unconvertible character becomes.  Never //TRANSLIT: glibc
 * would then put '?' in a name without telling anyone.  Internal to
 * core/text. */
#ifndef TTHC_TEXT_ICONV_H
#define TTHC_TEXT_ICONV_H

#include <iconv.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

/* iconv_open(to, from), or (iconv_t)-1 with TTHC_E_UNKNOWN_ENC in *err. */
iconv_t text_iconv_open(const char *to, const char *from, struct tthc_err *err);

/* Convert in[0..len) and append to out.  Returns 0 when all of it was
 * converted (and any character the converter held back, as glibc's CP1258
 * and TCVN5712-1 decoders do while waiting for a combining mark, flushed);
 * 1 when it stopped at input it cannot convert, *stop then being the offset
 * of that input; -1 with *err set on any other failure. */
int text_iconv_run(iconv_t cd, const char *in, size_t len, struct buf *out,
		   size_t *stop, struct tthc_err *err);

#endif
