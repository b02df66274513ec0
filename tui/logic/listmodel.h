/* A list of cases as the index view works on it, without a screen: one
 * procedure's cases in the store's order (Vietnamese, by given name), what
 * the search and filters show, the cursor, the tags and the tag prefix.
 * Bulk actions take their cases from listmodel_targets(): the tagged cases
 * after the tag prefix, else the current one (NeoMutt's tag-prefix, htop's
 * "tagged else current") -- one code path for one case and for 500.
 *
 * The rows stay in the store (issue 7, "Low-resource": the first screen
 * of 100,000 cases at once, in little memory): the list's length is a
 * count, only a window of rows around what is drawn is read, and the tags
 * are a set of ids, so that tagging a whole search is one query of ids. */
#ifndef TTHC_TUI_LISTMODEL_H
#define TTHC_TUI_LISTMODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "idset.h"
#include "store/query.h"
#include "util/err.h"

/* Rows read at once: a few screens, so that scrolling reads again only
 * every hundred or so rows. */
#define LISTMODEL_WINDOW 256

struct listmodel {
	struct store *st;
	int proc;
	size_t n;               /* the procedure's cases */
	size_t n_visible;       /* what the search and filters show */
	struct store_case_list win;     /* shown rows win_off... */
	size_t win_off;
	struct idset tags;
	size_t n_tagged;        /* tags.n */
	char *search;           /* NFC; "" for none */
	char *state;            /* the state filter, NULL for all */
	char *org;              /* the organisation filter, NULL for all */
	size_t cur, top;        /* into what is shown */
	bool prefix;            /* the tag prefix was given */
};

/* The cases of procedure proc (enum procedure) in st, which the caller
 * keeps open. */
int listmodel_init(struct listmodel *lm, struct store *st, int proc, struct tthc_err *err);
void listmodel_free(struct listmodel *lm);

/* After the store changed: the same search and filters counted and read
 * again, the tags dropped (they went with the action they were for), the
 * cursor kept where it can be. */
int listmodel_reload(struct listmodel *lm, struct tthc_err *err);

/* Show the cases whose member's name contains needle, accents and case
 * ignored (the store's folded names); needle is normalised to NFC first.
 * Tags stay. */
int listmodel_search(struct listmodel *lm, const char *needle, struct tthc_err *err);
/* Step the state (organisation) filter to the next value of the
 * procedure's cases, in order of first appearance, and after the last back
 * to none. */
int listmodel_next_state(struct listmodel *lm, struct tthc_err *err);
int listmodel_next_org(struct listmodel *lm, struct tthc_err *err);
int listmodel_clear(struct listmodel *lm, struct tthc_err *err);

/* Move the cursor by delta rows, clamped; page is the rows on screen, for
 * keeping the cursor in view. */
void listmodel_move(struct listmodel *lm, long delta, size_t page);

/* The shown row v, read with its window when it is not in memory; NULL
 * past the end or when the store fails (err says which: code 0 for the
 * end).  Valid until the next call. */
const struct store_case_row *listmodel_row(struct listmodel *lm, size_t v,
					   struct tthc_err *err);
const struct store_case_row *listmodel_current(struct listmodel *lm, struct tthc_err *err);
bool listmodel_tagged(const struct listmodel *lm, const char *id);

int listmodel_tag(struct listmodel *lm, struct tthc_err *err); /* toggles the current row */
/* Tags every case shown; *added: how many were not tagged yet. */
int listmodel_tag_matching(struct listmodel *lm, size_t *added, struct tthc_err *err);
void listmodel_untag_all(struct listmodel *lm);
int listmodel_invert(struct listmodel *lm, struct tthc_err *err); /* over the shown */

/* The list's own actions (moves, filters, tags, the tag prefix) as the
 * index view's keys run them; page is the rows on screen.  1 when a was
 * one of them, 0 when not (search, approve... are the view's), -1 on
 * error.  Any action but the prefix ends the prefix, as in NeoMutt. */
int listmodel_act(struct listmodel *lm, enum action a, size_t page, struct tthc_err *err);

/* The ids of the cases the next action applies to (the caller frees
 * them): every tagged case, in list order, when the prefix was given, else
 * the current one.  Ends the prefix.  out->n is 0 when there is none. */
int listmodel_targets(struct listmodel *lm, struct store_strings *out, struct tthc_err *err);

#endif
