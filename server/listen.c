#include "listen.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

/* "127.0.0.1:8443", "[::1]:0", "0.0.0.0:443". */
int listen_parse(const char *spec, struct sockaddr_storage *ss, struct tthc_err *e)
{
	char host[64];
	const char *colon, *h = spec;
	size_t hl;
	char *end;
	long port;

	memset(ss, 0, sizeof *ss);
	if (*spec == '[') {
		colon = strstr(spec, "]:");
		h = spec + 1;
		hl = colon ? (size_t)(colon - h) : 0;
		colon = colon ? colon + 1 : NULL;
	} else {
		colon = strrchr(spec, ':');
		hl = colon ? (size_t)(colon - spec) : 0;
	}
	/* An IPv6 address without brackets is ambiguous: "::1:8443". */
	if (!colon || hl == 0 || hl >= sizeof host || (*spec != '[' && memchr(spec, ':', hl)))
		return tthc_fail(e, TTHC_E_USAGE, spec, _("expected ADDRESS:PORT"));
	memcpy(host, h, hl);
	host[hl] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (*end || end == colon + 1 || port < 0 || port > 65535)
		return tthc_fail(e, TTHC_E_USAGE, spec, _("bad port"));
	if (inet_pton(AF_INET, host, &((struct sockaddr_in *)ss)->sin_addr) == 1) {
		((struct sockaddr_in *)ss)->sin_family = AF_INET;
		((struct sockaddr_in *)ss)->sin_port = htons((uint16_t)port);
	} else if (inet_pton(AF_INET6, host, &((struct sockaddr_in6 *)ss)->sin6_addr) == 1) {
		((struct sockaddr_in6 *)ss)->sin6_family = AF_INET6;
		((struct sockaddr_in6 *)ss)->sin6_port = htons((uint16_t)port);
	} else {
		return tthc_fail(e, TTHC_E_USAGE, spec, _("not an IP address"));
	}
	return 0;
}

unsigned listen_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return 0;
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}
