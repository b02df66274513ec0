/* Cursor and scrolling for the list views that are not the index. */
#include "rows.h"

void rows_scroll(size_t cur, size_t *top, size_t h)
{
	if (h == 0)
		h = 1;
	if (cur < *top)
		*top = cur;
	else if (cur >= *top + h)
		*top = cur - h + 1;
}

bool rows_move(enum action a, size_t n, size_t *cur, size_t *top, size_t page)
{
	long c = (long)*cur, p = page ? (long)page : 1;

	switch (a) {
	case ACT_MOVE_DOWN: c++; break;
	case ACT_MOVE_UP: c--; break;
	case ACT_PAGE_DOWN: c += p; break;
	case ACT_PAGE_UP: c -= p; break;
	case ACT_FIRST: c = 0; break;
	case ACT_LAST: c = (long)n - 1; break;
	default: return false;
	}
	if (c >= (long)n)
		c = (long)n - 1;
	if (c < 0)
		c = 0;
	*cur = (size_t)c;
	rows_scroll(*cur, top, page);
	return true;
}
