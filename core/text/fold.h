/* Folding for search: "nguyen van an" finds "Nguyễn Văn An" (DESIGN.md
 * section 5), and exact-accent search for when the marks matter.
 *
 * Two keys are compared by plain substring search:
 * - the folded key (text_fold): marks removed, đ/Đ -> d, case folded, so
 *   "Nguyễn Văn Đức" -> "nguyen van duc".  It is the same for NFC and NFD
 *   input, so text need not be normalised first.
 * - the exact key (text_fold_case): NFC with case folded, marks kept, so
 *   "Đức" and "Dục" stay apart.
 *
 * Case in exact mode is "smart", as less -i and NeoMutt's searches are: a
 * needle with no upper-case letter ignores case ("đức" finds "ĐỨC"), a needle
 * with one must match case exactly ("Đức" does not find "ĐỨC").  Someone who
 * types the marks on purpose may mean the capital too; one who types all
 * lower case never does.  The default (folded) mode always ignores case: it
 * is the forgiving search.
 */
#ifndef TTHC_TEXT_FOLD_H
#define TTHC_TEXT_FOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

/* The folded key of s[0..len) appended to out.  Characters that are neither
 * marks nor letters with case (digits, punctuation, spaces, controls) are
 * kept as they are.  Beyond đ, the look-alike U+00D0 Ð (often typed for Đ)
 * also folds to d.  Hangul syllables are kept whole: they have neither case
 * nor marks.  Returns 0, or -1 with TTHC_E_BAD_UTF8 and where = "byte N" (N
 * counted from 0, as text_nfc does; out is then left as it was) or
 * TTHC_E_NOMEM. */
int text_fold_append(struct buf *out, const char *s, size_t len, struct tthc_err *err);

/* The folded key as a new NUL-terminated string (caller frees), its length
 * in *out_len if not NULL; NULL on error as above. */
char *text_fold(const char *s, size_t len, size_t *out_len, struct tthc_err *err);

/* The exact key: NFC, case folded, marks and đ kept.  Same contract as
 * text_fold. */
char *text_fold_case(const char *s, size_t len, size_t *out_len, struct tthc_err *err);

enum text_match {
	TEXT_MATCH_FOLDED,      /* marks, đ and case ignored (the default) */
	TEXT_MATCH_EXACT,       /* marks must match; smart case, see above */
};

/* A needle prepared once and matched against many haystacks (a list being
 * filtered as the user types).  An empty needle matches everything. */
struct text_search {
	enum text_match mode;
	bool match_case;        /* exact mode and the needle has a capital */
	char *key;
	size_t key_len;
	struct buf scratch;     /* the haystack's key, reused between calls */
};

int text_search_init(struct text_search *q, const char *needle, size_t len,
		     enum text_match mode, struct tthc_err *err);

/* 1 when hay[0..len) contains the needle, 0 when not, -1 when hay is not
 * valid UTF-8 (err as for text_fold). */
int text_search_match(struct text_search *q, const char *hay, size_t len,
		      struct tthc_err *err);

void text_search_free(struct text_search *q);

/* One-off: text_search_init + text_search_match + text_search_free. */
int text_contains(const char *hay, size_t hay_len, const char *needle,
		  size_t needle_len, enum text_match mode, struct tthc_err *err);

#endif
