#include "util/fault.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	enum fault_kind kind;
	const char *name;
} points[] = {
#define X(id, k, n) { k, n },
	TTHC_FAULT_POINTS(X)
#undef X
};

int fault_count(void)
{
	return FAULT_COUNT;
}

const char *fault_name(enum fault_point p)
{
	return (unsigned)p < FAULT_COUNT ? points[p].name : "?";
}

enum fault_kind fault_kind(enum fault_point p)
{
	return (unsigned)p < FAULT_COUNT ? points[p].kind : FAULT_KILL;
}

#ifdef TTHC_FAULTS
static bool named(const char *var, enum fault_point p)
{
	const char *want = getenv(var);

	return want && strcmp(want, fault_name(p)) == 0;
}

void fault_point(enum fault_point p)
{
	if (named("TTHC_FAULT", p))
		raise(SIGKILL);
}

bool fault_fail(enum fault_point p)
{
	return named("TTHC_FAULT_FAIL", p);
}
#endif
