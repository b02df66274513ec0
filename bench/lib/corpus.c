#include "corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/utf8.h"

/* Toneless syllables; '*' stands before the vowel that carries the tone
 * (the traditional placement: "hòa", "thủy").  A syllable ending in a stop
 * (-c, -ch, -p, -t) takes only the sắc or nặng tone, as Vietnamese spelling
 * requires. */
static const char *const bases[] = {
	"*a", "b*a", "c*a", "ch*a", "d*a", "đ*a", "g*a", "h*a", "kh*a", "l*a", "m*a",
	"n*a", "ng*a", "nh*a", "ph*a", "r*a", "s*a", "t*a", "th*a", "tr*a", "v*a",
	"x*a", "*an", "b*an", "c*an", "d*an", "đ*an", "h*an", "l*an", "m*an", "ng*an",
	"ph*an", "s*an", "t*an", "th*an", "tr*an", "v*an", "*anh", "b*anh", "c*anh",
	"ch*anh", "h*anh", "l*anh", "m*anh", "nh*anh", "th*anh", "tr*anh", "b*ăn",
	"c*ăn", "kh*ăn", "l*ăn", "m*ăn", "n*ăn", "s*ăn", "th*ăn", "v*ăn", "ch*ăm",
	"n*ăm", "t*ăm", "c*âu", "d*ân", "l*ân", "ng*ân", "nh*ân", "qu*ân", "t*ân",
	"th*ân", "v*ân", "xu*ân", "b*ên", "đ*ên", "l*ên", "n*ên", "t*ên", "th*ê",
	"kh*ê", "ngh*ê", "nguy*ên", "quy*ên", "tuy*ên", "chuy*ên", "huy*ên", "vi*ên",
	"bi*ên", "ti*ên", "thi*ên", "đi*ên", "mi*ên", "ki*ên", "li*ên", "y*ên",
	"y*êu", "nhi*êu", "chi*êu", "bi*êu", "ti*êu", "hi*êu", "vi*êt", "bi*êt",
	"thi*êt", "vi*êc", "h*oa", "ho*ang", "qu*ang", "to*an", "ngo*ai", "*ông",
	"c*ông", "đ*ông", "h*ông", "kh*ông", "l*ông", "m*ông", "n*ông", "s*ông",
	"t*ông", "th*ông", "tr*ông", "ch*ông", "b*ô", "c*ô", "đ*ô", "h*ô", "l*ô",
	"ng*ô", "t*ô", "v*ô", "b*ơ", "c*ơ", "m*ơ", "s*ơ", "th*ơ", "ch*ơ", "*ơn",
	"s*ơn", "h*ơn", "l*ơn", "c*ơm", "th*ơm", "ngư*ơi", "mư*ơi", "dư*ơi",
	"tư*ơi", "nư*ơc", "đư*ơc", "bư*ơc", "trư*ơc", "phư*ơng", "thư*ơng",
	"trư*ơng", "đư*ơng", "lư*ơng", "hư*ơng", "dư*ơng", "chư*ơng", "nh*ưng",
	"ch*ưng", "l*ưng", "t*ưng", "đ*ưng", "t*ư", "nh*ư", "th*ư", "c*ư", "s*ư",
	"ch*ư", "*u", "b*u", "c*u", "đ*u", "m*u", "ng*u", "t*u", "th*u", "d*ung",
	"c*ung", "ch*ung", "h*ung", "ph*ung", "tr*ung", "v*ung", "c*uc", "ph*uc",
	"h*oc", "đ*oc", "ng*oc", "l*ac", "c*ac", "b*ac", "h*at", "ph*at", "đ*at",
	"d*uc", "đ*uc", "th*uc", "b*i", "ch*i", "gh*i", "h*i", "k*i", "l*i", "m*i",
	"nh*i", "ph*i", "s*i", "t*i", "th*i", "tr*i", "v*i", "đ*inh", "l*inh",
	"m*inh", "th*inh", "t*inh", "b*inh", "ch*inh", "k*inh", "t*ay", "m*ay",
	"h*ay", "ch*ay", "b*ay", "s*ay", "th*ay", "ng*ay", "n*ay", "c*ai", "h*ai",
	"m*ai", "l*ai", "tr*ai", "ph*ai", "th*ai", "đ*ang", "h*ang", "s*ang",
	"th*ang", "tr*ang", "v*ang", "ch*ang", "t*ôi", "đ*ôi", "h*ôi", "m*ôi",
	"th*ôi", "b*ao", "c*ao", "đ*ao", "l*ao", "n*ao", "s*ao", "th*ao", "v*ao",
	"h*ơi", "m*ơi", "ch*ơi", "l*ơi", "đ*ơi", "gi*a", "gi*ao", "gi*ai", "gi*ang",
	"h*op", "l*ap", "ph*ep", "t*ap", "gi*up",
};

/* The most frequent words of administrative Vietnamese, which real text
 * repeats far more than chance would. */
static const char *const common[] = {
	"của", "và", "là", "các", "được", "người", "không", "có", "trong", "cho",
	"đảng", "viên", "chi", "bộ", "ủy", "thủ", "tục", "hồ", "sơ", "đề", "nghị",
	"chuyển", "sinh", "hoạt", "tháng", "năm", "đã", "với", "theo", "quy", "định",
};

static const char *const families[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
	"Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lâm", "Đào",
};
static const char *const middles[] = {
	"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Thu",
	"Kim", "Hồng", "Bảo", "Công", "Đình", "Quốc", "Gia", "Hoài", "Mạnh", "Thị Thu",
};
static const char *const givens[] = {
	"An", "Anh", "Ánh", "Ân", "Bình", "Chi", "Cúc", "Cường", "Dũng", "Dung",
	"Đức", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Huyền",
	"Khánh", "Lan", "Linh", "Loan", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc",
	"Nhung", "Oanh", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng",
	"Thủy", "Tiến", "Trang", "Trung", "Tuấn", "Vân", "Việt", "Xuân", "Yến",
};

/* Tone marks in the order ngang, huyền, hỏi, ngã, sắc, nặng. */
static const char *const tones[] = { "", "\xCC\x80", "\xCC\x89", "\xCC\x83",
				     "\xCC\x81", "\xCC\xA3" };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define LINE_MAX_BYTES 2048

struct gen {
	uint64_t rng;
	char **syllables;
	size_t nsyllables;
	char line[LINE_MAX_BYTES];
	size_t len;
};

/* xorshift64*: small, fast, and the same sequence everywhere. */
static uint64_t next(struct gen *g)
{
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return g->rng * 0x2545F4914F6CDD1DULL;
}

static size_t pick(struct gen *g, size_t n)
{
	return (size_t)(next(g) >> 33) % n;
}

static int ends_in_stop(const char *base)
{
	size_t n = strlen(base);
	char last = base[n - 1];

	return last == 'c' || last == 'p' || last == 't' ||
	       (n >= 2 && base[n - 2] == 'c' && last == 'h');
}

/* base with the tone mark after its '*' vowel, composed (NFC). */
static char *toned(const char *base, const char *tone)
{
	char raw[64];
	const char *star = strchr(base, '*');
	int32_t cp;
	size_t vowel = utf8_decode(star + 1, strlen(star + 1), &cp);
	utf8proc_uint8_t *nfc = NULL;

	snprintf(raw, sizeof raw, "%.*s%.*s%s%s", (int)(star - base), base, (int)vowel,
		 star + 1, tone, star + 1 + vowel);
	if (utf8proc_map((const utf8proc_uint8_t *)raw, (utf8proc_ssize_t)strlen(raw), &nfc,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE) < 0)
		return NULL;
	return (char *)nfc;
}

static int make_syllables(struct gen *g)
{
	size_t b, t;

	g->syllables = malloc(COUNT(bases) * COUNT(tones) * sizeof *g->syllables);
	if (!g->syllables)
		return -1;
	for (b = 0; b < COUNT(bases); b++)
		for (t = 0; t < COUNT(tones); t++) {
			if (ends_in_stop(bases[b]) && t != 4 && t != 5)
				continue;
			g->syllables[g->nsyllables] = toned(bases[b], tones[t]);
			if (!g->syllables[g->nsyllables])
				return -1;
			g->nsyllables++;
		}
	return 0;
}

static void put(struct gen *g, const char *s)
{
	size_t n = strlen(s);

	if (g->len + n < LINE_MAX_BYTES) {
		memcpy(g->line + g->len, s, n);
		g->len += n;
	}
}

/* Code point by code point through utf8proc's case mapping, from byte
 * `from` of the line to its end; `first_only` stops after one letter. */
static void upper(struct gen *g, size_t from, int first_only)
{
	char out[LINE_MAX_BYTES * 2];
	size_t i = from, o = 0, n;
	int32_t cp;

	while (i < g->len) {
		n = utf8_decode(g->line + i, g->len - i, &cp);
		o += utf8_encode(utf8proc_toupper(cp), out + o);
		i += n;
		if (first_only)
			break;
	}
	memcpy(out + o, g->line + i, g->len - i);
	o += g->len - i;
	if (from + o < LINE_MAX_BYTES) {
		memcpy(g->line + from, out, o);
		g->len = from + o;
	}
}

static void put_word(struct gen *g)
{
	if (pick(g, 10) < 3)
		put(g, common[pick(g, COUNT(common))]);
	else
		put(g, g->syllables[pick(g, g->nsyllables)]);
}

static void put_name(struct gen *g)
{
	put(g, families[pick(g, COUNT(families))]);
	put(g, " ");
	put(g, middles[pick(g, COUNT(middles))]);
	put(g, " ");
	put(g, givens[pick(g, COUNT(givens))]);
}

static void sentence(struct gen *g)
{
	size_t words = 6 + pick(g, 22), w;

	for (w = 0; w < words; w++) {
		if (w)
			put(g, pick(g, 9) ? " " : ", ");
		put_word(g);
	}
	put(g, ".");
	upper(g, 0, 1);
}

static void member_record(struct gen *g)
{
	char num[96];

	put_name(g);
	snprintf(num, sizeof num, ", sinh năm %u, chi bộ thôn %u, đảng phí tháng %02u/2026: %u.000 đ",
		 1940 + (unsigned)pick(g, 66), 1 + (unsigned)pick(g, 12),
		 1 + (unsigned)pick(g, 12), 5 + (unsigned)pick(g, 200));
	put(g, num);
}

static void heading(struct gen *g)
{
	size_t words = 2 + pick(g, 6), w;

	put(g, "Báo cáo");
	for (w = 0; w < words; w++) {
		put(g, " ");
		put_word(g);
	}
	put(g, " — quý III/2026");
	upper(g, 0, 0);
}

/* The line in g->line, decomposed. */
static int decompose(struct gen *g)
{
	utf8proc_uint8_t *nfd = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)g->line,
					  (utf8proc_ssize_t)g->len, &nfd,
					  UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);

	if (n < 0)
		return -1;
	if ((size_t)n < LINE_MAX_BYTES) {
		memcpy(g->line, nfd, (size_t)n);
		g->len = (size_t)n;
	}
	free(nfd);
	return 0;
}

static int is_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

static void free_syllables(struct gen *g)
{
	size_t i;

	for (i = 0; i < g->nsyllables; i++)
		free(g->syllables[i]);
	free(g->syllables);
}

int corpus_make(struct corpus *c, size_t bytes, uint64_t seed)
{
	struct gen g = { .rng = seed ? seed : 1 };
	size_t kind;
	int rc = -1;

	memset(c, 0, sizeof *c);
	c->text = malloc(bytes + LINE_MAX_BYTES + 1);
	if (!c->text || make_syllables(&g))
		goto out;
	while (c->len < bytes) {
		g.len = 0;
		kind = pick(&g, 100);
		if (kind < 45)
			sentence(&g);
		else if (kind < 80)
			member_record(&g);
		else if (kind < 88)
			heading(&g);
		else
			put_name(&g);
		/* About one line in four arrives decomposed. */
		if (pick(&g, 4) == 0) {
			if (decompose(&g))
				goto out;
			c->nfd_lines++;
		}
		c->ascii_lines += (size_t)is_ascii(g.line, g.len);
		memcpy(c->text + c->len, g.line, g.len);
		c->len += g.len;
		c->text[c->len++] = '\n';
		c->lines++;
	}
	c->text[c->len] = '\0';
	rc = 0;
out:
	free_syllables(&g);
	if (rc)
		corpus_free(c);
	return rc;
}

void corpus_free(struct corpus *c)
{
	free(c->text);
	memset(c, 0, sizeof *c);
}
