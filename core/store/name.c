/* The database's file name: one per server and user (issue 6, core/store),
 * and never a path out of the data directory, whatever the names hold. */
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/i18n.h"

/* POSIX NAME_MAX on every file system the client runs on. */
#define FILE_NAME_MAX 255

/* ASCII letters and digits, '-' and '.', whatever the locale says. */
static bool kept(unsigned char c, bool first)
{
	if (c == '.')
		return !first;          /* no hidden file, no "." or ".." */
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '-';
}

static void put_encoded(struct buf *b, const char *s, bool lower)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if (lower && c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (kept(c, i == 0)) {
			buf_putc(b, (char)c);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}

char *store_file_name(const char *host, int port, const char *user,
		      struct tthc_err *err)
{
	struct buf b = BUF_INIT;

	if (!host || !*host)
		return tthc_fail(err, TTHC_E_INVALID, "host", _("the server's host name is empty")),
		       NULL;
	if (!user || !*user)
		return tthc_fail(err, TTHC_E_INVALID, "user", _("the user name is empty")), NULL;
	if (port < 1 || port > 65535)
		return tthc_fail(err, TTHC_E_INVALID, "port",
				 _("the port %d is not between 1 and 65535"), port),
		       NULL;
	put_encoded(&b, host, true);
	buf_printf(&b, "_%d_", port);
	put_encoded(&b, user, false);
	buf_puts(&b, ".db");
	if (buf_failed(&b))
		return tthc_fail(err, TTHC_E_NOMEM, NULL, _("out of memory")), NULL;
	if (b.len > FILE_NAME_MAX) {
		buf_free(&b);
		return tthc_fail(err, TTHC_E_INVALID, NULL,
				 _("the server and user names are too long for a file name")),
		       NULL;
	}
	return buf_detach(&b);
}
