#!/bin/bash
# The needs-attention list (issue 7, DESIGN.md section 8 "conflicts"):
# actions the server answered with a conflict are listed; d drops one,
# r queues the same decision again on the server's version.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"

store="$T_TMP/s.db"
"$FIXTURE" "$store" 30 finance 3 || { not_ok "fixture"; done_testing; exit 1; }
count() { sqlite3 "$store" "SELECT count(*) FROM $1"; }

tui_start -- tui --store "$store"
shows "the status line counts the conflicts" "conflicts 3 "
tui_keys End Up Enter
shows "the needs-attention list opens" "Needs attention |"
like "it lists the three" "$(tui_screen | grep -c 'confirm.*conflict')" "^3$"
tui_keys d
shows "d drops one" "Dropped."
shows "the count follows" "conflicts 2 "
is "the store forgot it" "$(count attention)" 2
tui_keys r
shows "r queues it again" "Queued again."
shows "it is pending" "pending 1 "
is "on the server's version" "$(sqlite3 "$store" "SELECT base_version FROM outbox")" 2
is "one is left" "$(count attention)" 1
tui_keys o
shows "the outbox lists it" "Outbox |"
like "as confirm, to be confirmed" "$(tui_screen)" "c-[0-9]+ +confirm +confirmed"
tui_keys u
shows "u takes it back" "pending 0 "
tui_keys Escape Escape Q
tui_end
done_testing
