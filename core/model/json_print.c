/* Printing a cJSON tree as compact text, byte for byte as
 * cJSON_PrintUnformatted does (cJSON 1.7.15, print_value), but into a
 * buffer the caller keeps.  cJSON's own printer measures, grows and
 * copies its output a byte at a time and calls strlen after each value:
 * for a pulled page that was a fifth of the cost of storing each row
 * (bench/bench_store.c), while this copies strings in runs. */
#include "model/json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* As cJSON escapes a control character, '"' or '\\': the short escape
 * where JSON has one, else \u00XX in lower-case hex.  Returns the end. */
static char *put_escape(char *d, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	static const char shorts[] = "\"\"\\\\b\bf\fn\nr\rt\t";

	*d++ = '\\';
	for (const char *p = shorts; *p; p += 2)
		if ((unsigned char)p[1] == c) {
			*d++ = p[0];
			return d;
		}
	memcpy(d, "u00", 3);
	d[3] = hex[c >> 4];
	d[4] = hex[c & 15];
	return d + 5;
}

/* Every other byte (UTF-8 included) as it is.  The room for the worst
 * case (every byte a \u00XX) is taken once, and the bytes written
 * straight into it.  A NULL string prints as "", as in cJSON. */
static bool put_string(struct buf *b, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	char *start, *d;

	if (len > ((size_t)-1 - 2) / 6)
		return false;
	start = d = buf_space(b, 6 * len + 2);
	if (!d)
		return false;
	*d++ = '"';
	for (; len--; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			*d++ = (char)c;
		else
			d = put_escape(d, c);
	}
	*d++ = '"';
	buf_added(b, (size_t)(d - start));
	return true;
}

/* Numbers other than small integers are rare in a row (amounts are
 * integers): they go through cJSON itself, whose %1.15g / %1.17g choice
 * this need not repeat. */
static bool put_number(struct buf *b, const cJSON *n)
{
	char *text;

	/* An int prints the same under cJSON's %d and %1.15g alike, but for
	 * -0, which %g keeps. */
	if (n->valuedouble == (double)n->valueint && !signbit(n->valuedouble)) {
		char digits[16];

		buf_append(b, digits, (size_t)snprintf(digits, sizeof digits, "%d", n->valueint));
		return true;
	}
	text = cJSON_PrintUnformatted((cJSON *)n);
	if (!text)
		return false;
	buf_puts(b, text);
	free(text);
	return true;
}

static bool put_value(struct buf *b, const cJSON *j);

static bool put_children(struct buf *b, const cJSON *j, char open, char close)
{
	buf_putc(b, open);
	for (const cJSON *c = j->child; c; c = c->next) {
		if (c != j->child)
			buf_putc(b, ',');
		if (open == '{') {
			if (!put_string(b, c->string))
				return false;
			buf_putc(b, ':');
		}
		if (!put_value(b, c))
			return false;
	}
	buf_putc(b, close);
	return true;
}

/* Recursion is bounded: a tree from json_parse() has a limited depth. */
static bool put_value(struct buf *b, const cJSON *j)
{
	switch (j->type & 0xff) {
	case cJSON_NULL:
		buf_puts(b, "null");
		return true;
	case cJSON_False:
		buf_puts(b, "false");
		return true;
	case cJSON_True:
		buf_puts(b, "true");
		return true;
	case cJSON_Number:
		return put_number(b, j);
	case cJSON_String:
		return put_string(b, j->valuestring);
	case cJSON_Raw:
		if (!j->valuestring)
			return false;
		buf_puts(b, j->valuestring);
		return true;
	case cJSON_Array:
		return put_children(b, j, '[', ']');
	case cJSON_Object:
		return put_children(b, j, '{', '}');
	default:
		return false;
	}
}

const char *json_print_into(const cJSON *j, struct buf *b)
{
	buf_reset(b);
	if (!put_value(b, j) || buf_failed(b))
		return NULL;
	return b->data;
}

char *json_print(const cJSON *j)
{
	struct buf b = BUF_INIT;

	if (!json_print_into(j, &b)) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}
