/* Durations as people write them in an rc file: "30", "30s", "5m", "250ms". */
#include "config/check.h"

#include <string.h>

#include "util/i18n.h"

static const struct {
	const char *suffix;
	long long ms;
} units[] = {
	{ "ms", 1 },
	{ "s", 1000 },
	{ "m", 60 * 1000 },
	{ "h", 60 * 60 * 1000 },
	{ "d", 24 * 60 * 60 * 1000 },
};

/* Nine digits of days still fit in a long long of milliseconds; anything
 * longer is out of every range anyway. */
#define MAX_DIGITS 9

int duration_parse(const char *s, long long bare_unit_ms, long long *ms,
		   struct tthc_err *err)
{
	long long n = 0, unit = bare_unit_ms;
	size_t digits = strspn(s, "0123456789"), i;

	if (digits > MAX_DIGITS)
		return tthc_fail(err, TTHC_E_RANGE, NULL, _("'%s' is too long a duration"), s);
	if (digits == 0)
		goto bad;
	for (i = 0; i < digits; i++)
		n = n * 10 + (s[i] - '0');
	if (s[digits]) {
		unit = 0;
		for (i = 0; i < sizeof units / sizeof units[0]; i++)
			if (!strcmp(s + digits, units[i].suffix))
				unit = units[i].ms;
		if (!unit)
			goto bad;
	}
	*ms = n * unit;
	return 0;
bad:
	return tthc_fail(err, TTHC_E_INVALID, NULL,
			 _("'%s' is not a duration: a whole number and an optional unit "
			   "(ms, s, m, h, d)"), s);
}
