#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"

int path_join(char *out, size_t size, const char *dir, const char *name, struct tthc_err *e)
{
	int n = snprintf(out, size, "%s/%s", dir, name);

	if (n < 0 || (size_t)n >= size)
		return tthc_fail(e, TTHC_E_TOO_LARGE, dir, _("path too long"));
	return 0;
}

int file_write_new(const char *path, const void *data, size_t len, mode_t mode,
		   struct tthc_err *e)
{
	const char *p = data;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	ssize_t n;

	if (fd < 0)
		return tthc_fail(e, TTHC_E_IO, path, "%s", strerror(errno));
	/* The umask may have narrowed the mode; a key must not be wider. */
	if (fchmod(fd, mode) < 0)
		goto fail;
	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		p += n;
		len -= (size_t)n;
	}
	if (fsync(fd) < 0)
		goto fail;
	return close(fd) < 0 ? tthc_fail(e, TTHC_E_IO, path, "%s", strerror(errno)) : 0;
fail:
	tthc_fail(e, TTHC_E_IO, path, "%s", strerror(errno));
	close(fd);
	return -1;
}

char *file_read(const char *path, size_t max, size_t *len, struct tthc_err *e)
{
	FILE *f = fopen(path, "rb");
	char *data;
	size_t n;

	if (!f) {
		tthc_fail(e, errno == ENOENT ? TTHC_E_NOT_FOUND : TTHC_E_IO, path, "%s",
			  strerror(errno));
		return NULL;
	}
	data = malloc(max + 1);
	if (!data) {
		fclose(f);
		tthc_fail(e, TTHC_E_NOMEM, path, _("out of memory"));
		return NULL;
	}
	n = fread(data, 1, max + 1, f);
	if (ferror(f) || n > max) {
		tthc_fail(e, n > max ? TTHC_E_TOO_LARGE : TTHC_E_IO, path,
			  n > max ? _("file too large") : _("read error"));
		fclose(f);
		free(data);
		return NULL;
	}
	fclose(f);
	data[n] = '\0';
	if (len)
		*len = n;
	return data;
}
