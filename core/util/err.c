#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const code_names[] = {
#define X(id, name) name,
	TTHC_ERRORS(X)
#undef X
};

int tthc_fail(struct tthc_err *e, enum tthc_code code, const char *where,
	      const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	e->code = code;
	snprintf(e->where, sizeof e->where, "%s", where ? where : "");
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void tthc_err_prefix(struct tthc_err *e, const char *prefix)
{
	char joined[sizeof e->where];
	const char *sep;

	if (!e || !prefix || !*prefix)
		return;
	/* An array index joins without a dot: "members" + "[3]". */
	sep = (e->where[0] == '\0' || e->where[0] == '[') ? "" : ".";
	/* A path too long for the field is cut, not dropped: the front of it
	 * names the record, which is what a person needs first. */
	if (snprintf(joined, sizeof joined, "%s%s%s", prefix, sep, e->where) < 0)
		return;
	memcpy(e->where, joined, sizeof joined);
}

void tthc_err_clear(struct tthc_err *e)
{
	if (e)
		memset(e, 0, sizeof *e);
}

const char *tthc_code_name(enum tthc_code code)
{
	if ((unsigned)code >= TTHC_E_COUNT)
		return "unknown";
	return code_names[code];
}

const char *tthc_err_text(const struct tthc_err *e, char *buf, size_t size)
{
	if (e->where[0])
		snprintf(buf, size, "%s: %s", e->where, e->msg);
	else
		snprintf(buf, size, "%s", e->msg);
	return buf;
}
