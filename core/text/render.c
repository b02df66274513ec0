#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>

#include "text/charset.h"
#include "text/nfc.h"
#include "text/term.h"
#include "text/utf8.h"
#include "util/buf.h"

static char charset_override[64];

void term_set_charset(const char *override)
{
	snprintf(charset_override, sizeof charset_override, "%s",
		 override ? override : "");
}

const char *term_charset_from(const char *override)
{
	if (override && *override)
		return override;
	return nl_langinfo(CODESET);
}

const char *term_charset(void)
{
	return term_charset_from(charset_override);
}

/* Invalid bytes never reach a terminal raw: each becomes U+FFFD, which a
 * UTF-8 terminal shows as such and any other charset as '?'. */
static void append_repaired(struct buf *b, const char *s, size_t len)
{
	size_t i = 0, n;
	int32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n) {
			buf_append(b, s + i, n);
			i += n;
		} else {
			buf_puts(b, "\xEF\xBF\xBD");
			i++;
		}
	}
}

char *term_render(const char *s, size_t len, const char *charset)
{
	struct buf repaired = BUF_INIT, out = BUF_INIT;
	struct charset_out o;
	char *nfc = NULL;
	size_t n = 0;

	append_repaired(&repaired, s, len);
	if (!buf_failed(&repaired))
		nfc = text_nfc(repaired.data ? repaired.data : "", repaired.len, &n, NULL);
	buf_free(&repaired);
	if (!nfc)
		return NULL;
	/* When neither we nor iconv know the charset, ASCII is what every
	 * terminal shows. */
	if (!charset || charset_out_open(&o, charset, NULL) < 0)
		charset_out_ascii(&o);
	/* Decomposed text would lose marks a legacy charset can show
	 * precomposed, hence NFC first. */
	charset_out_write(&o, nfc, n, TEXT_FALLBACK_UNMARK, &out, NULL, NULL);
	charset_out_close(&o);
	free(nfc);
	return buf_detach(&out);
}
