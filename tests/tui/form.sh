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
shows "and the form closes on the case, which now waits" "1 queued; the actions below follow them"
like "what follows is decided after it: the month is due again" "$screen" "Pay the month's fee"
payload=$(sqlite3 "$store" "SELECT payload FROM outbox")
is "the payload is the NFC text" "$payload" '{"reason":"Nộp nhầm"}'
is "as return-amount" "$(sqlite3 "$store" "SELECT kind FROM outbox")" "return-amount"
tui_keys Escape
shows "back in the list" "of 30 shown"

# Paying a due month is the member's act, which the finance officer keys in
# on the member's behalf: the form offers it, filled with the member.
# s steps through the states in order of appearance: on to Due.
for _ in 1 2 3; do
	tui_keys s
	sleep 0.3
	case "$(tui_screen)" in *"state: Due"*) break ;; esac
done
shows "s: the due cases" "state: Due"
tui_keys End x
shows "a due month can be paid" "Pay the month's fee"
tui_keys Enter
shows "the pay form" "Amount paid, in"
like "on behalf of the case's member" "$screen" "On behalf of \\(member id\\): m-[0-9]+"
tui_keys -l 80000
tui_keys Down
shows "a date field says how to write it" "a date: dd/mm/yyyy"
tui_keys -l 20/11/2026
tui_keys Down
shows "a choice field lists its choices" "one of: online (Online) cash (Cash to the branch)"
tui_keys -l cash
tui_keys C-x
shows "the form checks and asks" "Pay the month's fee: 1 cases? y/N"
tui_keys y
shows "queued" "pending 2 "
row=$(sqlite3 "$store" "SELECT payload || ' ' || on_behalf_of FROM outbox WHERE kind = 'pay'")
like "amount, ISO date and method, on behalf of the member" "$row" \
	'^\{"amount":80000,"paid_on":"2026-11-20","method":"cash"\} m-[0-9]+$'
tui_keys Escape Escape Q
tui_end
done_testing
