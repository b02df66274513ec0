#include "text/detect.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/syllable.h"
#include "text/utf8.h"
#include "util/i18n.h"

/* A second reading scoring within this share of the best is believable
 * too: ambiguous. */
#define CLOSE 0.25
/* Text whose non-ASCII words all spell well scores at least this (0.5 a
 * plausible word, 1 a common one); a best reading below it is poor
 * Vietnamese and is trusted in proportion. */
#define WELL_SPELLED 0.5

struct reading {
	enum text_enc enc;
	char *text;
	size_t len;
	size_t evidence;        /* non-ASCII words and stray symbols seen */
	double points;          /* 1 a common syllable, 0.5 another plausible
				   one, -1 a word no Vietnamese would write */
	double score;           /* points per evidence, at least 0 */
};

static bool in_word(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

/* Outside words, punctuation and spaces are what text has; symbols and
 * control characters are what a wrong table produces. */
static bool suspicious(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	if (cp < 0x80)
		return cp < 0x20 && (cp == 0 || !strchr("\t\n\v\f\r", (char)cp));
	return !(c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_ZS);
}

static bool common_word(const int32_t *w, size_t n)
{
	char lower[24 * 4 + 1], *p = lower;
	size_t i;

	for (i = 0; i < n; i++)
		p += utf8_encode(utf8proc_tolower(w[i]), p);
	*p = '\0';
	return vn_syllable_common(lower);
}

static void judge_word(const int32_t *w, size_t n, bool foreign, struct reading *r)
{
	if (!foreign)
		return;
	r->evidence++;
	/* Real text has almost no misspelled syllables, while a wrong table
	 * makes plenty next to a few that pass by chance: those must not add
	 * up to a believable score.  A word too long to be one syllable is
	 * misspelled by definition (n is then 0). */
	if (n && vn_syllable_plausible(w, n))
		r->points += common_word(w, n) ? 1.0 : 0.5;
	else
		r->points -= 1.0;
}

static void weigh(struct reading *r)
{
	int32_t word[24], cp;
	size_t i = 0, n, wn = 0;
	bool foreign = false, too_long = false;

	while (i <= r->len) {
		n = i < r->len ? utf8_decode(r->text + i, r->len - i, &cp) : 0;
		if (n && in_word(cp)) {
			if (wn < sizeof word / sizeof word[0])
				word[wn++] = cp;
			else
				too_long = true;
			foreign |= cp >= 0x80;
			i += n;
			continue;
		}
		judge_word(word, too_long ? 0 : wn, foreign && wn, r);
		wn = 0;
		foreign = too_long = false;
		if (n && suspicious(cp)) {
			r->evidence++;
			r->points -= 1.0;
		}
		i += n ? n : 1;
	}
	r->score = r->evidence && r->points > 0 ? r->points / (double)r->evidence : 0;
}

static int by_score(const void *a, const void *b)
{
	const struct reading *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return (int)x->enc - (int)y->enc;       /* the more common first */
}

/* Read the bytes in every legacy encoding that can; identical readings are
 * kept once, under the more common name. */
static size_t read_all(const char *s, size_t len, struct reading *r)
{
	size_t n = 0, j;
	int e;

	for (e = TEXT_ENC_UTF8 + 1; e < TEXT_ENC_COUNT; e++) {
		r[n].enc = (enum text_enc)e;
		r[n].text = text_enc_decode(r[n].enc, s, len, &r[n].len, NULL);
		if (!r[n].text)
			continue;
		for (j = 0; j < n; j++)
			if (r[j].len == r[n].len && !memcmp(r[j].text, r[n].text, r[n].len))
				break;
		if (j < n) {
			free(r[n].text);
			continue;
		}
		r[n].evidence = 0;
		r[n].points = 0;
		weigh(&r[n]);
		n++;
	}
	return n;
}

/* Valid UTF-8: each multibyte sequence is a further chance in several that
 * legacy bytes would not have formed one by accident. */
static void guess_utf8(const char *s, size_t len, struct text_guess *g)
{
	double doubt = 1.0;
	size_t i, multi = 0;

	for (i = 0; i < len; i++)
		multi += ((unsigned char)s[i] & 0xC0) == 0xC0;
	for (i = 0; i < multi && doubt > 1e-6; i++)
		doubt /= 8;
	g->enc = TEXT_ENC_UTF8;
	g->confidence = multi ? 1.0 - doubt : 1.0;
}

int text_detect_encoding(const char *s, size_t len, struct text_guess *g, struct tthc_err *err)
{
	struct reading r[TEXT_ENC_COUNT];
	size_t n, i, evidence;
	double weight, margin, quality;

	memset(g, 0, sizeof *g);
	if (utf8_valid(s, len, NULL)) {     /* ASCII included */
		guess_utf8(s, len, g);
		return 0;
	}
	n = read_all(s, len, r);
	if (n == 0)
		return tthc_fail(err, TTHC_E_UNKNOWN_ENC, NULL, "%s",
				 _("no known encoding reads these bytes"));
	qsort(r, n, sizeof r[0], by_score);
	evidence = r[0].evidence;
	/* One plausible word is weak evidence; tens of them are strong. */
	weight = (double)evidence / ((double)evidence + 1.0);
	margin = r[0].score > 0 ? 1.0 - (n > 1 ? r[1].score : 0) / r[0].score : 0;
	quality = r[0].score >= WELL_SPELLED ? 1.0 : r[0].score / WELL_SPELLED;
	g->enc = r[0].enc;
	if (n == 1 || margin >= CLOSE) {
		g->confidence = margin * weight * quality;
	} else {
		g->ambiguous = true;
		for (i = 0; i < n && r[i].score >= r[0].score * (1.0 - CLOSE); i++)
			g->candidates[g->n++] = r[i].enc;
	}
	for (i = 0; i < n; i++)
		free(r[i].text);
	return 0;
}
