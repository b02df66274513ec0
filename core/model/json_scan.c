#include "model/json_scan.h"

#include <stdbool.h>
#include <stdio.h>

#include "util/i18n.h"

static int fail_at(struct tthc_err *err, enum tthc_code code, size_t at,
		   const char *msg)
{
	char where[32];

	snprintf(where, sizeof where, "byte %zu", at);
	return tthc_fail(err, code, where, "%s", msg);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The value of four hex digits at s[at..], or -1. */
static long hex4(const char *s, size_t len, size_t at)
{
	long v = 0;
	size_t i;

	if (len < 4 || at > len - 4)
		return -1;
	for (i = at; i < at + 4; i++) {
		char c = s[i];
		int d = is_digit(c) ? c - '0'
			: (c >= 'a' && c <= 'f') ? c - 'a' + 10
			: (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* A \u escape at s[*at] (the backslash).  cJSON reads bad hex digits as
 * zero and would turn "\uZZZZ" into U+0000, which cuts the string. */
static int scan_unicode_escape(const char *s, size_t len, size_t *at,
			       struct tthc_err *err)
{
	long v = hex4(s, len, *at + 2), low;

	if (v < 0)
		return fail_at(err, TTHC_E_BAD_JSON, *at, _("bad \\u escape in a string"));
	if (v == 0)
		return fail_at(err, TTHC_E_CONTROL_CHAR, *at,
			       _("\\u0000 is not allowed in a string"));
	if (v >= 0xDC00 && v <= 0xDFFF)
		return fail_at(err, TTHC_E_BAD_JSON, *at, _("lone surrogate in a string"));
	if (v >= 0xD800 && v <= 0xDBFF) {
		low = (*at + 7 < len && s[*at + 6] == '\\' && s[*at + 7] == 'u')
			? hex4(s, len, *at + 8) : -1;
		if (low < 0xDC00 || low > 0xDFFF)
			return fail_at(err, TTHC_E_BAD_JSON, *at,
				       _("lone surrogate in a string"));
		*at += 6;
	}
	*at += 6;
	return 0;
}

/* A string from its opening quote at s[*at]; leaves *at after the close. */
static int scan_string(const char *s, size_t len, size_t *at, struct tthc_err *err)
{
	size_t start = *at, i = *at + 1;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"') {
			*at = i + 1;
			return 0;
		}
		if (c < 0x20)
			return fail_at(err, TTHC_E_BAD_JSON, i,
				       _("control byte inside a string"));
		if (c != '\\') {
			i++;
			continue;
		}
		if (i + 1 >= len)
			break;
		switch (s[i + 1]) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n':
		case 'r': case 't':
			i += 2;
			break;
		case 'u':
			if (scan_unicode_escape(s, len, &i, err))
				return -1;
			break;
		default:
			return fail_at(err, TTHC_E_BAD_JSON, i, _("bad escape in a string"));
		}
	}
	return fail_at(err, TTHC_E_BAD_JSON, start, _("unterminated string"));
}

static size_t skip_digits(const char *s, size_t len, size_t i)
{
	while (i < len && is_digit(s[i]))
		i++;
	return i;
}

/* RFC 8259 section 6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
 * cJSON hands anything made of those characters to strtod, which takes
 * "01", "1." and "-.5". */
static int scan_number(const char *s, size_t len, size_t *at, struct tthc_err *err)
{
	size_t i = *at, digits;

	if (s[i] == '-')
		i++;
	if (i >= len || !is_digit(s[i]))
		goto bad;
	i = s[i] == '0' ? i + 1 : skip_digits(s, len, i);
	if (i < len && s[i] == '.') {
		digits = skip_digits(s, len, i + 1);
		if (digits == i + 1)
			goto bad;
		i = digits;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		digits = skip_digits(s, len, i);
		if (digits == i)
			goto bad;
		i = digits;
	}
	if (i < len && (is_digit(s[i]) || s[i] == '.'))
		goto bad;
	*at = i;
	return 0;
bad:
	return fail_at(err, TTHC_E_BAD_JSON, *at, _("malformed number"));
}

int json_scan(const char *s, size_t len, int max_depth, struct tthc_err *err)
{
	size_t i = 0;
	int depth = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"') {
			if (scan_string(s, len, &i, err))
				return -1;
			continue;
		}
		if (c == '-' || is_digit((char)c)) {
			if (scan_number(s, len, &i, err))
				return -1;
			continue;
		}
		if (c == '[' || c == '{') {
			if (++depth > max_depth)
				return fail_at(err, TTHC_E_TOO_DEEP, i,
					       _("nested too deeply"));
		} else if (c == ']' || c == '}') {
			depth--;        /* a mismatch is cJSON's to report */
		} else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			/* cJSON would skip these as white space. */
			return fail_at(err, TTHC_E_BAD_JSON, i,
				       _("control byte outside a string"));
		}
		i++;
	}
	return 0;
}
