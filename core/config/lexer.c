#include "config/lexer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/nfc.h"
#include "util/buf.h"
#include "util/i18n.h"

static void words_clear(struct words *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	w->n = 0;
}

void words_free(struct words *w)
{
	words_clear(w);
	free(w->v);
	w->v = NULL;
	w->cap = 0;
}

static int push(struct words *w, const struct buf *b, struct tthc_err *err)
{
	char *word;

	if (buf_failed(b))
		return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 8;
		char **grown = realloc(w->v, cap * sizeof *grown);

		if (!grown)
			return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
		w->v = grown;
		w->cap = cap;
	}
	word = text_nfc(b->data ? b->data : "", b->len, NULL, err);
	if (!word)
		return -1;
	w->v[w->n++] = word;
	return 0;
}

static char escaped(char c)
{
	switch (c) {
	case 'n':
		return '\n';
	case 't':
		return '\t';
	case '"':
	case '\\':
		return c;
	}
	return 0;
}

/* The quoted part that starts at s[*i] (the quote), appended to b; *i ends
 * past the closing quote. */
static int quoted(const char *s, size_t len, size_t *i, struct buf *b, struct tthc_err *err)
{
	char q = s[*i], where[32];
	size_t open = *i, j = *i + 1;

	for (; j < len && s[j] != q; j++) {
		if (q == '"' && s[j] == '\\' && j + 1 < len) {
			char e = escaped(s[j + 1]);

			if (e) {
				buf_putc(b, e);
				j++;
				continue;
			}
		}
		buf_putc(b, s[j]);
	}
	if (j == len) {
		snprintf(where, sizeof where, "byte %zu", open + 1);
		return tthc_fail(err, TTHC_E_INVALID, where, "%s", _("the quote is not closed"));
	}
	*i = j + 1;
	return 0;
}

int lex_words(const char *s, size_t len, struct words *w, struct tthc_err *err)
{
	struct buf b = BUF_INIT;
	size_t i = 0;
	int rc = 0;

	words_clear(w);
	while (rc == 0) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == len || s[i] == '#')
			break;
		buf_reset(&b);
		while (rc == 0 && i < len && s[i] != ' ' && s[i] != '\t') {
			if (s[i] == '"' || s[i] == '\'')
				rc = quoted(s, len, &i, &b, err);
			else
				buf_putc(&b, s[i++]);
		}
		if (rc == 0)
			rc = push(w, &b, err);
	}
	buf_free(&b);
	return rc;
}
