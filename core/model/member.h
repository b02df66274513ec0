/* A party member as the fee rules and the procedures need him (DESIGN.md
 * section 7): income category and base for the fee, the flags that guard
 * an official transfer, and the decisions that exempt or reduce. */
#ifndef TTHC_MODEL_MEMBER_H
#define TTHC_MODEL_MEMBER_H

#include "model/model.h"
#include "util/date.h"

/* Exemption from the fee, from a month on (QĐ 01-QĐ/TW 2026). */
struct model_exemption {
	int reason;             /* enum exemption */
	struct period from;
	struct period to;       /* the last exempt month, if it ends */
	bool has_to;
};

/* A 30, 50 or 70% reduction decided by the cấp ủy for some months. */
struct model_reduction {
	int64_t percent;
	struct period from, to; /* first and last month, inclusive */
};

struct model_member {
	char *id;
	char *card_number;      /* số thẻ đảng viên */
	char *name;
	struct date birth_date;
	int sex;                /* enum sex */
	char *org;              /* the organisation he belongs to officially */
	struct date joined;     /* admission to the party */
	int category;           /* enum income_category */
	int64_t base;           /* đồng: salary base, allowance or pension */
	bool has_base;          /* the categories without a base have none */
	int64_t region;         /* regional minimum wage region, 1..4 (I..IV) */
	bool has_region;
	bool past_retirement_age;
	bool under_inspection;  /* no official transfer meanwhile (HD 06) */
	bool under_complaint;
	struct model_exemption *exemption;      /* NULL: none */
	struct model_reduction *reductions;
	size_t n_reductions;
};

MODEL_DECLARE(model_member, struct model_member)

#endif
