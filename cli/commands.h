/* Every `tthc COMMAND`, once: the dispatcher and `tthc --help` read this. */
#ifndef TTHC_CLI_COMMANDS_H
#define TTHC_CLI_COMMANDS_H

#include "cli.h"

int cmd_fee(int argc, char **argv);
int cmd_text(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_workdays(int argc, char **argv);
int cmd_login(int argc, char **argv);
int cmd_logout(int argc, char **argv);
int cmd_sync(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_cases(int argc, char **argv);
int cmd_act(int argc, char **argv);
int cmd_outbox(int argc, char **argv);
int cmd_conflicts(int argc, char **argv);
int cmd_tui(int argc, char **argv);

#define TTHC_COMMANDS(X) \
	X("text", cmd_text, N_("Vietnamese text tools: normalize, fold, sort, convert, detect, width")) \
	X("fee", cmd_fee, N_("Party fees: the monthly fee of a member and the rule applied")) \
	X("rules", cmd_rules, N_("The procedures' states, actions, roles and deadlines")) \
	X("workdays", cmd_workdays, N_("Working-day arithmetic over the public-holiday table")) \
	X("login", cmd_login, N_("Log in to the server and keep the session")) \
	X("logout", cmd_logout, N_("End the session and remove it from this computer")) \
	X("sync", cmd_sync, N_("Send queued actions and receive changes")) \
	X("status", cmd_status, N_("Server, user, roles, last sync, pending actions, conflicts")) \
	X("cases", cmd_cases, N_("List the cases of the local copy")) \
	X("act", cmd_act, N_("Take an action on cases, offline; sent at the next sync")) \
	X("outbox", cmd_outbox, N_("List queued actions or take one back")) \
	X("conflicts", cmd_conflicts, N_("Actions the server did not apply: show, drop, retry")) \
	X("tui", cmd_tui, N_("The full-screen interface (what tthc alone opens on a terminal)"))

#endif
