/* The live sync hook (sync_live.h): one core/sync job at a time, driven
 * from the main loop's wait() and poll(). */
#include "sync_live.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/outbox.h"
#include "util/i18n.h"

/* After a failed step (offline), the automatic ones wait this long, or
 * sync-interval when it is shorter, so that an unplugged line is not
 * tried every second; the sync action tries at once. */
#define RETRY_MS 30000
/* How often to look whether the outbox is due for a push. */
#define CHECK_MS 1000

struct live {
	struct sync_hook hook;
	struct sync_client *c;
	struct sync_job *job;
	struct sync_status st;
	int64_t interval_ms, push_delay_s;
	int64_t next_pull_ms, next_check_ms, retry_ms;
	bool ended;
	bool job_done;          /* the job is done, its result not yet read */
	char who[256];
};

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void set_message(struct live *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void set_message(struct live *l, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(l->st.message, sizeof l->st.message, fmt, ap);
	va_end(ap);
}

/* Why a step failed, as the state and the advice of sync.h. */
static void failed(struct live *l, const struct tthc_err *err)
{
	int64_t now = mono_ms();

	l->retry_ms = now + (l->interval_ms < RETRY_MS ? l->interval_ms : RETRY_MS);
	switch (err->code) {
	case TTHC_E_UNAUTHENTICATED:
		l->st.state = HOOK_FAILED;
		l->st.need_login = true;
		set_message(l, "%s", _("Log in again: press the sync key (the outbox is kept)."));
		break;
	case TTHC_E_NETWORK:
		l->st.state = HOOK_OFFLINE;
		set_message(l, "%s", _("Offline: actions stay queued; sync again later."));
		break;
	case TTHC_E_CANCELLED:
		l->st.state = HOOK_IDLE;
		set_message(l, "%s", _("Sync cancelled: what was sent stays sent, the rest queued."));
		break;
	default:
		l->st.state = HOOK_FAILED;
		set_message(l, _("Sync failed: %s"), err->msg);
		break;
	}
}

static int begin(struct live *l, unsigned what, const char *password, struct tthc_err *err)
{
	if (l->job)
		return tthc_fail(err, TTHC_E_REFUSED, "sync", "%s", _("a sync is already running"));
	l->job = sync_job_new(l->c, what, password, err);
	if (!l->job) {
		failed(l, err);
		l->ended = true;
		return -1;
	}
	l->st.state = HOOK_RUNNING;
	l->st.progress = -1;
	l->st.started_ms = mono_ms();
	l->st.message[0] = '\0';
	if (what & SYNC_PULL)
		l->next_pull_ms = l->st.started_ms + l->interval_ms;
	return 0;
}

static void finish(struct live *l)
{
	struct sync_report rep;
	struct tthc_err err = { 0 };

	l->ended = true;
	if (sync_job_result(l->job, &rep, &err) < 0) {
		failed(l, &err);
	} else {
		l->st.state = HOOK_IDLE;
		l->st.need_login = false;
		l->retry_ms = 0;
		set_message(l, _("Synced: %zu actions applied, %zu need attention, %zu changes received."),
			    rep.push.applied, rep.push.attention, rep.rows);
	}
	sync_job_free(l->job);
	l->job = NULL;
	l->job_done = false;
}

/* True when the outbox holds actions to send and every one of them was
 * queued push-delay ago or more (DESIGN.md section 8): a push takes the
 * whole outbox, so the newest one decides.  Held actions do not count:
 * a push would not take them. */
static bool push_due(struct live *l)
{
	struct store_action_list list;
	struct store_status s;
	int64_t newest = -1, pending = 0;

	/* The count first: an empty outbox, the usual case, costs no list. */
	if (store_status(sync_client_store(l->c), &s, NULL) == 0) {
		pending = s.pending;
		store_status_free(&s);
	}
	if (pending == 0 || store_outbox_list(sync_client_store(l->c), &list, NULL) < 0)
		return false;
	for (size_t i = 0; i < list.n; i++)
		if (!list.items[i].held && list.items[i].queued_at > newest)
			newest = list.items[i].queued_at;
	store_action_list_free(&list);
	return newest >= 0 && newest + l->push_delay_s <= (int64_t)time(NULL);
}

static void progress(struct live *l)
{
	struct sync_progress p;

	sync_job_progress(l->job, &p);
	l->st.progress = p.net.dl_total > 0 ? (int)(p.net.dl_now * 100 / p.net.dl_total)
		       : p.net.ul_total > 0 ? (int)(p.net.ul_now * 100 / p.net.ul_total) : -1;
}

static bool live_poll(void *ctx, struct sync_status *out)
{
	struct live *l = ctx;
	int64_t now = mono_ms();
	bool ended;

	if (l->job) {
		if (l->job_done || sync_job_poll(l->job, 0, NULL, 0) == SYNC_DONE)
			finish(l);
		else
			progress(l);
	} else if (!l->st.need_login && now >= l->retry_ms) {
		unsigned what = 0;

		if (now >= l->next_check_ms) {
			l->next_check_ms = now + CHECK_MS;
			if (push_due(l))
				what |= SYNC_PUSH;
		}
		if (now >= l->next_pull_ms)
			what |= SYNC_PULL;
		if (what)
			begin(l, what, NULL, &(struct tthc_err){ 0 });
	}
	*out = l->st;
	ended = l->ended;
	l->ended = false;
	return ended;
}

static int live_start(void *ctx, struct tthc_err *err)
{
	return begin(ctx, SYNC_PUSH | SYNC_PULL, NULL, err);
}

/* A push right after a login would send what was queued a moment ago:
 * the login pulls, and the outbox goes when it is due. */
static int live_login(void *ctx, const char *password, struct tthc_err *err)
{
	return begin(ctx, SYNC_LOGIN | SYNC_PULL, password, err);
}

static void live_wait(void *ctx, int timeout_ms, struct pollfd *keys)
{
	struct live *l = ctx;

	keys->revents = 0;
	/* A done job is finished by poll(), which a prompt does not call:
	 * until then the keys alone are waited on, not a done job that
	 * would return at once. */
	if (l->job && !l->job_done)
		l->job_done = sync_job_poll(l->job, timeout_ms, keys, 1) == SYNC_DONE;
	else if (poll(keys, 1, timeout_ms) <= 0)
		keys->revents = 0;
}

static void live_cancel(void *ctx)
{
	struct live *l = ctx;

	if (l->job)
		sync_job_cancel(l->job);
}

static const char *live_who(void *ctx)
{
	return ((struct live *)ctx)->who;
}

struct sync_hook *sync_live_new(struct sync_client *c, const struct config *cfg,
				struct tthc_err *err)
{
	struct live *l = calloc(1, sizeof *l);
	struct store_status s;

	if (!l) {
		tthc_fail(err, TTHC_E_NOMEM, "sync", "%s", _("out of memory"));
		return NULL;
	}
	l->hook = (struct sync_hook){ live_start, live_login, live_wait, live_poll, live_cancel,
				      live_who, l };
	l->c = c;
	l->interval_ms = config_number(cfg, CONFIG_SYNC_INTERVAL) * 1000;
	l->push_delay_s = config_number(cfg, CONFIG_PUSH_DELAY);
	l->st.state = HOOK_IDLE;
	l->st.progress = -1;
	if (store_status(sync_client_store(c), &s, NULL) == 0) {
		snprintf(l->who, sizeof l->who, "%s@%s", s.user ? s.user : "",
			 s.server ? s.server : "");
		store_status_free(&s);
	}
	/* No token at all: nothing to try before a login. */
	if (!sync_client_token(c)) {
		l->st.state = HOOK_FAILED;
		l->st.need_login = true;
		set_message(l, "%s", _("Not logged in: press the sync key to log in."));
		l->ended = true;
	}
	return &l->hook;
}

void sync_live_free(struct sync_hook *h)
{
	struct live *l;

	if (!h)
		return;
	l = h->ctx;
	if (l->job)
		sync_job_free(l->job);
	free(l);
}
