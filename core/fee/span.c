#include "fee/span.h"

#include <string.h>

#include "util/i18n.h"

static int year_of(const char *s, int *y)
{
	int i;

	*y = 0;
	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*y = *y * 10 + (s[i] - '0');
	}
	return 0;
}

int fee_span_parse(const char *s, struct fee_span *out, struct tthc_err *err)
{
	size_t len = s ? strlen(s) : 0;
	int y, k, months;

	if (len == 7 && s[5] >= '0' && s[5] <= '9') {
		if (period_parse(s, &out->from, err) < 0)
			return -1;
		out->to = out->from;
		return 0;
	}
	if ((len != 4 && len != 7) || year_of(s, &y) < 0 ||
	    (len == 7 && (s[4] != '-' || (s[5] != 'Q' && s[5] != 'H') || s[6] < '0' ||
			  s[6] > '9')))
		return tthc_fail(err, TTHC_E_INVALID, NULL,
				 _("'%s' is not a period: YYYY, YYYY-H1, YYYY-Q1 or YYYY-MM"),
				 s ? s : "");
	if (y < 1900)
		return tthc_fail(err, TTHC_E_RANGE, NULL, _("'%s' is not a real year"), s);
	months = len == 4 ? 12 : s[5] == 'H' ? 6 : 3;
	k = len == 4 ? 1 : s[6] - '0';
	if (k < 1 || k > 12 / months)
		return tthc_fail(err, TTHC_E_RANGE, NULL, _("'%s' is not a real quarter or half"),
				 s);
	out->from = (struct period){ y, (k - 1) * months + 1 };
	out->to = (struct period){ y, k * months };
	return 0;
}
