/* One request of an online-only screen, on the client's connection with
 * its cached token (online.h). */
#include <stdio.h>
#include <string.h>

#include "sync/internal.h"
#include "sync/online.h"

void sync_client_set_waiter(struct sync_client *c, const struct sync_waiter *w)
{
	c->waiter = w ? *w : (struct sync_waiter){ .fd = -1 };
}

/* Poll r to its end under the waiter; without one, the same polls wait
 * on the network alone until it is done. */
static void run(struct sync_client *c, struct net_request *r, struct tthc_err *err)
{
	const struct sync_waiter *w = &c->waiter;
	struct pollfd key = { .fd = w->fd, .events = POLLIN };

	if (net_request_start(r, err) < 0)
		return;
	while (net_poll(r, w->tick ? 100 : -1, &key, w->tick && w->fd >= 0) == NET_RUNNING)
		if (w->tick && !w->tick(w->ctx))
			net_request_cancel(r);
}

cJSON *sync_request(struct sync_client *c, enum net_method m, const char *path,
		    const char *body, struct tthc_err *err)
{
	char full[512];
	struct net_conn *conn;
	struct net_request *r;
	/* One attempt: a person waits on it, and can ask again. */
	struct net_retry retry = { .max_attempts = 1 };
	const struct net_result *res;
	cJSON *j = NULL;

	if (sync_client_need_token(c, err) < 0 || !(conn = sync_client_conn(c, err)))
		return NULL;
	snprintf(full, sizeof full, "/api/v1%s", path);
	if (!(r = net_request_new(conn, m, full, body, body ? strlen(body) : 0, err)))
		return NULL;
	net_request_set_retry(r, &retry);
	run(c, r, err);
	res = net_request_result(r);
	if (res->cls != NET_OK)
		sync_answer_error(res, path, err);
	else
		j = sync_answer_json(res, path, err);
	net_request_free(r);
	return j;
}

bool sync_ident_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 64 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-_.") == n;
}
