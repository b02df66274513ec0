#!/bin/bash
# Issue 7 and DESIGN.md section 6: an online screen's request never freezes
# the screen.  A proxy between the TUI and tthcd holds the server's answer
# (tests/e2e/faultproxy.c, delay mode) while the accounts screen opens:
# past half a second the message line says it is loading, a key is
# answered meanwhile, Esc cancels at once, and asked again the screen opens.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || { not_ok "the server starts"; done_testing; exit 1; }
PROXY_PID=
trap 'kill "$PROXY_PID" 2>/dev/null; srv_kill; tui_tmux kill-server 2>/dev/null; rm -rf "$T_TMP"' EXIT
# Armed once the TUI's first pull is done, with no threshold, the proxy
# holds the first answer of the next connection: the accounts screen's.
proxy_start delay 0 8000 || { not_ok "the proxy starts"; done_testing; exit 1; }
proxy_login tinh.quantri

tui_start XDG_DATA_HOME="$T_TMP/data-a" -- tui --config "$T_TMP/rc-a"
shows "the first pull ends" "Synced: "
kill -USR1 "$PROXY_PID"
tui_keys Down Down Down Down
tui_keys Enter
shows "a request held past half a second says it is loading" "loading… (Esc cancels)"
tui_keys x
shows "the screen answers a key meanwhile" "Still loading: wait, or Esc cancels."
tui_keys Escape
shows "Esc cancels at once" "The accounts: cancelled (Esc)"
like "the proxy was holding the answer" "$(cat "$T_TMP/proxy.err")" "fired"
unlike "the accounts screen did not open" "$(tui_screen)" "tinh.taichinh"
tui_keys Enter
shows "asked again, the accounts screen opens" "tinh.taichinh"
tui_keys Q
tui_end
done_testing
