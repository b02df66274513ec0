#include <string.h>

#include "proc/table.h"

#define X(id, name, label) name,
static const char *const rel_names[] = { PROC_RELATIONS(X) };
#undef X
#define X(id, name, label) label,
static const char *const rel_labels[] = { PROC_RELATIONS(X) };
#undef X
const struct vocab vocab_relations = { rel_names, rel_labels, REL_COUNT };

static const char *const guard_labels[] = {
#define X(id, label) label,
	PROC_GUARDS(X)
#undef X
};

const char *proc_guard_label(enum proc_guard g)
{
	return (unsigned)g < GUARD_COUNT ? guard_labels[g] : "?";
}

/* Indexed by enum procedure; the order of TTHC_PROCEDURES. */
static const struct proc_machine *const machines[PROC_COUNT] = {
	[PROC_FEE] = &proc_machine_fee,
	[PROC_RESIDENCE_COMMENT] = &proc_machine_residence,
	[PROC_OFFICIAL_TRANSFER] = &proc_machine_official,
	[PROC_TEMPORARY_TRANSFER] = &proc_machine_temporary,
};

const struct proc_machine *proc_machine(enum procedure p)
{
	return (unsigned)p < PROC_COUNT ? machines[p] : NULL;
}

const struct proc_machine *proc_account_machine(void)
{
	return &proc_machine_account;
}

const struct proc_machine *proc_machine_find(const char *name)
{
	int p = vocab_find(&vocab_procedures, name);

	if (p >= 0)
		return machines[p];
	if (name && !strcmp(name, proc_machine_account.name))
		return &proc_machine_account;
	return NULL;
}

int proc_state_find(const struct proc_machine *m, const char *name)
{
	int i;

	for (i = 0; name && i < m->n_states; i++)
		if (!strcmp(m->states[i].name, name))
			return i;
	return -1;
}

const struct proc_deadline *proc_action_deadline(const struct proc_action *a)
{
	if (a->flags & ACT_NOTICE)
		return &proc_deadline_notice;
	if (a->guards & G(FILE_IN_TIME))
		return &proc_deadline_filing;
	if (a->guards & G(PRESENT_IN_TIME))
		return &proc_deadline_presenting;
	return NULL;
}
