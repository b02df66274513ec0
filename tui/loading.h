/* An online screen's request that does not freeze the screen (DESIGN.md
 * section 6): while it runs, keys are read; past half a second the message
 * line says it is loading, and Esc cancels it at once (its error is then
 * TTHC_E_CANCELLED, which online_message words). */
#ifndef TTHC_TUI_LOADING_H
#define TTHC_TUI_LOADING_H

#include <stdbool.h>

#include "app.h"
#include "online.h"

struct loading {
	struct app *app;
	struct sync_client *c;
	int64_t started_ms;     /* app_now_ms() at loading_begin */
	bool shown;             /* the loading message is on the message line */
};

/* c's next requests (online.h) run under app's keys until loading_end. */
void loading_begin(struct loading *l, struct app *app, struct sync_client *c);
/* c blocks again; the loading message goes if nothing replaced it. */
void loading_end(struct loading *l);

#endif
