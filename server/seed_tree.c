/* The organisation tree of the synthetic province, sized to the members:
 * about 45 members a branch (30 to 60, as branches of a commune commonly
 * have), three quarters of the branches in communes and wards (village and
 * street branches, and the commune's police, militia, schools...), the
 * rest in agencies and enterprises (with đảng bộ bộ phận in the larger
 * ones) and in chi bộ cơ sở directly under the province. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seed_impl.h"
#include "seed_places.h"
#include "text/fold.h"
#include "util/i18n.h"

#define BRANCH_MEMBERS 45       /* the average branch */
#define MIN_BRANCHES 8          /* even a tiny seed has every type */
#define COMMUNE_BRANCHES 13     /* the average commune */
#define AGENCY_BRANCHES 8
#define WARD_PERCENT 30         /* phường among communes */

static int add(struct seed_plan *p, int parent, enum org_type type, bool commune,
	       const char *code, const char *name, struct tthc_err *e)
{
	struct seed_org *o;

	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 256;
		struct seed_org *grown = realloc(p->orgs, cap * sizeof *grown);

		if (!grown)
			return tthc_fail(e, TTHC_E_NOMEM, "seed", _("out of memory"));
		p->orgs = grown;
		p->cap = cap;
	}
	o = &p->orgs[p->n];
	memset(o, 0, sizeof *o);
	snprintf(o->code, sizeof o->code, "%s", code);
	snprintf(o->name, sizeof o->name, "%s", name);
	o->type = type;
	o->commune = commune;
	o->parent = parent;
	return (int)p->n++;
}

/* A name, or a code, that the plan has already. */
static bool taken(const struct seed_plan *p, const char *name, const char *code)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!strcmp(p->orgs[i].name, name) || (code && !strcmp(p->orgs[i].code, code)))
			return true;
	return false;
}

/* "xã Tân Phú" -> "xa-tan-phu": codes go into URLs and command lines. */
static int slug(const char *text, char *out, size_t size, struct tthc_err *e)
{
	char *f = text_fold(text, strlen(text), NULL, e);
	char *c;

	if (!f)
		return -1;
	for (c = f; *c; c++)
		if (*c == ' ')
			*c = '-';
	snprintf(out, size, "%s", f);
	free(f);
	return 0;
}

static int add_branch(struct seed_plan *p, int parent, enum org_type type, bool workplace,
		      const char *code, const char *name, struct tthc_err *e)
{
	int i = add(p, parent, type, false, code, name, e);
	int *grown;

	if (i < 0)
		return -1;
	p->orgs[i].workplace = workplace;
	grown = realloc(p->branches, (p->n_branches + 1) * sizeof *grown);
	if (!grown)
		return tthc_fail(e, TTHC_E_NOMEM, "seed", _("out of memory"));
	p->branches = grown;
	p->branches[p->n_branches++] = i;
	return i;
}

static int commune(struct seed_ctx *c, int root, size_t k, long n_branches, struct tthc_err *e)
{
	struct seed_plan *p = &c->plan;
	bool ward = k == 1 || (k > 1 && rng_below(&c->tree, 100) < WARD_PERCENT);
	const char *level = ward ? "phường" : "xã";
	bool street_blocks = rng_below(&c->tree, 2);
	char place[64], title[96], code[64], bcode[96], name[160];
	long j, n_inst = 0;
	int me;

	while (n_inst < n_branches / 4 && seed_commune_institution((size_t)n_inst))
		n_inst++;

	/* Both unique: "Thạnh" and "Thanh" give one code. */
	do {
		seed_place_name(&c->tree, place, sizeof place);
		snprintf(title, sizeof title, "%s %s", level, place);
		snprintf(name, sizeof name, "Đảng bộ %s", title);
		if (slug(title, code, sizeof code, e) < 0)
			return -1;
	} while (taken(p, name, code));
	if ((me = add(p, root, ORG_BASE_COMMITTEE, true, code, name, e)) < 0)
		return -1;
	for (j = 0; j < n_branches; j++) {
		long v = j - n_inst;     /* the village's number, from 0 */

		if (j < n_inst)
			snprintf(name, sizeof name, "Chi bộ %s %s",
				 seed_commune_institution((size_t)j), title);
		else if (ward)
			snprintf(name, sizeof name, "Chi bộ %s %ld",
				 street_blocks ? "khu phố" : "tổ dân phố", v + 1);
		else if (seed_village_word((size_t)v))
			snprintf(name, sizeof name, "Chi bộ thôn %s", seed_village_word((size_t)v));
		else
			snprintf(name, sizeof name, "Chi bộ thôn %ld", v + 1);
		snprintf(bcode, sizeof bcode, "%.40s.cb%02ld", code, j + 1);
		if (add_branch(p, me, ORG_SUB_BRANCH, j < n_inst, bcode, name, e) < 0)
			return -1;
	}
	return 0;
}

/* An agency or enterprise; a third of its branches (at least one) sit in
 * đảng bộ bộ phận of about five branches each. */
static int agency(struct seed_ctx *c, int root, size_t k, long n_branches, struct tthc_err *e)
{
	struct seed_plan *p = &c->plan;
	char place[64], code[64], bcode[96], name[160];
	long j, n_in_sub = n_branches >= 2 ? n_branches / 3 + (n_branches < 3) : 0;
	long n_subs = n_in_sub ? (n_in_sub + 4) / 5 : 0, sub_i = -1;
	int me, sub = -1;

	do {
		seed_place_name(&c->tree, place, sizeof place);
		snprintf(name, sizeof name, "Đảng bộ %s %s", seed_agency_kind(&c->tree),
			 place);
	} while (taken(p, name, NULL));
	snprintf(code, sizeof code, "cq%03zu", k + 1);
	if ((me = add(p, root, ORG_BASE_COMMITTEE, false, code, name, e)) < 0)
		return -1;
	for (j = 0; j < n_branches - n_in_sub; j++) {
		const char *dept = seed_department((size_t)j);

		if (dept)
			snprintf(name, sizeof name, "Chi bộ %s", dept);
		else
			snprintf(name, sizeof name, "Chi bộ Tổ công tác %ld", j + 1);
		snprintf(bcode, sizeof bcode, "%.40s.cb%02ld", code, j + 1);
		if (add_branch(p, me, ORG_SUB_BRANCH, true, bcode, name, e) < 0)
			return -1;
	}
	for (j = 0; j < n_in_sub; j++) {
		if (j * n_subs / n_in_sub != sub_i) {
			sub_i = j * n_subs / n_in_sub;
			snprintf(name, sizeof name, "Đảng bộ bộ phận Xí nghiệp số %ld", sub_i + 1);
			snprintf(bcode, sizeof bcode, "%.40s.bp%ld", code, sub_i + 1);
			if ((sub = add(p, me, ORG_SUB_COMMITTEE, false, bcode, name, e)) < 0)
				return -1;
		}
		snprintf(name, sizeof name, "Chi bộ Tổ sản xuất %ld", j + 1);
		snprintf(bcode, sizeof bcode, "%.40s.bp%ld.cb%02ld", code, sub_i + 1, j + 1);
		if (add_branch(p, sub, ORG_SUB_BRANCH, true, bcode, name, e) < 0)
			return -1;
	}
	return 0;
}

static int base_branch(struct seed_ctx *c, int root, size_t k, struct tthc_err *e)
{
	char place[64], code[64], name[160];

	do {
		seed_place_name(&c->tree, place, sizeof place);
		snprintf(name, sizeof name, "Chi bộ %s %s", seed_unit_kind(&c->tree),
			 place);
	} while (taken(&c->plan, name, NULL));
	snprintf(code, sizeof code, "cbcs%03zu", k + 1);
	return add_branch(&c->plan, root, ORG_BASE_BRANCH, true, code, name, e) < 0 ? -1 : 0;
}

/* n items shared among k groups: each gets one, the rest at random, so
 * that group sizes vary as real ones do. */
static long *share(struct rng *r, long n, size_t k, struct tthc_err *e)
{
	long *out = calloc(k, sizeof *out);
	long i;

	if (!out) {
		tthc_fail(e, TTHC_E_NOMEM, "seed", _("out of memory"));
		return NULL;
	}
	for (i = 0; i < n; i++)
		out[(size_t)i < k ? (size_t)i : rng_below(r, (uint32_t)k)]++;
	return out;
}

/* Members per branch: weights of 30..60, scaled to the total. */
static int size_branches(struct seed_ctx *c, struct tthc_err *e)
{
	struct seed_plan *p = &c->plan;
	long total = c->o->members, given = 0, first = 0, w_sum = 0;
	long *w = calloc(p->n_branches, sizeof *w);
	size_t i;

	if (!w)
		return tthc_fail(e, TTHC_E_NOMEM, "seed", _("out of memory"));
	for (i = 0; i < p->n_branches; i++)
		w_sum += w[i] = 30 + (long)rng_below(&c->tree, 31);
	for (i = 0; i < p->n_branches; i++) {
		struct seed_org *o = &p->orgs[p->branches[i]];

		o->n_members = total * w[i] / w_sum;
		given += o->n_members;
	}
	for (i = 0; given < total; i = (i + 1) % p->n_branches, given++)
		p->orgs[p->branches[i]].n_members++;
	for (i = 0; i < p->n_branches; i++) {
		p->orgs[p->branches[i]].first_member = first;
		first += p->orgs[p->branches[i]].n_members;
	}
	free(w);
	return 0;
}

int seed_plan_build(struct seed_ctx *c, struct tthc_err *e)
{
	long nb = c->o->members / BRANCH_MEMBERS, n_base, n_agency, n_commune;
	size_t n_communes, n_agencies, k;
	long *per_commune = NULL, *per_agency = NULL;
	int root, rc = -1;

	if (nb < MIN_BRANCHES)
		nb = MIN_BRANCHES;
	n_base = nb / 10 > 1 ? nb / 10 : 1;
	n_agency = nb * 15 / 100 > 2 ? nb * 15 / 100 : 2;
	n_commune = nb - n_base - n_agency;
	n_communes = n_commune / COMMUNE_BRANCHES > 2 ? (size_t)(n_commune / COMMUNE_BRANCHES) : 2;
	n_agencies = n_agency / AGENCY_BRANCHES > 1 ? (size_t)(n_agency / AGENCY_BRANCHES) : 1;
	/* The root exists already (tthcd init); its code is filled in later. */
	if ((root = add(&c->plan, -1, ORG_PROVINCE, false, "", "", e)) < 0 ||
	    !(per_commune = share(&c->tree, n_commune, n_communes, e)) ||
	    !(per_agency = share(&c->tree, n_agency, n_agencies, e)))
		goto out;
	for (k = 0; k < n_communes; k++)
		if (commune(c, root, k, per_commune[k], e) < 0)
			goto out;
	for (k = 0; k < n_agencies; k++)
		if (agency(c, root, k, per_agency[k], e) < 0)
			goto out;
	for (k = 0; k < (size_t)n_base; k++)
		if (base_branch(c, root, k, e) < 0)
			goto out;
	rc = size_branches(c, e);
out:
	free(per_commune);
	free(per_agency);
	return rc;
}

void seed_plan_free(struct seed_plan *p)
{
	free(p->orgs);
	free(p->branches);
	memset(p, 0, sizeof *p);
}
