#include "text/unmark.h"

#include <utf8proc.h>

int32_t text_unmark(int32_t cp)
{
	utf8proc_int32_t dec[8];
	utf8proc_ssize_t n;
	int last = 0;

	/* A stroke is part of the letter in Unicode, so đ has no
	 * decomposition; Vietnamese reads it as d with a mark all the same. */
	if (cp == 0x0111)
		return 'd';
	if (cp == 0x0110)
		return 'D';
	if (utf8proc_category(cp) == UTF8PROC_CATEGORY_MN)
		return 0;
	n = utf8proc_decompose_char(cp, dec, 8, UTF8PROC_DECOMPOSE, &last);
	return n >= 2 ? dec[0] : -1;
}
