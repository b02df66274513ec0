/* A list of cases as the index view works on it, without a screen: the
 * rows in the store's order (Vietnamese, by given name), what the search
 * and filters show, the cursor, the tags and the tag prefix.  Bulk actions
 * take their cases from listmodel_targets(): the tagged cases after the
 * tag prefix, else the current one (NeoMutt's tag-prefix, htop's "tagged
 * else current") -- one code path for one case and for 500. */
#ifndef TTHC_TUI_LISTMODEL_H
#define TTHC_TUI_LISTMODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "text/fold.h"
#include "util/err.h"

/* Borrowed strings: the caller keeps them alive. */
struct list_row {
	const char *id;
	const char *name;       /* NULL: not known */
	const char *state;
	const char *org;
};

struct listmodel {
	const struct list_row *rows;
	size_t n;
	bool *tagged;
	size_t n_tagged;
	size_t *visible;        /* indexes into rows, in order */
	size_t n_visible;
	char *search;           /* NFC; "" for none */
	const char *state;      /* the state filter, NULL for all */
	const char *org;        /* the organisation filter, NULL for all */
	size_t cur, top;        /* into visible */
	bool prefix;            /* the tag prefix was given */
};

int listmodel_init(struct listmodel *lm, const struct list_row *rows, size_t n,
		   struct tthc_err *err);
void listmodel_free(struct listmodel *lm);

/* Show the rows whose name contains needle, accents and case ignored
 * (core/text/fold.h); needle is normalised to NFC first.  Tags stay. */
int listmodel_search(struct listmodel *lm, const char *needle, struct tthc_err *err);
/* Step the state (organisation) filter to the next value found in the rows,
 * in order of first appearance, and after the last back to none. */
int listmodel_next_state(struct listmodel *lm, struct tthc_err *err);
int listmodel_next_org(struct listmodel *lm, struct tthc_err *err);
int listmodel_clear(struct listmodel *lm, struct tthc_err *err);

/* Move the cursor by delta rows, clamped; page is the rows on screen, for
 * keeping the cursor in view. */
void listmodel_move(struct listmodel *lm, long delta, size_t page);

/* The visible row i's index in rows, or (size_t)-1 when none is shown. */
size_t listmodel_current(const struct listmodel *lm);

void listmodel_tag(struct listmodel *lm);            /* toggles the current row */
size_t listmodel_tag_matching(struct listmodel *lm); /* returns how many got tagged */
void listmodel_untag_all(struct listmodel *lm);
void listmodel_invert(struct listmodel *lm);         /* over the visible rows */

/* The list's own actions (moves, filters, tags, the tag prefix) as the
 * index view's keys run them; page is the rows on screen.  1 when a was
 * one of them, 0 when not (search, approve... are the view's), -1 on
 * error.  Any action but the prefix ends the prefix, as in NeoMutt. */
int listmodel_act(struct listmodel *lm, enum action a, size_t page, struct tthc_err *err);

/* The cases the next action applies to, as indexes into rows (the caller
 * frees *out): every tagged row (in list order) when the prefix was given,
 * else the current row.  Ends the prefix.  0 when there is none. */
size_t listmodel_targets(struct listmodel *lm, size_t **out);

#endif
