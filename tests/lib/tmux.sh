# Driving the real TUI in a real tmux (source after tap.sh):
#
#   tui_start [ENV=VALUE...] -- ARGS...   tthc ARGS in an 80x24 session
#   tui_keys KEYS...                      tmux send-keys (use '\;' for ;)
#   tui_wait TEXT                         until the screen shows TEXT (10 s)
#   tui_screen                            the screen as text
#   tui_end                               wait for tthc to exit; $tui_status
#
# Each test has its own tmux server (a socket in T_TMP), so tests run in
# parallel.  tthc's stderr goes to $T_TMP/tui.err (ASan reports land there).

TUI_SOCK="$T_TMP/tmux.sock"
tui_tmux() { tmux -S "$TUI_SOCK" "$@"; }

tui_start() {
	local envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $(printf '%q' "$1")"
		shift
	done
	shift
	local args=""
	for a in "$@"; do args="$args $(printf '%q' "$a")"; done
	rm -f "$T_TMP/tui.status"
	tui_tmux -f /dev/null new-session -d -x 80 -y 24 \
		"env LANGUAGE=en TTHC_CONFIG=/dev/null $envs $TTHC$args 2>$T_TMP/tui.err; echo \$? >$T_TMP/tui.status"
}

tui_keys() { tui_tmux send-keys "$@"; }
tui_screen() { tui_tmux capture-pane -p 2>/dev/null; }

# tui_wait TEXT: true once the screen shows TEXT; false after $TUI_WAIT
# seconds, 10 by default (the screen is then kept in $screen for the
# failure's detail).
tui_wait() {
	local i
	for i in $(seq $((${TUI_WAIT:-10} * 10))); do
		screen=$(tui_screen)
		case "$screen" in *"$1"*) return 0 ;; esac
		sleep 0.1
	done
	return 1
}

# check NAME TEXT: a test that the screen comes to show TEXT.
shows() {
	if tui_wait "$2"; then ok "$1"; else not_ok "$1" "want on screen: $2" "$screen"; fi
}

tui_end() {
	local i
	for i in $(seq 100); do
		[ -f "$T_TMP/tui.status" ] && break
		sleep 0.1
	done
	tui_status=$(cat "$T_TMP/tui.status" 2>/dev/null || echo "still running")
	tui_tmux kill-server 2>/dev/null
	if [ "$tui_status" = 0 ]; then ok "tthc exits cleanly"
	else not_ok "tthc exits cleanly" "status: $tui_status" "$(cat "$T_TMP/tui.err")"; fi
}

FIXTURE="${TTHC_BUILD:-build}/asan/tui-fixture"
