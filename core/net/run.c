/* The blocking form for the command line: the same start and poll as a
 * screen uses, in a loop, so there is one code path. */
#include "net/internal.h"

int net_request_run(struct net_request *r, struct tthc_err *err)
{
	if (net_request_start(r, err) < 0)
		return -1;
	while (net_poll(r, -1, NULL, 0) == NET_RUNNING)
		;
	if (r->res.cls == NET_OK)
		return 0;
	if (err)
		*err = r->res.err;
	return -1;
}
