#!/bin/bash
# A case and the form of an action (issue 7): the actions core/proc opens,
# the rules' message under an empty field, Vietnamese typed with combining
# marks kept as NFC, and the action queued.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"

store="$T_TMP/s.db"
"$FIXTURE" "$store" 30 || { not_ok "fixture"; done_testing; exit 1; }

tui_start -- tui --store "$store"
tui_keys Enter
shows "the list opens" "30 of 30 shown"
tui_keys s x
shows "x shows the case and the actions open now" "Actions open to you now:"
like "returning a wrong payment is open" "$screen" "Return a wrong payment with a reason"
like "so is confirming the receipt" "$screen" "Confirm receipt"
tui_keys Enter
shows "Enter on an action with fields opens its form" "Reason"
tui_keys C-x
shows "an empty required field gets core/proc's message" "required"
# "Nộp nhầm" typed as base letters and combining marks (NFD).
tui_keys -l "$(printf 'No\xcc\x82\xcc\xa3p nha\xcc\x82\xcc\x80m')"
tui_keys C-x
shows "the form checks and asks" "Return a wrong payment with a reason: 1 cases? y/N"
tui_keys y
shows "the action is pending" "pending 1 "
shows "and the form closes on the case" "Actions open to you now:"
payload=$(sqlite3 "$store" "SELECT payload FROM outbox")
is "the payload is the NFC text" "$payload" '{"reason":"Nộp nhầm"}'
is "as return-amount" "$(sqlite3 "$store" "SELECT kind FROM outbox")" "return-amount"
tui_keys Escape Escape Q
tui_end
done_testing
