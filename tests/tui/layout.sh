#!/bin/bash
# The screen under hard conditions (issue 7, DESIGN.md section 6): a C
# locale shows names without marks and keeps the layout; TERM=vt100; resize
# to 20x5 (a notice), to 1x1, and back to 80x24 (the screen comes back).
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"

store="$T_TMP/s.db"
"$FIXTURE" "$store" 60 || { not_ok "fixture"; done_testing; exit 1; }

tui_start LANG=C LC_ALL=C -- tui --store "$store"
tui_keys Enter
shows "C locale: the list opens" "60 of 60 shown"
like "names are shown without marks" "$screen" "Nguyen|Tran|Le |Pham|Dang"
unlike "and never as mojibake or ?" "$screen" "Ã|\\?\\?|Nguy[^e]n "
like "the status line is the first line" "$(echo "$screen" | sed -n 1p)" "^ tthc: Party fees \\| offline \\| pending 0"
like "the key menu is the last line" "$(echo "$screen" | sed -n 24p)" "Esc Back"
like "and the line above it" "$(echo "$screen" | sed -n 23p)" "\\? Help +/ Search"
tui_tmux resize-window -x 20 -y 5
shows "20x5: a notice instead of the screen" "Terminal too sma"
tui_tmux resize-window -x 1 -y 1
sleep 0.3
tui_tmux resize-window -x 80 -y 24
shows "back to 80x24: the list is restored" "60 of 60 shown"
like "with its key menu" "$(tui_screen | sed -n 24p)" "Esc Back"
tui_keys Q
tui_end

tui_start TERM=vt100 "TTHC_STORE=$store" --
shows "TERM=vt100, tthc alone on a terminal, the store from TTHC_STORE: the menu" "Party fees"
tui_keys Enter
shows "and the list" "60 of 60 shown"
tui_keys Down Down t
shows "a tag shows on a monochrome terminal" "1 tagged"
tui_keys Escape
shows "ESC goes back at once" "Main menu"
tui_keys Q
tui_end
done_testing
