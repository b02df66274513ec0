/* The tables behind actions.h. */
#include "actions.h"

#include <string.h>

static const char *const names[ACT_COUNT] = {
#define X(id, name, label, help) [ACT_##id] = name,
	TTHC_ACTIONS(X)
#undef X
};

static const char *const labels[ACT_COUNT] = {
#define X(id, name, label, help) [ACT_##id] = label,
	TTHC_ACTIONS(X)
#undef X
};

static const char *const helps[ACT_COUNT] = {
#define X(id, name, label, help) [ACT_##id] = help,
	TTHC_ACTIONS(X)
#undef X
};

static const char *const views[VIEW_COUNT] = {
#define X(id, name) [VIEW_##id] = name,
	TTHC_VIEWS(X)
#undef X
};

const char *action_name(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? names[a] : "";
}

const char *action_label(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? labels[a] : "";
}

const char *action_help(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? helps[a] : "";
}

enum action action_find(const char *name)
{
	for (int a = 0; a < ACT_COUNT; a++)
		if (!strcmp(names[a], name))
			return (enum action)a;
	return ACT_NONE;
}

const char *view_name(enum view_id v)
{
	return v >= 0 && v < VIEW_COUNT ? views[v] : "";
}

int view_find(const char *name)
{
	for (int v = 0; v < VIEW_COUNT; v++)
		if (!strcmp(views[v], name))
			return v;
	return -1;
}
