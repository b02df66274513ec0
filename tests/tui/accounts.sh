#!/bin/bash
# The online screens of an administrator against a real tthcd over HTTPS:
# the accounts (lock, then unlock, each confirmed, checked with
# `tthcd user list`), a new password, the organisation tree and the
# reports; then the server stops and the accounts screen says it needs a
# connection.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"
. "$(dirname "$0")/../lib/tmux.sh"

e2e_server || { not_ok "server"; done_testing; exit 1; }
e2e_client a tinh.quantri || { not_ok "login"; done_testing; exit 1; }
# The interface opens the store of tthcrc's server and user.
echo 'set user "tinh.quantri"' >>"$T_TMP/rc-a"
status() {  # the status of account $1 on the server
	"$TTHCD" user list --dir "$T_TMP/d" "$1" | cut -f2
}

tui_start XDG_DATA_HOME="$T_TMP/data-a" -- tui --config "$T_TMP/rc-a"
shows "the main menu opens" "Party fees"
tui_keys Down Down Down Down
tui_keys Enter
shows "the accounts screen lists the accounts" "tinh.taichinh"
# The first row is the first account by name: the one acted on.
first=$(tui_screen | sed -n 's/^ *\([a-z0-9._-]*\) .*Active.*/\1/p' | head -1)
like "its first row is an active account" "$first" '^[a-z0-9._-]+$'
tui_keys l
shows "lock asks first" "Lock the account $first?"
tui_keys n
shows "n does nothing" "Nothing done."
is "the account is still active" "$(status "$first")" active
tui_keys l
shows "asked again" "Lock the account $first?"
tui_keys y
shows "locked" "Account $first locked."
is "the server has it locked" "$(status "$first")" locked
like "the list shows it locked" "$(tui_screen)" "$first +Locked"
tui_keys n
shows "unlock asks first" "Unlock the account $first?"
tui_keys y
shows "unlocked" "Account $first unlocked."
is "the server has it active again" "$(status "$first")" active
tui_keys P
shows "a new password is asked for first" "Give the account $first a new password?"
tui_keys y
shows "and shown once" "New password for $first, shown once: "
like "the server makes him change it" "$(status "$first")" "active \\(must change password\\)"

tui_keys Escape Down
tui_keys Enter
shows "the organisation screen shows the tree with types" "Provincial party committee"
like "children are indented under their parent" "$(tui_screen)" "
   +[a-z0-9-]+  .*Base party committee"
tui_keys Escape Down
tui_keys Enter
shows "the reports screen offers the reports" "Fees: this quarter"
tui_keys Enter
shows "the case report is a table" "Procedure"
like "with the fee cases counted" "$(tui_screen)" "fee +[a-z-]+ +[1-9]"
tui_keys Escape Down Down
tui_keys Enter
shows "the fee report has a row per organisation and the total" "In arrears"
like "the total row" "$(tui_screen)" "Σ +[0-9]+"
tui_keys Escape Escape

srv_stop
tui_keys Up Up
tui_keys Enter
shows "offline the accounts screen says it needs the server" \
	"The accounts needs a connection to the server"
tui_keys Q
tui_end
done_testing
