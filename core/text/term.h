/* What text needs before it reaches a terminal: its width in columns, cutting
 * to a width, removing control bytes, and conversion to a terminal charset
 * that is not UTF-8 (PuTTY set to a legacy charset, LANG=C). */
#ifndef TTHC_TEXT_TERM_H
#define TTHC_TEXT_TERM_H

#include <stddef.h>

/* Display width in columns of valid UTF-8 (combining marks 0, wide CJK 2,
 * controls 0).  A byte that is not valid UTF-8 counts 1, as the U+FFFD
 * term_sanitize puts in its place. */
size_t term_width(const char *s, size_t len);

/* Length in bytes of the longest prefix of s whose width is <= cols, never
 * splitting a character or separating a base letter from its marks (it cuts
 * between grapheme clusters, UAX #29).  The prefix's width goes to *width if
 * not NULL. */
size_t term_cut(const char *s, size_t len, size_t cols, size_t *width);

/* A copy of s with C0 and C1 controls, DEL and whole escape sequences (CSI,
 * OSC, DCS... as ECMA-48 frames them) removed; a tab becomes one space.
 * Works on decoded characters, never raw bytes, so it is only for UTF-8
 * input (legacy encodings are decoded first: VISCII uses bytes < 0x20 for
 * letters).  Invalid UTF-8 bytes become U+FFFD.  Caller frees. */
char *term_sanitize(const char *s, size_t len, size_t *out_len);

/* The charset the terminal expects: `override` when not NULL/empty (the
 * `charset` setting), else the locale's (nl_langinfo(CODESET)). */
const char *term_charset_from(const char *override);
const char *term_charset(void);
void term_set_charset(const char *override);

/* s (UTF-8) converted to `charset` for display: any name iconv knows, or
 * one of encoding.h's, so `set charset tcvn3` or `vni` works for PuTTY set
 * to a legacy font.  An unknown charset is taken as ASCII.  The text is put
 * in NFC first; invalid bytes show as U+FFFD (or '?').  A character the
 * charset cannot show becomes its letter without marks ("Nguyễn" ->
 * "Nguyen" in ASCII, đ -> d), and anything else that cannot be shown a '?',
 * so a name is never mojibake.  Caller frees; NULL only when out of
 * memory. */
char *term_render(const char *s, size_t len, const char *charset);

#endif
