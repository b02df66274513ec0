/* Every user action, once (STYLE.md "One list of actions", tig's request
 * list): the enum, the names `bind` lines use, the help screen and the key
 * menu are all generated from this list.  No curses here: unit tests link
 * it. */
#ifndef TTHC_TUI_ACTIONS_H
#define TTHC_TUI_ACTIONS_H

#include "util/i18n.h"

/* X(ID, NAME, LABEL, HELP).  NAME is what tthcrc's bind line says; LABEL
 * (the key menu's) and HELP (the help screen's) are msgids, translated when
 * shown. */
#define TTHC_ACTIONS(X) \
	X(MOVE_DOWN,    "move-down",    N_("Down"), N_("Move to the next row")) \
	X(MOVE_UP,      "move-up",      N_("Up"), N_("Move to the previous row")) \
	X(PAGE_DOWN,    "page-down",    N_("Next page"), N_("Show the next page")) \
	X(PAGE_UP,      "page-up",      N_("Prev page"), N_("Show the previous page")) \
	X(FIRST,        "first-row",    N_("First"), N_("Go to the first row")) \
	X(LAST,         "last-row",     N_("Last"), N_("Go to the last row")) \
	X(SELECT,       "select",       N_("Open"), N_("Open the current row")) \
	X(BACK,         "back",         N_("Back"), N_("Leave this screen")) \
	X(QUIT,         "quit",         N_("Quit"), N_("Quit tthc")) \
	X(HELP,         "help",         N_("Help"), N_("Show every action and its keys")) \
	X(REDRAW,       "redraw",       N_("Redraw"), N_("Redraw the screen")) \
	X(SEARCH,       "search",       N_("Search"), N_("Search names, ignoring accents")) \
	X(FILTER_STATE, "filter-state", N_("State"), N_("Show only cases in the next state")) \
	X(FILTER_ORG,   "filter-org",   N_("Organisation"), \
	  N_("Show only cases of the next organisation")) \
	X(CLEAR,        "clear-filter", N_("Clear"), N_("Clear the search and the filters")) \
	X(TAG,          "tag",          N_("Tag"), N_("Tag or untag the current case")) \
	X(TAG_MATCHING, "tag-matching", N_("Tag shown"), \
	  N_("Tag every case the search and filters show")) \
	X(UNTAG_ALL,    "untag-all",    N_("Untag all"), N_("Untag every case")) \
	X(TAG_INVERT,   "tag-invert",   N_("Invert tags"), \
	  N_("Tag the untagged cases and untag the tagged")) \
	X(TAG_PREFIX,   "tag-prefix",   N_("On tagged"), \
	  N_("Apply the next action to every tagged case")) \
	X(APPROVE,      "approve",      N_("Approve"), \
	  N_("Take the next step that needs no form")) \
	X(ACT,          "act",          N_("Actions"), N_("Choose an action for the case")) \
	X(UNDO,         "undo",         N_("Undo"), \
	  N_("Take back the last batch while it is queued")) \
	X(DROP,         "drop",         N_("Drop"), N_("Give up the action that needs attention")) \
	X(RETRY,        "retry",        N_("Retry"), N_("Decide again on the server's version")) \
	X(SUBMIT,       "submit",       N_("Submit"), N_("Check the form and queue the action")) \
	X(SYNC,         "sync",         N_("Sync"), N_("Sync with the server now")) \
	X(OUTBOX,       "outbox",       N_("Outbox"), N_("Show the queued actions")) \
	X(HISTORY,      "history",      N_("History"), \
	  N_("Show who did what on the case, from the server's audit log")) \
	X(LOCK,         "lock-account", N_("Lock"), N_("Lock the account: it cannot log in")) \
	X(UNLOCK,       "unlock-account", N_("Unlock"), N_("Let the locked account log in again")) \
	X(REVOKE,       "revoke-account", N_("Revoke"), N_("Close the account for good")) \
	X(RESET_PASSWORD, "reset-password", N_("New password"), \
	  N_("Give the account a new password, shown once"))

enum action {
	ACT_NONE = -1,          /* unbound, or a key that does nothing */
#define X(id, name, label, help) ACT_##id,
	TTHC_ACTIONS(X)
#undef X
	ACT_COUNT
};

/* The bind name, and the label and help msgids of an action. */
const char *action_name(enum action a);
const char *action_label(enum action a);
const char *action_help(enum action a);
/* By bind name; ACT_NONE when unknown. */
enum action action_find(const char *name);

/* The screens a binding can name (NeoMutt's menus): `generic` applies in
 * every view unless the view binds or unbinds the key itself. */
#define TTHC_VIEWS(X) \
	X(GENERIC,   "generic") \
	X(MENU,      "menu") \
	X(INDEX,     "index") \
	X(CASE,      "case") \
	X(FORM,      "form") \
	X(OUTBOX,    "outbox") \
	X(ATTENTION, "attention") \
	X(ACCOUNTS,  "accounts") \
	X(HELP,      "help")

enum view_id {
#define X(id, name) VIEW_##id,
	TTHC_VIEWS(X)
#undef X
	VIEW_COUNT
};

const char *view_name(enum view_id v);
/* -1 when unknown. */
int view_find(const char *name);

#endif
