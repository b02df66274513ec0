#include "slurp.h"

#include <errno.h>
#include <string.h>

#include "cli.h"
#include "util/buf.h"
#include "util/i18n.h"

char *cli_slurp(FILE *f, size_t *len)
{
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	if (ferror(f)) {
		cli_error("%s", strerror(errno));
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	if (buf_failed(&b))
		cli_error("%s", _("out of memory"));
	return buf_detach(&b);
}

char *cli_slurp_path(const char *path, size_t *len)
{
	FILE *f = cli_open_input(path);
	char *data;

	if (!f)
		return NULL;
	data = cli_slurp(f, len);
	cli_close_input(f);
	return data;
}
