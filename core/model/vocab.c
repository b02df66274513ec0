#include "model/vocab.h"

#include <string.h>

#include "util/i18n.h"

#define NAME(id, name, label) name,
#define LABEL(id, name, label) label,
#define VOCAB(var, LIST)                                                   \
	static const char *const var##_names[] = { LIST(NAME) };          \
	static const char *const var##_labels[] = { LIST(LABEL) };        \
	const struct vocab var = { var##_names, var##_labels,              \
				   (int)(sizeof var##_names / sizeof var##_names[0]) };

VOCAB(vocab_roles, TTHC_ROLES)
VOCAB(vocab_org_types, TTHC_ORG_TYPES)
VOCAB(vocab_income_categories, TTHC_INCOME_CATEGORIES)
VOCAB(vocab_exemptions, TTHC_EXEMPTIONS)
VOCAB(vocab_procedures, TTHC_PROCEDURES)
VOCAB(vocab_sexes, TTHC_SEXES)
VOCAB(vocab_account_statuses, TTHC_ACCOUNT_STATUSES)
VOCAB(vocab_payment_methods, TTHC_PAYMENT_METHODS)
VOCAB(vocab_result_statuses, TTHC_RESULT_STATUSES)
VOCAB(vocab_entity_kinds, TTHC_ENTITY_KINDS)

int vocab_find(const struct vocab *v, const char *name)
{
	int i;

	if (!name)
		return -1;
	for (i = 0; i < v->count; i++)
		if (!strcmp(v->names[i], name))
			return i;
	return -1;
}

const char *vocab_name(const struct vocab *v, int value)
{
	return value >= 0 && value < v->count ? v->names[value] : "?";
}

const char *vocab_label(const struct vocab *v, int value)
{
	return value >= 0 && value < v->count ? _(v->labels[value]) : "?";
}
