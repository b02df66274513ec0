/* Named fault points for crash-safety tests (STYLE.md, "Crash safety you can
 * test"; DESIGN.md section 8: a full or read-only disk is simulated, since CI
 * runs as root).  Compiled only into test builds (-DTTHC_FAULTS, which the
 * sanitizer build sets); in a normal build both macros cost nothing.
 *
 *   FAULT_POINT(STORE_QUEUE_AFTER_INSERT)
 *       kills the process on the spot with SIGKILL when the environment
 *       variable TTHC_FAULT names the point ("store.queue.after-insert"):
 *       no atexit handler, no flush, as a kill -9 or a power cut.
 *   FAULT_FAIL(STORE_IO_COMMIT)
 *       is true when TTHC_FAULT_FAIL names the point: the caller then fails
 *       the write as the disk would.
 *
 * Points are enum values from the one list below, so a misspelt point does
 * not compile and a test can walk every point (fault_count, fault_name). */
#ifndef TTHC_UTIL_FAULT_H
#define TTHC_UTIL_FAULT_H

#include <stdbool.h>

enum fault_kind { FAULT_KILL, FAULT_FAILS };

#define TTHC_FAULT_POINTS(X) \
	X(STORE_MIGRATE_AFTER_STEP,     FAULT_KILL,  "store.migrate.after-step") \
	X(STORE_QUEUE_AFTER_BEGIN,      FAULT_KILL,  "store.queue.after-begin") \
	X(STORE_QUEUE_AFTER_INSERT,     FAULT_KILL,  "store.queue.after-insert") \
	X(STORE_QUEUE_AFTER_MARK,       FAULT_KILL,  "store.queue.after-mark") \
	X(STORE_QUEUE_BEFORE_COMMIT,    FAULT_KILL,  "store.queue.before-commit") \
	X(STORE_QUEUE_AFTER_COMMIT,     FAULT_KILL,  "store.queue.after-commit") \
	X(STORE_UNDO_AFTER_DELETE,      FAULT_KILL,  "store.undo.after-delete") \
	X(STORE_UNDO_AFTER_COMMIT,      FAULT_KILL,  "store.undo.after-commit") \
	X(STORE_TAKE_AFTER_MARK,        FAULT_KILL,  "store.take.after-mark") \
	X(STORE_TAKE_AFTER_COMMIT,      FAULT_KILL,  "store.take.after-commit") \
	X(STORE_PUSH_AFTER_REMOVE,      FAULT_KILL,  "store.push.after-remove") \
	X(STORE_PUSH_AFTER_CASE,        FAULT_KILL,  "store.push.after-case") \
	X(STORE_PUSH_AFTER_ATTENTION,   FAULT_KILL,  "store.push.after-attention") \
	X(STORE_PUSH_BEFORE_COMMIT,     FAULT_KILL,  "store.push.before-commit") \
	X(STORE_PUSH_AFTER_COMMIT,      FAULT_KILL,  "store.push.after-commit") \
	X(STORE_RETRY_AFTER_QUEUE,      FAULT_KILL,  "store.retry.after-queue") \
	X(STORE_RETRY_BEFORE_COMMIT,    FAULT_KILL,  "store.retry.before-commit") \
	X(STORE_PAGE_AFTER_ROW,         FAULT_KILL,  "store.page.after-row") \
	X(STORE_PAGE_AFTER_MARKERS,     FAULT_KILL,  "store.page.after-markers") \
	X(STORE_PAGE_AFTER_CURSOR,      FAULT_KILL,  "store.page.after-cursor") \
	X(STORE_PAGE_AFTER_COMMIT,      FAULT_KILL,  "store.page.after-commit") \
	X(STORE_RESET_AFTER_DELETE,     FAULT_KILL,  "store.reset.after-delete") \
	X(SYNC_PUSH_AFTER_TAKE,         FAULT_KILL,  "sync.push.after-take") \
	X(SYNC_PUSH_AFTER_SEND,         FAULT_KILL,  "sync.push.after-send") \
	X(SYNC_PUSH_ANSWERED,           FAULT_KILL,  "sync.push.answered") \
	X(SYNC_PULL_ANSWERED,           FAULT_KILL,  "sync.pull.answered") \
	X(STORE_IO_COMMIT,              FAULT_FAILS, "store.io.commit")

enum fault_point {
#define X(id, kind, name) FAULT_##id,
	TTHC_FAULT_POINTS(X)
#undef X
	FAULT_COUNT
};

int fault_count(void);
const char *fault_name(enum fault_point p);
enum fault_kind fault_kind(enum fault_point p);

#ifdef TTHC_FAULTS
void fault_point(enum fault_point p);
bool fault_fail(enum fault_point p);
#define FAULT_POINT(id) fault_point(FAULT_##id)
#define FAULT_FAIL(id) fault_fail(FAULT_##id)
#else
#define FAULT_POINT(id) ((void)0)
#define FAULT_FAIL(id) false
#endif

#endif
