#!/bin/bash
# Issue 7: network work never freezes the screen; past half a second a
# progress bar shows, and Esc cancels at once.  A proxy between the TUI and
# tthcd holds the server's answers (tests/e2e/faultproxy.c, delay mode):
# the screen still answers keys, Esc cancels the sync (not the view), and
# the next sync goes through.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || { not_ok "the server starts"; done_testing; exit 1; }
PROXY_PID=
trap 'kill "$PROXY_PID" 2>/dev/null; srv_kill; tui_tmux kill-server 2>/dev/null; rm -rf "$T_TMP"' EXIT
# Armed before the TUI opens, with no threshold, the proxy holds the
# server's first answer of the first connection: the pull at start hangs
# on its TLS handshake.  The proxy holds every connection meanwhile (it
# sleeps), so the next sync goes through once the 6 s have passed.
proxy_start delay 0 6000 || { not_ok "the proxy starts"; done_testing; exit 1; }
proxy_login xa-nam-son.taichinh
kill -USR1 "$PROXY_PID"

tui_start XDG_DATA_HOME="$T_TMP/data-a" -- tui --config "$T_TMP/rc-a"
shows "a pull held past half a second shows a progress bar" "(Esc cancels)"
like "the status line says syncing and the counts" "$screen" "tthc: syncing .*\(Esc cancels\) \| pending 0 \| conflicts 0"
tui_keys Enter
shows "the screen answers keys meanwhile: the fee list opens" " shown, 0 tagged"
like "still syncing" "$screen" "tthc: syncing "
tui_keys Escape
shows "Esc cancels at once" "Sync cancelled"
like "the proxy was holding the answer" "$(cat "$T_TMP/proxy.err")" "fired"
like "and Esc did not leave the list" "$(tui_screen)" " shown, 0 tagged"
tui_keys C-s
shows "the next sync goes through" "Synced: 0 actions applied, 0 need attention, "
unlike "and received the cases" "$screen" "Synced: 0 actions applied, 0 need attention, 0 changes"
tui_keys Q
tui_end
done_testing
