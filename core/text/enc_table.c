#include "text/enc_table.h"

#include <stdlib.h>
#include <string.h>

static int seq_cmp(const void *key, const void *elem)
{
	int32_t cp = *(const int32_t *)key;
	const struct enc_seq *seq = elem;

	return (cp > seq->cp) - (cp < seq->cp);
}

const struct enc_table enc_ascii = { NULL, 0, NULL };

const char *enc_table_bytes(const struct enc_table *t, int32_t cp, size_t *len)
{
	static const char ascii[128] = {
#define A8(n) n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7
		A8(0), A8(8), A8(16), A8(24), A8(32), A8(40), A8(48), A8(56),
		A8(64), A8(72), A8(80), A8(88), A8(96), A8(104), A8(112), A8(120)
#undef A8
	};
	const struct enc_seq *seq;

	if (cp >= 0 && cp < 0x80) {
		*len = 1;
		return &ascii[cp];
	}
	if (t->n == 0)
		return NULL;
	seq = bsearch(&cp, t->seqs, t->n, sizeof *t->seqs, seq_cmp);
	if (!seq)
		return NULL;
	*len = strlen(seq->bytes);
	return seq->bytes;
}

/* A linear scan: the tables hold at most a few hundred rows and only bytes
 * past ASCII (or an ASCII letter before one, for VNI) reach it. */
size_t enc_table_read(const struct enc_table *t, const char *s, size_t len,
		      int32_t *cp)
{
	size_t i, n, best = 0;

	if (len > 1 && (unsigned char)s[1] >= 0x80)
		for (i = 0; i < t->n; i++) {
			n = strlen(t->seqs[i].bytes);
			if (n > best && n <= len && !memcmp(s, t->seqs[i].bytes, n)) {
				best = n;
				*cp = t->seqs[i].cp;
			}
		}
	if (best == 2 || len == 0)
		return best;
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	for (i = 0; i < t->n; i++)
		if (t->seqs[i].bytes[0] == s[0] && t->seqs[i].bytes[1] == '\0') {
			*cp = t->seqs[i].cp;
			return 1;
		}
	return 0;
}
