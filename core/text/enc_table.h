/* Encodings that iconv lacks (TCVN3, VNI-Windows) as tables of byte
 * sequences.  Internal to core/text. */
#ifndef TTHC_TEXT_ENC_TABLE_H
#define TTHC_TEXT_ENC_TABLE_H

#include <stddef.h>
#include <stdint.h>

/* One character and the bytes that write it (one or two: VNI writes many
 * letters as a base byte and a mark byte). */
struct enc_seq {
	int32_t cp;
	const char *bytes;
};

struct enc_table {
	const struct enc_seq *seqs;     /* sorted by cp; ASCII is implicit */
	size_t n;
	const char *no_upper_note;      /* N_() msgid said when a capital is
					   missing but its small letter is not,
					   or NULL */
};

extern const struct enc_table enc_tcvn3;
extern const struct enc_table enc_vni;
/* ASCII alone: what every terminal shows, when its charset is unknown. */
extern const struct enc_table enc_ascii;

/* The bytes of cp in t (ASCII writes itself), NULL when t has none. */
const char *enc_table_bytes(const struct enc_table *t, int32_t cp, size_t *len);

/* Decode the longest sequence of t at s[0..len): its length, 0 when no
 * character of t starts there. */
size_t enc_table_read(const struct enc_table *t, const char *s, size_t len,
		      int32_t *cp);

#endif
