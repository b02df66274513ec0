/* Pumping a request: the caller's loop calls net_poll, which waits on the
 * network and the caller's own descriptors together (curl_multi_poll's
 * extra fds), so a screen reads keys while a sync runs. */
#include "net/internal.h"

#include <limits.h>

/* Work that is ready now: a backoff that has run out, a transfer that
 * moved or ended. */
static void step(struct net_request *r)
{
	struct net_conn *c = r->conn;
	CURLMsg *msg;
	int running, left;

	if (r->phase == PHASE_BACKOFF && net_now_ms() >= r->resume_at_ms)
		net_attempt_begin(r, NULL);
	if (r->phase != PHASE_TRANSFER)
		return;
	curl_multi_perform(c->multi, &running);
	while ((msg = curl_multi_info_read(c->multi, &left)))
		if (msg->msg == CURLMSG_DONE && msg->easy_handle == c->easy) {
			net_attempt_end(r, msg->data.result);
			return;
		}
}

static int wait_ms(const struct net_request *r, int timeout_ms)
{
	long long left;

	if (r->phase != PHASE_BACKOFF)
		return timeout_ms < 0 ? INT_MAX : timeout_ms;
	left = r->resume_at_ms - net_now_ms();
	if (left < 0)
		left = 0;
	return timeout_ms >= 0 && timeout_ms < left ? timeout_ms : (int)left;
}

enum net_state net_poll(struct net_request *r, int timeout_ms, struct pollfd *extra,
			unsigned n_extra)
{
	struct curl_waitfd fds[NET_POLL_MAX_EXTRA];
	unsigned i, n = n_extra < NET_POLL_MAX_EXTRA ? n_extra : NET_POLL_MAX_EXTRA;

	for (i = 0; i < n_extra; i++)
		extra[i].revents = 0;
	step(r);
	if (r->phase == PHASE_DONE || r->phase == PHASE_NEW)
		return NET_DONE;
	if (timeout_ms == 0)
		return NET_RUNNING;
	for (i = 0; i < n; i++) {
		fds[i].fd = extra[i].fd;
		fds[i].events = (short)((extra[i].events & POLLIN ? CURL_WAIT_POLLIN : 0) |
					(extra[i].events & POLLPRI ? CURL_WAIT_POLLPRI : 0) |
					(extra[i].events & POLLOUT ? CURL_WAIT_POLLOUT : 0));
		fds[i].revents = 0;
	}
	curl_multi_poll(r->conn->multi, fds, n, wait_ms(r, timeout_ms), NULL);
	for (i = 0; i < n; i++)
		extra[i].revents = (short)((fds[i].revents & CURL_WAIT_POLLIN ? POLLIN : 0) |
					   (fds[i].revents & CURL_WAIT_POLLPRI ? POLLPRI : 0) |
					   (fds[i].revents & CURL_WAIT_POLLOUT ? POLLOUT : 0));
	step(r);
	return r->phase == PHASE_DONE ? NET_DONE : NET_RUNNING;
}
