#include "text/syllable.h"

#include <string.h>
#include <utf8proc.h>

enum { TONE_NONE, TONE_GRAVE, TONE_ACUTE, TONE_HOOK, TONE_TILDE, TONE_DOT };

/* The word as toneless small letters (UTF-8: ă â ê ô ơ ư đ stay letters of
 * their own), its tone and the byte offset of the letter carrying it. */
struct spelled {
	char s[96];
	size_t len;
	int tone;
	size_t tone_at;
};

static int tone_of(int32_t mark)
{
	switch (mark) {
	case 0x0300: return TONE_GRAVE;
	case 0x0301: return TONE_ACUTE;
	case 0x0309: return TONE_HOOK;
	case 0x0303: return TONE_TILDE;
	case 0x0323: return TONE_DOT;
	default: return TONE_NONE;
	}
}

/* Base letter and shape mark (breve, circumflex, horn) as one letter. */
static const char *shaped(int32_t base, int32_t shape)
{
	static const struct { char base; int32_t shape; const char *letter; } t[] = {
		{ 'a', 0x0306, "ă" }, { 'a', 0x0302, "â" }, { 'e', 0x0302, "ê" },
		{ 'o', 0x0302, "ô" }, { 'o', 0x031B, "ơ" }, { 'u', 0x031B, "ư" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i].base == base && t[i].shape == shape)
			return t[i].letter;
	return NULL;
}

static bool spell_letter(int32_t cp, struct spelled *w)
{
	utf8proc_int32_t dec[4];
	utf8proc_ssize_t n, j;
	int32_t shape = 0;
	const char *letter;
	char one[2] = { 0 };
	int last = 0, tone;

	cp = utf8proc_tolower(cp);
	if (cp == 0x0111) {
		letter = "đ";
	} else {
		n = utf8proc_decompose_char(cp, dec, 4, UTF8PROC_DECOMPOSE, &last);
		if (n < 1 || n > 4 || dec[0] < 'a' || dec[0] > 'z')
			return false;
		for (j = 1; j < n; j++) {
			tone = tone_of(dec[j]);
			if (tone && w->tone)
				return false;           /* two tones */
			if (tone) {
				if (!strchr("aeiouy", (char)dec[0]))
					return false;   /* a tone on a consonant */
				w->tone = tone;
				w->tone_at = w->len;
			} else if (!shape) {
				shape = dec[j];
			} else {
				return false;
			}
		}
		one[0] = (char)dec[0];
		letter = shape ? shaped(dec[0], shape) : one;
		if (!letter)
			return false;
	}
	if (w->len + strlen(letter) >= sizeof w->s)
		return false;
	memcpy(w->s + w->len, letter, strlen(letter));
	w->len += strlen(letter);
	w->s[w->len] = '\0';
	return true;
}

static const char *const initials[] = {
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
	"v", "x", "",
};

static const char *const finals[] = {
	"ch", "ng", "nh", "c", "m", "n", "p", "t", "",
};

/* Vowel nuclei, and whether a final consonant may (1), must (2) or may
 * not (0) follow: a nucleus ending in a semivowel is closed already. */
static const struct { const char *v; int final; } nuclei[] = {
	{ "a", 1 }, { "ă", 2 }, { "â", 2 }, { "e", 1 }, { "ê", 1 }, { "i", 1 },
	{ "o", 1 }, { "ô", 1 }, { "ơ", 1 }, { "u", 1 }, { "ư", 1 }, { "y", 1 },
	{ "ai", 0 }, { "ao", 0 }, { "au", 0 }, { "ay", 0 }, { "âu", 0 },
	{ "ây", 0 }, { "eo", 0 }, { "êu", 0 }, { "ia", 0 }, { "iu", 0 },
	{ "oi", 0 }, { "ôi", 0 }, { "ơi", 0 }, { "ui", 0 }, { "ưi", 0 },
	{ "ưu", 0 }, { "ua", 0 }, { "ưa", 0 },
	{ "iê", 2 }, { "yê", 2 }, { "uô", 2 }, { "ươ", 2 }, { "oă", 2 },
	{ "uâ", 2 }, { "oo", 2 }, { "oa", 1 }, { "oe", 1 }, { "uê", 1 },
	{ "uy", 1 }, { "uơ", 1 },
	{ "iêu", 0 }, { "yêu", 0 }, { "oai", 0 }, { "oay", 0 }, { "oao", 0 },
	{ "oeo", 0 }, { "uây", 0 }, { "uôi", 0 }, { "ươi", 0 }, { "ươu", 0 },
	{ "uya", 0 }, { "uyu", 0 }, { "uyê", 2 },
};

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Where the tone belongs: on the last shaped vowel (ă â ê ô ơ ư) if any;
 * else on the last vowel before a final consonant; else on the first of two
 * vowels (either for oa, oe, uy: old and new style), the middle of three. */
static bool tone_placed_right(const char *v, bool has_final, size_t at)
{
	static const char *const shapes[] = { "ă", "â", "ê", "ô", "ơ", "ư" };
	size_t i, vlen = strlen(v), best = (size_t)-1;
	const char *p;

	for (i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
		for (p = strstr(v, shapes[i]); p; p = strstr(p + 1, shapes[i]))
			if (best == (size_t)-1 || (size_t)(p - v) > best)
				best = (size_t)(p - v);
	if (best != (size_t)-1)
		return at == best;
	/* No shaped vowel: the nucleus is ASCII, one byte a letter. */
	if (has_final || vlen == 1)
		return at == vlen - 1;
	if (!strcmp(v, "oa") || !strcmp(v, "oe") || !strcmp(v, "uy"))
		return at <= 1;
	return at == (vlen == 2 ? 0 : 1);
}

static bool front_vowel(const char *v)
{
	return starts(v, "i") || starts(v, "e") || starts(v, "ê") || starts(v, "y");
}

/* c/k, g/gh, ng/ngh are chosen by the vowel after them. */
static bool initial_fits(const char *init, const char *v)
{
	if (!strcmp(init, "k") || !strcmp(init, "gh") || !strcmp(init, "ngh"))
		return front_vowel(v);
	if (!strcmp(init, "c") || !strcmp(init, "ng"))
		return !front_vowel(v);
	if (!strcmp(init, "g"))
		return !starts(v, "e") && !starts(v, "ê");
	return true;
}

static bool parses_with(const struct spelled *w, const char *init)
{
	size_t ilen = strlen(init), i, f, vlen;
	const char *rest = w->s + ilen;
	bool stop;

	for (i = 0; i < sizeof nuclei / sizeof nuclei[0]; i++) {
		vlen = strlen(nuclei[i].v);
		if (!starts(rest, nuclei[i].v) || !initial_fits(init, nuclei[i].v))
			continue;
		for (f = 0; f < sizeof finals / sizeof finals[0]; f++) {
			if (strcmp(rest + vlen, finals[f]))
				continue;
			if ((finals[f][0] && nuclei[i].final == 0) ||
			    (!finals[f][0] && nuclei[i].final == 2))
				continue;
			stop = strchr("cpt", finals[f][0]) && finals[f][0];
			if (stop && w->tone != TONE_ACUTE && w->tone != TONE_DOT)
				continue;
			if (w->tone && (w->tone_at < ilen ||
			    !tone_placed_right(nuclei[i].v, finals[f][0] != '\0',
					       w->tone_at - ilen)))
				continue;
			return true;
		}
	}
	return false;
}

static bool cased_like_a_word(const int32_t *cps, size_t n)
{
	size_t i, upper = 0;

	for (i = 0; i < n; i++)
		upper += utf8proc_tolower(cps[i]) != cps[i];
	if (upper == 0 || upper == n)
		return true;
	return upper == 1 && utf8proc_tolower(cps[0]) != cps[0];
}

bool vn_syllable_plausible(const int32_t *cps, size_t n)
{
	struct spelled w = { .len = 0 };
	size_t i;

	if (!cased_like_a_word(cps, n))
		return false;
	for (i = 0; i < n; i++)
		if (!spell_letter(cps[i], &w))
			return false;
	for (i = 0; i < sizeof initials / sizeof initials[0]; i++)
		if (starts(w.s, initials[i]) && parses_with(&w, initials[i]))
			return true;
	return false;
}
