#include <langinfo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

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

static bool is_utf8_name(const char *charset)
{
	return !strcasecmp(charset, "UTF-8") || !strcasecmp(charset, "UTF8");
}

/* The letter without its marks: decompose and keep the first code point;
 * đ and Đ have no decomposition and are mapped by hand. */
static int32_t strip_marks(int32_t cp)
{
	utf8proc_int32_t dec[8];
	utf8proc_ssize_t n;
	int last;

	if (cp == 0x0111)
		return 'd';
	if (cp == 0x0110)
		return 'D';
	n = utf8proc_decompose_char(cp, dec, 8, UTF8PROC_DECOMPOSE, &last);
	return n > 0 ? dec[0] : cp;
}

/* Placeholder until the iconv-based renderer: any charset that is not UTF-8
 * is treated as ASCII. */
char *term_render(const char *s, size_t len, const char *charset)
{
	struct buf out = BUF_INIT;
	size_t i = 0, n;
	int32_t cp;

	if (is_utf8_name(charset)) {
		buf_append(&out, s, len);
		return buf_detach(&out);
	}
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			buf_putc(&out, '?');
			i++;
			continue;
		}
		i += n;
		if (cp >= 0x80)
			cp = strip_marks(cp);
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_MN)
			continue;
		buf_putc(&out, cp < 0x80 ? (char)cp : '?');
	}
	return buf_detach(&out);
}
