#include <stdarg.h>
#include <stdio.h>

#include "proc/check.h"
#include "util/i18n.h"

static const struct {
	const char *code, *msg;
} reasons[] = {
#define X(id, code, msg) { code, msg },
	PROC_REASONS(X)
#undef X
};

void proc_refuse(struct proc_verdict *v, enum proc_reason_id id, const char *path, ...)
{
	struct proc_reason *r;
	va_list ap;

	v->outcome = PROC_REFUSED;
	if (v->n_reasons >= PROC_MAX_REASONS) {
		v->n_dropped++;
		return;
	}
	r = &v->reasons[v->n_reasons++];
	snprintf(r->code, sizeof r->code, "%s", reasons[id].code);
	snprintf(r->path, sizeof r->path, "%s", path ? path : "");
	va_start(ap, path);
	vsnprintf(r->message, sizeof r->message, _(reasons[id].msg), ap);
	va_end(ap);
}
