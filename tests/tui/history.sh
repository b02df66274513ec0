#!/bin/bash
# A case's history through the real TUI against a real tthcd: an action is
# applied on the first paid fee case of the list (tthc act, sync), then the
# case view's history shows it, read from the server's audit log, with
# Vietnam's time; offline the history says it needs a connection.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"
. "$(dirname "$0")/../lib/tmux.sh"

user=xa-nam-son.cb01.taichinh
e2e_server || { not_ok "server"; done_testing; exit 1; }
e2e_client a "$user" || { not_ok "login"; done_testing; exit 1; }
echo "set user \"$user\"" >>"$T_TMP/rc-a"

tui_start XDG_DATA_HOME="$T_TMP/data-a" -- tui --config "$T_TMP/rc-a"
shows "the main menu opens" "Party fees"
tui_keys Enter
shows "the fee list opens" "shown"
for _ in 1 2 3 4 5 6; do
	tui_wait "state: Paid" && break
	tui_keys s
done
shows "s filters to the paid cases" "state: Paid"
tui_keys Enter
shows "the first paid case opens" "tthc: fee."
id=$(tui_screen | grep -o 'fee\.[a-z0-9.-]*' | head -1)
like "its id is in the title" "$id" '^fee\.m[0-9]+\.[0-9-]+$'

run tc act confirm "$id"
status_is "tthc act confirms the receipt" 0
run tc sync
status_is "and sync applies it" 0
is "the server applied one action on it" "$(e2e_audit_count "$id")" 1
at=$(sqlite3 "$T_TMP/d/tthcd.db" "SELECT strftime('%d/%m/%Y %H:%M', at, 'unixepoch', '+7 hours')
	FROM audit WHERE object = 'case:$id'")

tui_keys h
shows "h shows its history" "History of $id"
like "who confirmed, from which state to which" "$(tui_screen)" \
	"Confirm receipt: Paid → Receipt confirmed  ${user:0:16}"
like "at the server's time in Vietnam" "$(tui_screen)" "$at"
tui_keys Escape

srv_stop
tui_keys h
shows "offline, the history needs a connection" "The history needs a connection to the server"
tui_keys Q
tui_end
done_testing
