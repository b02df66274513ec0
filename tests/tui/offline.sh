#!/bin/bash
# Issue 7's offline work, through the real TUI: with the server stopped a
# sync says offline and the screen keeps working; approved cases queue and
# show as pending; once the server is back on its port the sync action
# pushes them: applied on the server, nothing pending.  An expired session
# keeps the outbox and offers a login form whose password is not shown.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || { not_ok "the server starts"; done_testing; exit 1; }
e2e_rc a
printf 'set user "xa-nam-son.taichinh"\nset connect-timeout 2s\n' >>"$T_TMP/rc-a"
printf '%s\n' "$DEMO_PW" | tc login --user xa-nam-son.taichinh --password-stdin >/dev/null 2>&1
# Actions on cases the server applied (whichever the approve key took).
applied() {
	sqlite3 "$T_TMP/d/tthcd.db" "SELECT count(*) FROM audit WHERE action LIKE 'case.%'"
}
is "no action on a case reached the server yet" "$(applied)" 0

tui_start XDG_DATA_HOME="$T_TMP/data-a" -- tui --config "$T_TMP/rc-a"
shows "the TUI pulls at start" "Synced: 0 actions applied"
srv_stop
tui_keys C-s
shows "with the server stopped, the status line says offline" "| offline | pending 0 "
like "and the message says the actions stay queued" "$screen" "Offline: actions stay queued"
tui_keys Enter
shows "the fee list opens offline" " shown, 0 tagged"
tui_keys t t t t t
shows "five cases tagged" "5 tagged"
tui_keys '\;' a
shows "the confirmation counts them" "Approve 5 cases? y/N"
tui_keys y
shows "they are pending, offline" "| offline | pending 5 "

srv_restart || { not_ok "the server restarts on its port"; done_testing; exit 1; }
tui_keys C-s
shows "back online, the sync action pushes them" "Synced: 5 actions applied"
shows "nothing is pending" "| online | pending 0 "
is "the server applied them" "$(applied)" 5

# A revoked session: the server refuses the token; the outbox is kept and
# the status line says to log in again.
tui_keys t t
tui_keys '\;' a
shows "two more to confirm" "Approve 2 cases? y/N"
tui_keys y
shows "two pending" "pending 2 "
sqlite3 "$T_TMP/d/tthcd.db" "DELETE FROM tokens"
tui_keys C-s
shows "a refused token asks for a new login" "| log in again | pending 2 "
is "the server has no more than before" "$(applied)" 5
tui_keys C-s
shows "the sync key opens the login form" "Password (not shown):"
tui_keys -l "$DEMO_PW"
unlike "the password is not shown" "$(tui_screen)" "$DEMO_PW"
tui_keys Enter
shows "the login succeeds and pulls" "Synced: 0 actions applied"
tui_keys C-s
shows "the kept outbox is pushed" "Synced: 2 actions applied"
is "the server applied them too" "$(applied)" 7
tui_keys Q
tui_end
done_testing
