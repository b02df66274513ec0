#!/bin/bash
# make demo (scripts/demo.sh): a seeded tthcd, a login as a branch
# secretary, the TUI; afterwards the server is stopped and the temporary
# directory gone.  Run once without the TUI (DEMO_NO_TUI=1), once in a real
# tmux quitting with Q, and once without a terminal (refused).
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"

demo=$(cd "$(dirname "$0")/../.." && pwd)/scripts/demo.sh
export TMPDIR="$T_TMP"

# The server and directory a run announced on stderr are gone.
check_gone() {  # check_gone WHAT LOG
	local url dir
	url=$(sed -n 's/^demo: tthcd is listening on //p' "$2")
	dir=$(sed -n 's/^demo: creating a server in //p' "$2")
	like "$1: the server was announced" "$url" '^https://127\.0\.0\.1:[0-9]+$'
	curl -sS --max-time 5 -k "$url/api/v1/health" >/dev/null 2>&1
	rc=$?
	unlike "$1: nothing answers on its port afterwards" "$rc" '^0$'
	like "$1: the temporary directory was named" "$dir" "^$T_TMP/tthc-demo\."
	is "$1: and removed" "$(ls -d "$dir" 2>/dev/null)" ""
}

DEMO_NO_TUI=1 "$demo" >"$T_TMP/out" 2>"$T_TMP/err"
is "without the TUI the demo exits 0" "$?" 0
like "it logs in as a branch secretary" "$(cat "$T_TMP/err")" "roles: +Secretary at [a-z0-9-]+\.cb[0-9]+"
like "it says what it would open" "$(cat "$T_TMP/err")" "would open: TTHC_CONFIG=.*/tthcrc .*tthc \(as [a-z0-9.-]+\.bithu on https://"
like "it stops the server" "$(cat "$T_TMP/err")" "server stopped"
check_gone "no TUI" "$T_TMP/err"

"$demo" </dev/null >"$T_TMP/out" 2>"$T_TMP/err"
is "without a terminal the demo exits 1" "$?" 1
like "and says it needs one" "$(cat "$T_TMP/err")" "the interface needs a terminal"
is "having started nothing" "$(ls -d "$T_TMP"/tthc-demo.* 2>/dev/null)" ""

rm -f "$T_TMP/tui.status"
tui_tmux -f /dev/null new-session -d -x 80 -y 24 \
	"env LANGUAGE=en TMPDIR=$T_TMP $demo 2>$T_TMP/tui.err; echo \$? >$T_TMP/tui.status"
# The demo builds, creates, seeds and serves before the first screen: on a
# loaded machine (make check runs tests in parallel) that takes a while.
TUI_WAIT=90 shows "the demo opens the TUI, synced with the server" "| online | pending 0"
like "on a branch's cases" "$screen" "Party fees"
tui_keys Q
tui_end
check_gone "TUI" "$T_TMP/tui.err"
done_testing
