#!/bin/bash
# Issue 7's sync, through the real TUI against a real tthcd over HTTPS: the
# TUI pulls at start; 50 cases tagged by search and approved are queued,
# and the sync action (Ctrl-S) pushes them at once, before push-delay: the
# server applies 50 actions.  The status line shows online, the pending
# count and the last sync in Vietnam's time.  With push-delay 0 a queued
# action is pushed without a key.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || { not_ok "the server starts"; done_testing; exit 1; }
e2e_rc a
printf 'set user "tinh.taichinh"\n' >>"$T_TMP/rc-a"
printf '%s\n' "$DEMO_PW" | tc login --user tinh.taichinh --password-stdin >/dev/null 2>&1
confirms() {
	sqlite3 "$T_TMP/d/tthcd.db" "SELECT count(*) FROM audit WHERE action = 'case.confirm'"
}
is "no case is confirmed on the server yet" "$(confirms)" 0
# s steps through the states the list's cases are in, in an order that
# depends on what it holds: step until Paid.
to_paid() {
	for i in $(seq 12); do
		tui_keys s
		sleep 0.2
		case "$(tui_screen)" in *"state: Paid"*) break ;; esac
	done
	shows "s comes to the paid cases" "state: Paid"
}

tui_start XDG_DATA_HOME="$T_TMP/data-a" -- tui --config "$T_TMP/rc-a"
shows "the TUI pulls at start" "Synced: 0 actions applied"
like "the status line says online" "$screen" "\| online \| pending 0 \| conflicts 0 \| last sync [0-9]{2}:[0-9]{2}"
tui_keys Enter
shows "the fee list shows the pulled cases" " shown, 0 tagged"
to_paid
tui_keys / n g u y e n Enter
shows "search narrows, ignoring accents" "search: nguyen"
n=$(echo "$screen" | sed -n 's/^\([0-9]*\) of [0-9]* shown.*/\1/p')
like "the search finds 50 or more paid cases" "$n" '^([5-9][0-9]|[1-9][0-9]{2,})$'
for i in $(seq 50); do tui_keys t; done
shows "t tags 50 of them" "50 tagged"
tui_keys '\;' a
shows "the confirmation counts them" "Approve 50 cases? y/N"
tui_keys y
shows "50 actions are pending" "pending 50 "
# Past the hook's once-a-second look at the outbox: a push that ignored
# push-delay (30 s here) would have gone by now.
sleep 2
is "nothing reached the server during push-delay" "$(confirms)" 0
like "still pending" "$(tui_screen)" "pending 50 "
tui_keys C-s
shows "the sync action pushes at once" "Synced: 50 actions applied, 0 need attention"
shows "nothing is pending" "pending 0 "
is "the server applied 50 confirmations" "$(confirms)" 50
is "the server's audit names 50 distinct cases" \
   "$(sqlite3 "$T_TMP/d/tthcd.db" "SELECT count(DISTINCT object) FROM audit WHERE action = 'case.confirm'")" 50
tui_keys Q
tui_end

# With push-delay 0 the outbox goes by itself, no key pressed.  A broken
# tthcrc line stays on the message line through the pull at start.
printf 'set push-delay 0s\nset no-such-setting 1\n' >>"$T_TMP/rc-a"
last_sync() { sqlite3 "$T_TMP"/data-a/tthc/*.db "SELECT value FROM meta WHERE key = 'last_sync'"; }
before=$(last_sync)
sleep 1
tui_start XDG_DATA_HOME="$T_TMP/data-a" -- tui --config "$T_TMP/rc-a"
shows "the TUI opens again, with the tthcrc error" "no-such-setting"
for i in $(seq 100); do [ "$(last_sync)" != "$before" ] && break; sleep 0.1; done
unlike "the pull at start ran (last sync moved)" "$(last_sync)" "^$before\$"
shows "the status line is back to online" "| online |"
like "the tthcrc error is still shown after it" "$screen" "no-such-setting"
tui_keys Enter
shows "the fee list opens" " shown, 0 tagged"
to_paid
tui_keys a
shows "approve asks for one case" "y/N"
tui_keys y
shows "with push-delay 0 the push starts by itself" "Synced: 1 actions applied"
is "the server applied it" "$(confirms)" 51
tui_keys Q
tui_end
done_testing
