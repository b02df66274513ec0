/* One logical line of tthcrc split into words, shell fashion:
 * - words are separated by spaces and tabs;
 * - a '#' that begins a word begins a comment to the end of the line
 *   (inside a word or quotes it is a plain '#': "https://h/#x", key '#');
 * - "double quotes" take \" \\ \n \t; any other backslash pair is kept as
 *   written, for the TUI's key notation (\Cx);
 * - 'single quotes' take everything literally;
 * - quoted and bare parts next to each other make one word.
 * Each word is put in NFC. */
#ifndef TTHC_CONFIG_LEXER_H
#define TTHC_CONFIG_LEXER_H

#include <stddef.h>

#include "util/err.h"

struct words {
	char **v;
	size_t n, cap;
};

#define WORDS_INIT { 0 }

/* Split s[0..len) (valid UTF-8, checked by the reader) into *w, which is
 * emptied first.  Fails on an unclosed quote, where = "byte N" of it. */
int lex_words(const char *s, size_t len, struct words *w, struct tthc_err *err);
void words_free(struct words *w);

#endif
