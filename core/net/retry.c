/* Retries of transport failures, with exponential backoff and jitter.
 *
 * Only failures that say nothing about the request itself are retried: no
 * route, a timeout, a lost connection.  A TLS refusal is a setting to fix
 * and an HTTP answer is the server's word, so both go back to the caller.
 * A request that may have reached the server (NET_SENT_MAYBE) is sent again
 * only when the caller says a replay is safe: a GET, or the sync layer's
 * POST of actions, whose idempotency keys make the server answer
 * `duplicate` instead of acting twice (DESIGN.md section 3). */
#include "net/internal.h"

#include <sodium.h>
#include <time.h>

struct net_retry net_retry_default(bool replay_safe)
{
	struct net_retry r = {
		.max_attempts = 4, .base_delay_ms = 500, .max_delay_ms = 8000,
		.replay_safe = replay_safe,
	};
	return r;
}

unsigned net_retry_delay_ms(const struct net_retry *r, unsigned next)
{
	unsigned shift = next > 2 ? next - 2 : 0;
	unsigned long long d = r->base_delay_ms;

	if (shift > 20)
		shift = 20;
	d <<= shift;
	if (r->max_delay_ms && d > r->max_delay_ms)
		d = r->max_delay_ms;
	/* "Equal jitter": at least half the delay, so retries still back off,
	 * and a random rest, so branches cut off by the same outage do not all
	 * come back in the same second. */
	return (unsigned)(d / 2 + randombytes_uniform((uint32_t)(d - d / 2 + 1)));
}

bool net_retry_allowed(const struct net_retry *retry, const struct net_result *res)
{
	if (res->attempts >= retry->max_attempts)
		return false;
	if (res->cls != NET_OFFLINE && res->cls != NET_TIMEOUT && res->cls != NET_INDETERMINATE)
		return false;
	return res->sent == NET_SENT_NO || retry->replay_safe;
}

long long net_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
