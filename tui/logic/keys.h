/* Keys as the TUI sees them, and NeoMutt's key notation for tthcrc and the
 * keymap files: `<Down>`, `<F1>`, `<Esc>`, `<Space>`, `\Cl` or `^L`, `\e`,
 * `\t`, or one character (`;`, `u`, `?`, `đ`).  No curses here: the screen
 * layer maps curses' KEY_* codes to these.
 *
 * A key is an int: a Unicode code point (Ctrl-L is 12, Esc 27, Enter 10),
 * or KEY_SPECIAL + n for keys that are not characters. */
#ifndef TTHC_TUI_KEYS_H
#define TTHC_TUI_KEYS_H

#include <stddef.h>

#define KEY_SPECIAL 0x110000

/* X(ID, NOTATION, LABEL): LABEL is the short form for the key menu. */
#define TTHC_SPECIAL_KEYS(X) \
	X(DOWN,      "Down",      "Down") \
	X(UP,        "Up",        "Up") \
	X(LEFT,      "Left",      "Left") \
	X(RIGHT,     "Right",     "Right") \
	X(PAGEDOWN,  "PageDown",  "PgDn") \
	X(PAGEUP,    "PageUp",    "PgUp") \
	X(HOME,      "Home",      "Home") \
	X(END,       "End",       "End") \
	X(INSERT,    "Insert",    "Ins") \
	X(DELETE,    "Delete",    "Del") \
	X(BACKSPACE, "Backspace", "BkSp") \
	X(BACKTAB,   "BackTab",   "S-Tab") \
	X(F1, "F1", "F1") X(F2, "F2", "F2") X(F3, "F3", "F3") X(F4, "F4", "F4") \
	X(F5, "F5", "F5") X(F6, "F6", "F6") X(F7, "F7", "F7") X(F8, "F8", "F8") \
	X(F9, "F9", "F9") X(F10, "F10", "F10") X(F11, "F11", "F11") X(F12, "F12", "F12")

enum {
#define X(id, notation, label) TK_##id,
	TTHC_SPECIAL_KEYS(X)
#undef X
	TK_COUNT
};

#define KEY_OF(tk) (KEY_SPECIAL + (tk))
#define KEY_ENTER_CODE 10
#define KEY_ESC_CODE 27
#define KEY_TAB_CODE 9

/* One key written in notation; -1 when s is not exactly one key. */
int key_parse(const char *s);

/* A sequence (a macro's KEYS): up to max keys into out; the count, or -1
 * when a part is not a key (an unclosed `<`, an unknown `<Name>`, bad
 * UTF-8) or there are more than max. */
int key_parse_seq(const char *s, int *out, size_t max);

/* The notation of key, as a bind line would write it ("<Down>", "\Cl",
 * "<Space>", "đ"), into out[0..size). */
void key_notation(int key, char *out, size_t size);

/* The short form for the key menu ("Down", "^L", "Spc", "F1", "t"). */
void key_label(int key, char *out, size_t size);

#endif
