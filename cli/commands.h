/* Every `tthc COMMAND`, once: the dispatcher and `tthc --help` read this. */
#ifndef TTHC_CLI_COMMANDS_H
#define TTHC_CLI_COMMANDS_H

#include "cli.h"

int cmd_fee(int argc, char **argv);
int cmd_text(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_workdays(int argc, char **argv);
int cmd_tui(int argc, char **argv);

#define TTHC_COMMANDS(X) \
	X("text", cmd_text, N_("Vietnamese text tools: normalize, fold, sort, convert, detect, width")) \
	X("fee", cmd_fee, N_("Party fees: the monthly fee of a member and the rule applied")) \
	X("rules", cmd_rules, N_("The procedures' states, actions, roles and deadlines")) \
	X("workdays", cmd_workdays, N_("Working-day arithmetic over the public-holiday table")) \
	X("tui", cmd_tui, N_("The full-screen interface (what tthc alone opens on a terminal)"))

#endif
