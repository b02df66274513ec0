/* Drawing a scrolled list of rows with the cursor row highlighted, shared
 * by the list views. */
#ifndef TTHC_TUI_ROWS_H
#define TTHC_TUI_ROWS_H

#include <stddef.h>

#include "app.h"

/* Move a cursor over n rows for a motion action; false when a is not one. */
bool rows_move(enum action a, size_t n, size_t *cur, size_t *top, size_t page);

/* Keep top so that cur is on a page of h rows. */
void rows_scroll(size_t cur, size_t *top, size_t h);

#endif
