#include <stdbool.h>
#include <stdint.h>
#include <utf8proc.h>

#include "text/term.h"
#include "text/utf8.h"

/* Widths are utf8proc's (a wcwidth that knows Unicode 15, with 0 for what
 * cannot be printed).  A byte that is not valid UTF-8 counts one column:
 * term_sanitize shows it as U+FFFD, which is one column wide. */
static size_t char_width(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 0x20 && cp < 0x7F;
	return (size_t)utf8proc_charwidth(cp);
}

size_t term_width(const char *s, size_t len)
{
	size_t i = 0, n, w = 0;
	int32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			w++;
			i++;
			continue;
		}
		w += char_width(cp);
		i += n;
	}
	return w;
}

/* Cutting goes by grapheme cluster (UAX #29, as utf8proc implements it):
 * a base letter and its combining marks (NFD "e" + U+0302 + U+0303) are one
 * cluster, and a cluster is kept or dropped whole. */
size_t term_cut(const char *s, size_t len, size_t cols, size_t *width)
{
	size_t i = 0, n, kept = 0, kept_w = 0, cluster_w = 0;
	utf8proc_int32_t state = 0;
	int32_t cp, prev = -1;
	bool fits = true, invalid;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		/* An invalid byte is a cluster of its own, one column wide. */
		invalid = n == 0;
		if (invalid || prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) {
			if (kept_w + cluster_w > cols) {
				fits = false;
				break;
			}
			kept = i;
			kept_w += cluster_w;
			cluster_w = 0;
		}
		if (invalid) {
			cluster_w = 1;
			prev = -1;
			state = 0;
			i++;
			continue;
		}
		cluster_w += char_width(cp);
		prev = cp;
		i += n;
	}
	if (fits && kept_w + cluster_w <= cols) {
		kept = len;
		kept_w += cluster_w;
	}
	if (width)
		*width = kept_w;
	return kept;
}
