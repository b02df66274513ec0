#!/bin/bash
# Issue 7's bulk approval, through the real TUI: open the fee list, filter
# to the paid cases, search, tag what is shown, the tag prefix, approve,
# confirm; the actions are queued (status line and the store's outbox);
# u takes the batch back.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"

store="$T_TMP/s.db"
"$FIXTURE" "$store" 600 || { not_ok "fixture"; done_testing; exit 1; }
outbox() { sqlite3 "$store" "SELECT count(*) FROM outbox"; }

tui_start -- tui --store "$store"
shows "the main menu opens" "Party fees"
tui_keys Enter
shows "the fee list shows every case" "600 of 600 shown"
tui_keys s
shows "s filters to the first state" "state: Paid"
n_paid=$(echo "$screen" | sed -n 's/^\([0-9]*\) of 600 shown.*/\1/p')
is "500 cases are paid" "$n_paid" 500
tui_keys / n g u y e n
shows "search narrows as you type, ignoring accents" "search: nguyen"
tui_keys Enter
n=$(echo "$screen" | sed -n 's/^\([0-9]*\) of 600 shown.*/\1/p')
like "the search found some" "$n" '^[1-9][0-9]*$'
like "found names carry marks" "$screen" "Nguyễn"
tui_keys T
shows "T tags every case shown" "$n tagged"
tui_keys '\;' a
shows "the confirmation counts the tagged cases" "Approve $n cases? y/N"
like "it names the first cases" "$screen" "c-[0-9]+  Nguyễn"
tui_keys n
shows "n does nothing" "Nothing done."
is "nothing is queued" "$(outbox)" 0
tui_keys '\;' a
shows "asked again" "Approve $n cases? y/N"
tui_keys y
shows "the actions are pending" "pending $n "
is "the outbox holds them" "$(outbox)" "$n"
is "one batch" "$(sqlite3 "$store" "SELECT count(DISTINCT batch) FROM outbox")" 1
is "each confirms the receipt" "$(sqlite3 "$store" "SELECT DISTINCT kind FROM outbox")" confirm
tui_keys o
shows "the outbox view lists them" "confirm"
tui_keys u
shows "u takes the batch back" "pending 0 "
is "the outbox is empty" "$(outbox)" 0
tui_keys Q
tui_end
done_testing
