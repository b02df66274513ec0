#!/bin/sh
# The TUI in a real tmux (issue 7's benchmarks), against a store of 100,000
# cached fee cases:
# - bytes written to the terminal for one cursor move and one one-line
#   scroll in the list (goals <= 64 and <= 200), as a ratio to a full redraw
#   of the same screen (Ctrl-L) in the same run;
# - start to the first screen, and opening the list of 100,000 cases, as a
#   ratio to sqlite3 reading the same rows in the same order (the baseline);
# - peak RSS (goal <= 24 MiB).
# Times are found by polling the screen every 10 ms: +-10 ms.
set -u
cd "$(dirname "$0")/.." || exit 2
export LANGUAGE=en
make --no-print-directory build/tthc build/asan/tui-fixture >/dev/null || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tthc-bench-tui.XXXXXX")
sock="$tmp/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
N=100000
build/asan/tui-fixture "$tmp/s.db" $N || exit 1

ms() { echo $(( $(date +%s%N) / 1000000 )); }
wait_for() {   # wait_for TEXT: poll the screen until it shows TEXT
	for _ in $(seq 3000); do
		tmux -S "$sock" capture-pane -p 2>/dev/null | grep -qF "$1" && return 0
		sleep 0.01
	done
	echo "tui: timed out waiting for '$1'" >&2
	exit 1
}
bytes_for() {  # bytes_for KEYS...: bytes written once the screen is still
	sleep 0.5
	: >"$tmp/bytes"
	tmux -S "$sock" send-keys "$@"
	sleep 0.7
	stat -c %s "$tmp/bytes"
}

t0=$(ms)
sqlite3 "$tmp/s.db" "SELECT id, member_name, state, deadline FROM cases WHERE procedure = 0
	ORDER BY name_key, id" >/dev/null
base=$(( $(ms) - t0 ))

t0=$(ms)
tmux -S "$sock" -f /dev/null new-session -d -x 80 -y 24 \
	"env TTHC_CONFIG=/dev/null /usr/bin/time -f %M -o $tmp/rss build/tthc tui --store $tmp/s.db"
wait_for "Party fees"
start=$(( $(ms) - t0 ))
t0=$(ms)
tmux -S "$sock" send-keys Enter
wait_for "of $N shown"
list=$(( $(ms) - t0 ))

tmux -S "$sock" pipe-pane -o "cat >>$tmp/bytes"
move=$(bytes_for Down)
for _ in $(seq 20); do tmux -S "$sock" send-keys Down; done
scroll=$(bytes_for Down)
full=$(bytes_for C-l)
tmux -S "$sock" send-keys Q
for _ in $(seq 300); do [ -s "$tmp/rss" ] && break; sleep 0.01; done
rss=$(cat "$tmp/rss")

awk -v m="$move" -v s="$scroll" -v f="$full" -v b="$base" -v st="$start" -v l="$list" \
    -v r="$rss" -v n="$N" 'BEGIN {
	printf "bytes, cursor move:     %6d  (%.3f of a full redraw; goal <= 64 bytes)\n", m, m / f
	printf "bytes, one-line scroll: %6d  (%.3f of a full redraw; goal <= 200 bytes)\n", s, s / f
	printf "bytes, full redraw:     %6d\n", f
	printf "start to first screen:  %6d ms  (%.2fx sqlite3 reading the %d cases: %d ms)\n", st, st / (b ? b : 1), n, b
	printf "open the list of %d: %d ms  (%.2fx sqlite3; goal <= 50 ms)\n", n, l, l / (b ? b : 1)
	printf "peak RSS:               %6.1f MiB (goal <= 24 MiB)\n", r / 1024
}'
