/* Listening addresses for `tthcd serve --listen`. */
#ifndef TTHCD_LISTEN_H
#define TTHCD_LISTEN_H

#include <sys/socket.h>

#include "util/err.h"

/* "127.0.0.1:8443", "[::1]:0", "0.0.0.0:443" (an IP address, not a name, so
 * that the server never depends on a resolver to start). */
int listen_parse(const char *spec, struct sockaddr_storage *ss, struct tthc_err *e);

/* The port a listening socket is bound to (what port 0 picked). */
unsigned listen_port(int fd);

#endif
