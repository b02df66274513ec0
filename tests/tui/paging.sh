#!/bin/bash
# The case list pages through the store (issue 7, "Low-resource"): with
# 1,000 cases, four times the rows it keeps in memory, the last row and
# back, tags kept for rows no longer read, tag-all and invert over the
# whole list, and the tag prefix acting on cases tagged off screen.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"

store="$T_TMP/s.db"
"$FIXTURE" "$store" 1000 || { not_ok "fixture"; done_testing; exit 1; }
# The list's order, read with sqlite3 rather than tthc.
nth() { sqlite3 "$store" "SELECT member_name FROM cases ORDER BY name_key, id LIMIT 1 OFFSET $1"; }
first=$(nth 0)
last=$(nth 999)

tui_start -- tui --store "$store"
tui_keys Enter
shows "the list counts every case" "1000 of 1000 shown, 0 tagged"
like "the first screen starts with the first name" "$(echo "$screen" | sed -n 3p)" "$first"
tui_keys End
shows "End reads the rows at the end" "$last"
tui_keys t
shows "the last case is tagged" "1 tagged"
like "and marked" "$screen" "\\* $last"
tui_keys Home
shows "Home goes back to the first rows" "$first"
tui_keys V
shows "invert covers the rows not read" "999 tagged"
tui_keys U T
shows "T tags all 1,000" "1000 tagged"
tui_keys V t
shows "then nothing but the first" "1 tagged"
tui_keys End t '\;' a
shows "the prefix takes the two, one of them far off screen" "Approve 2 cases? y/N"
like "the confirmation names the first" "$screen" "$first"
tui_keys n
shows "n does nothing" "Nothing done."
tui_keys Q
tui_end
done_testing
