#!/bin/bash
# No full redraw for a cursor move or a one-line scroll (DESIGN.md section
# 6): the bytes tthc writes to the terminal, recorded by tmux pipe-pane,
# are compared with those of a full redraw (Ctrl-L) in the same run.  The
# absolute figures are make bench's; here only "not a full screen".  Also:
# deadlines past and near are marked in the list.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"

store="$T_TMP/s.db"
"$FIXTURE" "$store" 60 || { not_ok "fixture"; done_testing; exit 1; }
bytes="$T_TMP/bytes"

# measure KEYS...: the bytes written for KEYS once the screen is still.
measure() {
	sleep 0.5
	: >"$bytes"
	tui_keys "$@"
	sleep 0.7
	stat -c %s "$bytes"
}

tui_start -- tui --store "$store"
tui_keys Enter
shows "the list opens" "60 of 60 shown"
like "a deadline past is marked" "$screen" "[0-9]{2}/[0-9]{2}/[0-9]{4} late"
like "a deadline within a day is marked" "$screen" "[0-9]{2}/[0-9]{2}/[0-9]{4} !"
tui_tmux pipe-pane -o "cat >>$bytes"
move=$(measure Down)
for i in $(seq 17); do tui_keys Down; done
scroll=$(measure Down)
full=$(measure C-l)
like "a full redraw writes a screenful" "$full" "^[0-9]{4,}$"
if [ "$move" -gt 0 ] && [ $((move * 4)) -lt "$full" ]; then ok "a cursor move is not a full redraw"
else not_ok "a cursor move is not a full redraw" "move $move bytes, full $full"; fi
if [ "$scroll" -gt 0 ] && [ $((scroll * 4)) -lt "$full" ]; then ok "a one-line scroll is not a full redraw"
else not_ok "a one-line scroll is not a full redraw" "scroll $scroll bytes, full $full"; fi
echo "# bytes: move $move, scroll $scroll, full screen $full"
tui_keys Q
tui_end
done_testing
