/* The one way tui/ includes curses: the wide-character API (get_wch,
 * wide strings) needs NCURSES_WIDECHAR before the header. */
#ifndef TTHC_TUI_CURSES_H
#define TTHC_TUI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
