#include <stdbool.h>
#include <stdint.h>

#include "text/term.h"
#include "text/utf8.h"
#include "util/buf.h"

/* The states of the DEC/ECMA-48 parser as Paul Williams describes it
 * (https://vt100.net/emu/dec_ansi_parser), reduced to what deciding "is this
 * part of a control sequence" needs: whatever a terminal would take as part
 * of a sequence is dropped whole, so "\x1b[31m" goes, not just the ESC. */
enum state {
	GROUND,
	ESCAPE,         /* after ESC */
	ESCAPE_INTER,   /* ESC then intermediates (0x20-0x2F), e.g. ESC ( B */
	CSI,            /* ESC [ or U+009B: parameters until a final 0x40-0x7E */
	OSC,            /* ESC ] or U+009D: until BEL or ST */
	STRING,         /* DCS, SOS, PM, APC: until ST */
};

/* The transitions the parser takes from any state.  ST (ESC \ or U+009C)
 * needs no case of its own: ESC enters ESCAPE and '\' is a final there. */
static bool anywhere(int32_t cp, enum state *st)
{
	switch (cp) {
	case 0x18: case 0x1A:           /* CAN, SUB abort a sequence */
		*st = GROUND;
		return true;
	case 0x1B:
		*st = ESCAPE;
		return true;
	case 0x9B:
		*st = CSI;
		return true;
	case 0x9D:
		*st = OSC;
		return true;
	case 0x90: case 0x98: case 0x9E: case 0x9F:   /* DCS SOS PM APC */
		*st = STRING;
		return true;
	}
	if (cp >= 0x80 && cp <= 0x9F) {   /* any other C1, ST included */
		*st = GROUND;
		return true;
	}
	return false;
}

/* C0 and DEL inside a sequence are acted on by a terminal without ending
 * the sequence; here they are dropped, and the sequence goes on. */
static bool is_c0_or_del(int32_t cp)
{
	return cp < 0x20 || cp == 0x7F;
}

/* One character in state *st; true when it is text to keep.  A
 * character outside ASCII cannot belong to a sequence's ESC or CSI part, so
 * it ends that sequence and is kept. */
static bool step(enum state *st, int32_t cp)
{
	if (anywhere(cp, st))
		return false;
	switch (*st) {
	case GROUND:
		return !is_c0_or_del(cp) || cp == '\t';
	case ESCAPE:
	case ESCAPE_INTER:
		if (is_c0_or_del(cp))
			return false;
		if (cp >= 0x20 && cp <= 0x2F) {
			*st = ESCAPE_INTER;
			return false;
		}
		if (*st == ESCAPE && cp == '[')
			*st = CSI;
		else if (*st == ESCAPE && cp == ']')
			*st = OSC;
		else if (*st == ESCAPE && (cp == 'P' || cp == 'X' || cp == '^' || cp == '_'))
			*st = STRING;
		else
			*st = GROUND;
		return cp >= 0x80;
	case CSI:
		if (is_c0_or_del(cp) || (cp >= 0x20 && cp <= 0x3F))
			return false;
		*st = GROUND;
		return cp >= 0x80;
	case OSC:
		if (cp == 0x07)         /* BEL ends an OSC (xterm) */
			*st = GROUND;
		return false;
	case STRING:
		return false;
	}
	return false;
}

char *term_sanitize(const char *s, size_t len, size_t *out_len)
{
	struct buf out = BUF_INIT;
	enum state st = GROUND;
	size_t i = 0, n;
	int32_t cp;
	char enc[4];
	char *text;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			cp = 0xFFFD;    /* one per invalid byte */
			n = 1;
		}
		i += n;
		if (!step(&st, cp))
			continue;
		if (cp == '\t')
			buf_putc(&out, ' ');
		else
			buf_append(&out, enc, utf8_encode(cp, enc));
	}
	n = out.len;
	text = buf_detach(&out);
	if (text && out_len)
		*out_len = n;
	return text;
}
