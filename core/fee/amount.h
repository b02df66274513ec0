/* Amounts of money in integer đồng: parsing as people type them and
 * formatting as Vietnamese offices write them ("80.000 đ", DESIGN.md
 * section 8).  No floating point anywhere in core/fee: exact intermediate
 * values are kept in micro-đồng (1 đ = 1,000,000 µđ), which holds every
 * rate in basis points times every reduction percent without a fraction. */
#ifndef TTHC_FEE_AMOUNT_H
#define TTHC_FEE_AMOUNT_H

#include <stdint.h>

#include "util/err.h"

/* The largest amount accepted anywhere (100 billion đồng).  Far above any
 * monthly income, and small enough that amount × 10,000 bp × 100 % stays
 * inside int64_t, so no product in core/fee can overflow. */
#define FEE_AMOUNT_MAX INT64_C(100000000000)

/* Micro-đồng per đồng. */
#define FEE_MICRO INT64_C(1000000)

/* "8000000" or "8.000.000" (Vietnamese grouping: groups of three after the
 * first) into 0..FEE_AMOUNT_MAX đồng.  A sign, other separators or more than
 * FEE_AMOUNT_MAX are refused with a reason; digits are never accumulated
 * past the bound, so any length of input is safe. */
int fee_amount_parse(const char *s, int64_t *out, struct tthc_err *err);

/* Enough for any int64_t in grouped form with a fraction and " đ". */
#define FEE_AMOUNT_TEXT 64

/* "80.000 đ"; negative amounts keep their sign. */
void fee_amount_format(int64_t dong, char out[FEE_AMOUNT_TEXT]);
/* An exact value in micro-đồng: "15.930 đ", "25.000,005 đ" (a decimal comma
 * and only the digits needed). */
void fee_micro_format(int64_t micro, char out[FEE_AMOUNT_TEXT]);
/* A rate in basis points as a percent: 100 → "1%", 50 → "0,5%", 25 → "0,25%". */
#define FEE_RATE_TEXT 48
void fee_bp_format(int bp, char out[FEE_RATE_TEXT]);

#endif
