#include "fee/amount.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"

int fee_amount_parse(const char *s, int64_t *out, struct tthc_err *err)
{
	const char *p;
	int64_t v = 0;
	int group = 0;          /* digits since the last dot */
	bool dotted = false;

	if (!s)
		s = "";
	if (*s == '-')
		return tthc_fail(err, TTHC_E_RANGE, NULL,
				 _("amount '%s' is negative; amounts are zero or more"), s);
	for (p = s; *p; p++) {
		if (*p == '.') {
			/* 8.000.000: 1-3 digits first, then exactly three per group. */
			if (group == 0 || group > 3 || (dotted && group != 3))
				goto bad;
			dotted = true;
			group = 0;
			continue;
		}
		if (*p < '0' || *p > '9')
			goto bad;
		if (v > (FEE_AMOUNT_MAX - (*p - '0')) / 10)
			return tthc_fail(err, TTHC_E_RANGE, NULL,
					 _("amount '%s' is too large"), s);
		v = v * 10 + (*p - '0');
		group++;
	}
	if (group == 0 || (dotted && group != 3))
		goto bad;
	*out = v;
	return 0;
bad:
	return tthc_fail(err, TTHC_E_INVALID, NULL,
			 _("'%s' is not an amount in đồng (write 8000000 or 8.000.000)"), s);
}

/* The digits of a non-negative number grouped by dots. */
static void grouped(uint64_t v, char *out, size_t size)
{
	char digits[24];
	size_t n, i, o = 0;

	n = (size_t)snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
	for (i = 0; i < n && o + 2 < size; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

/* |v| without overflow at INT64_MIN. */
static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

void fee_amount_format(int64_t dong, char out[FEE_AMOUNT_TEXT])
{
	char g[32];

	grouped(magnitude(dong), g, sizeof g);
	snprintf(out, FEE_AMOUNT_TEXT, "%s%s đ", dong < 0 ? "-" : "", g);
}

/* ",005" for a fraction of 5,000 µđ: the digits needed, nothing after. */
static void fraction(uint64_t part, uint64_t scale_digits, char *out, size_t size)
{
	int len;

	out[0] = '\0';
	if (part == 0 || size < 2)
		return;
	out[0] = ',';
	len = snprintf(out + 1, size - 1, "%0*llu", (int)scale_digits,
		       (unsigned long long)part);
	while (len > 0 && out[len] == '0')
		out[len--] = '\0';
}

void fee_micro_format(int64_t micro, char out[FEE_AMOUNT_TEXT])
{
	uint64_t m = magnitude(micro);
	char g[32], f[16];

	grouped(m / (uint64_t)FEE_MICRO, g, sizeof g);
	fraction(m % (uint64_t)FEE_MICRO, 6, f, sizeof f);
	snprintf(out, FEE_AMOUNT_TEXT, "%s%s%s đ", micro < 0 ? "-" : "", g, f);
}

void fee_bp_format(int bp, char out[FEE_RATE_TEXT])
{
	char f[16];
	uint64_t m = magnitude(bp);

	fraction(m % 100, 2, f, sizeof f);
	snprintf(out, FEE_RATE_TEXT, "%s%llu%s%%", bp < 0 ? "-" : "", (unsigned long long)(m / 100), f);
}
