/* Key notation, NeoMutt's (muttrc(5) "bind"), with the names tthc needs. */
#include "keys.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "text/utf8.h"

static const char *const notations[TK_COUNT] = {
#define X(id, notation, label) [TK_##id] = notation,
	TTHC_SPECIAL_KEYS(X)
#undef X
};

static const char *const labels[TK_COUNT] = {
#define X(id, notation, label) [TK_##id] = label,
	TTHC_SPECIAL_KEYS(X)
#undef X
};

/* Names inside <...> that are characters, not special keys. */
static const struct {
	const char *name;
	int key;
} char_names[] = {
	{ "Esc", KEY_ESC_CODE }, { "Escape", KEY_ESC_CODE }, { "Enter", KEY_ENTER_CODE },
	{ "Return", KEY_ENTER_CODE }, { "Tab", KEY_TAB_CODE }, { "Space", ' ' },
	{ "PgDn", KEY_OF(TK_PAGEDOWN) }, { "PgUp", KEY_OF(TK_PAGEUP) },
};

static int angle_name(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof char_names / sizeof char_names[0]; i++)
		if (strlen(char_names[i].name) == len && !strncasecmp(name, char_names[i].name, len))
			return char_names[i].key;
	for (i = 0; i < TK_COUNT; i++)
		if (strlen(notations[i]) == len && !strncasecmp(name, notations[i], len))
			return KEY_OF((int)i);
	return -1;
}

/* One key at s; its length in *used.  -1 when none can be read. */
static int parse_one(const char *s, size_t *used)
{
	int32_t cp;
	size_t n;

	if (s[0] == '<' && s[1] && s[1] != '>') {
		const char *end = strchr(s + 1, '>');

		if (end) {
			int k = angle_name(s + 1, (size_t)(end - s - 1));

			if (k >= 0) {
				*used = (size_t)(end - s + 1);
				return k;
			}
			return -1;
		}
	}
	if (s[0] == '\\' && (s[1] == 'C' || s[1] == 'c') && s[2] && (unsigned char)s[2] < 0x80) {
		*used = 3;
		return s[2] == '?' ? 127 : (s[2] & 0x1f);
	}
	if (s[0] == '^' && s[1] && (unsigned char)s[1] < 0x80 && s[1] != ' ') {
		*used = 2;
		return s[1] == '?' ? 127 : (s[1] & 0x1f);
	}
	if (s[0] == '\\' && s[1]) {
		static const char esc[] = "etnr\\";
		static const int code[] = { KEY_ESC_CODE, KEY_TAB_CODE, KEY_ENTER_CODE,
					    KEY_ENTER_CODE, '\\' };
		const char *p = strchr(esc, s[1]);

		if (!p)
			return -1;
		*used = 2;
		return code[p - esc];
	}
	n = utf8_decode(s, strlen(s), &cp);
	if (n == 0 || cp < 0x20 || cp == 0x7f)
		return -1;
	*used = n;
	return (int)cp;
}

int key_parse(const char *s)
{
	size_t used;
	int k;

	if (!s || !*s)
		return -1;
	k = parse_one(s, &used);
	return k >= 0 && s[used] == '\0' ? k : -1;
}

int key_parse_seq(const char *s, int *out, size_t max)
{
	size_t n = 0, used;

	while (*s) {
		int k = parse_one(s, &used);

		if (k < 0 || n == max)
			return -1;
		out[n++] = k;
		s += used;
	}
	return (int)n;
}

static void put_char(int key, char *out, size_t size)
{
	char u[4];
	size_t n = utf8_encode(key, u);

	snprintf(out, size, "%.*s", (int)n, u);
}

void key_notation(int key, char *out, size_t size)
{
	if (key >= KEY_SPECIAL && key < KEY_SPECIAL + TK_COUNT)
		snprintf(out, size, "<%s>", notations[key - KEY_SPECIAL]);
	else if (key == KEY_ESC_CODE)
		snprintf(out, size, "<Esc>");
	else if (key == KEY_ENTER_CODE)
		snprintf(out, size, "<Enter>");
	else if (key == KEY_TAB_CODE)
		snprintf(out, size, "<Tab>");
	else if (key == ' ')
		snprintf(out, size, "<Space>");
	else if (key == 127)
		snprintf(out, size, "\\C?");
	else if (key > 0 && key < 0x20)
		snprintf(out, size, "\\C%c", key + 'a' - 1);
	else
		put_char(key, out, size);
}

void key_label(int key, char *out, size_t size)
{
	if (key >= KEY_SPECIAL && key < KEY_SPECIAL + TK_COUNT)
		snprintf(out, size, "%s", labels[key - KEY_SPECIAL]);
	else if (key == KEY_ESC_CODE)
		snprintf(out, size, "Esc");
	else if (key == KEY_ENTER_CODE)
		snprintf(out, size, "Enter");
	else if (key == KEY_TAB_CODE)
		snprintf(out, size, "Tab");
	else if (key == ' ')
		snprintf(out, size, "Spc");
	else if (key == 127)
		snprintf(out, size, "^?");
	else if (key > 0 && key < 0x20)
		snprintf(out, size, "^%c", key + 'A' - 1);
	else
		put_char(key, out, size);
}
