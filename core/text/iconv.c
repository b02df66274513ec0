#include "text/iconv.h"

#include <errno.h>
#include <string.h>

#include "util/i18n.h"

iconv_t text_iconv_open(const char *to, const char *from, struct tthc_err *err)
{
	iconv_t cd = iconv_open(to, from);

	if (cd == (iconv_t)-1)
		tthc_fail(err, TTHC_E_UNKNOWN_ENC, NULL,
			  _("the system cannot convert from %s to %s"), from, to);
	return cd;
}

/* Through a small chunk on the stack: buf keeps its growth to itself. */
static int pump(iconv_t cd, char **in, size_t *left, struct buf *out,
		struct tthc_err *err)
{
	for (;;) {
		char chunk[1024], *o = chunk;
		size_t oleft = sizeof chunk, r;

		r = iconv(cd, in, left, &o, &oleft);
		buf_append(out, chunk, (size_t)(o - chunk));
		if (r != (size_t)-1)
			return 0;
		if (errno == E2BIG)
			continue;
		if (errno == EILSEQ || errno == EINVAL)
			return 1;
		return tthc_fail(err, TTHC_E_IO, NULL, "iconv: %s", strerror(errno));
	}
}

int text_iconv_run(iconv_t cd, const char *in, size_t len, struct buf *out,
		   size_t *stop, struct tthc_err *err)
{
	char *p = (char *)in;
	size_t left = len;
	int rc;

	iconv(cd, NULL, NULL, NULL, NULL);
	rc = pump(cd, &p, &left, out, err);
	if (rc == 0)
		rc = pump(cd, NULL, NULL, out, err);
	*stop = (size_t)(p - in);
	return rc;
}
