#include "config/reader.h"

#include <stdio.h>
#include <string.h>

#include "text/utf8.h"
#include "util/i18n.h"

void reader_init(struct reader *r, const char *data, size_t len)
{
	static const char bom[] = "\xEF\xBB\xBF";

	memset(r, 0, sizeof *r);
	r->data = data;
	r->len = len;
	if (len >= 3 && !memcmp(data, bom, 3))
		r->pos = 3;
}

void reader_free(struct reader *r)
{
	buf_free(&r->logical);
}

/* Offset of the first control byte (tab aside) in s[0..len), or len.  A raw
 * control byte would reach the terminal from a value or a key name. */
static size_t first_control(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t') || c == 0x7F)
			break;
	}
	return i;
}

int rc_check_text(const char *s, size_t len, struct tthc_err *err)
{
	size_t bad_utf8 = len, control = first_control(s, len);
	char where[32];

	utf8_valid(s, len, &bad_utf8);
	if (bad_utf8 == len && control == len)
		return 0;
	snprintf(where, sizeof where, "byte %zu", (bad_utf8 < control ? bad_utf8 : control) + 1);
	if (bad_utf8 < control)
		return tthc_fail(err, TTHC_E_BAD_UTF8, where, "%s", _("invalid UTF-8"));
	return tthc_fail(err, TTHC_E_CONTROL_CHAR, where, "%s", _("control character"));
}

/* The next physical line, without its LF and a CR before it. */
static void physical(struct reader *r, const char **s, size_t *len)
{
	const char *start = r->data + r->pos, *nl;
	size_t rest = r->len - r->pos;

	nl = memchr(start, '\n', rest);
	*len = nl ? (size_t)(nl - start) : rest;
	r->pos += nl ? *len + 1 : *len;
	r->line++;
	*s = start;
	if (*len && start[*len - 1] == '\r')
		(*len)--;
}

int reader_next(struct reader *r, unsigned *line, struct tthc_err *err)
{
	bool more = true, bad = false;
	const char *s;
	size_t len;

	if (r->pos >= r->len)
		return 0;
	buf_reset(&r->logical);
	*line = r->line + 1;
	while (more && r->pos < r->len) {
		physical(r, &s, &len);
		more = len && s[len - 1] == '\\';
		if (more)
			len--;
		if (!bad && rc_check_text(s, len, err) < 0) {
			bad = true;
			*line = r->line;
		}
		buf_append(&r->logical, s, len);
	}
	if (bad)
		return -1;
	if (buf_failed(&r->logical))
		return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	return 1;
}
