#!/bin/bash
# A user's tthcrc changes the keys (bind, unbind, macro) and the key menu
# follows; a broken line is reported with its file and line and the
# defaults stay.  The help screen lists every action of the table.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/tmux.sh"

store="$T_TMP/s.db"
"$FIXTURE" "$store" 30 || { not_ok "fixture"; done_testing; exit 1; }
rc="$T_TMP/tthcrc"
cat >"$rc" <<'RC'
bind index y approve
unbind index a
macro index A ";y" "Approve the tagged cases"
bind index <Bogus> approve
RC

tui_start -- tui --config "$rc" --store "$store"
shows "a broken line is reported with file and line" "tthcrc:4: unknown key"
tui_keys Enter
shows "the list opens" "30 of 30 shown"
like "the key menu shows the new key" "$(tui_screen | sed -n 23p)" "y Approve"
tui_keys a
shows "an unbound key does nothing" "That key does nothing here"
tui_keys y
shows "the bound key approves the current case" "Approve 1 cases? y/N"
tui_keys n T A
shows "the macro is the tag prefix and approve" "Approve 30 cases? y/N"
tui_keys n U t
shows "the defaults stay: t still tags" "1 tagged"
tui_keys '?'
shows "? opens the help" "Help |"
names=$(sed -n 's/^\tX([A-Z_]*, *"\([a-z-]*\)", *N_(.*/\1/p' "$(dirname "$0")/../../tui/logic/actions.h")
like "the table has its actions" "$(echo "$names" | wc -l)" "^[2-9][0-9]$"
seen=$(tui_screen)
for i in 1 2 3; do
	tui_keys PageDown
	sleep 0.2
	seen="$seen
$(tui_screen)"
done
missing=""
for a in $names; do
	grep -qE " $a +" <<<"$seen" || missing="$missing $a"
done
is "the help screen lists every action of the table" "$missing" ""
like "with its keys in the view it came from" "$seen" "y +approve"
like "and the user's macros with their descriptions" "$seen" "A +;y +Approve the tagged cases"
tui_keys Escape Escape Q
tui_end

echo "set keymap vi" >"$rc"
tui_start -- tui --config "$rc" --store "$store"
shows "set keymap vi: the menu shows vi's keys" "l Open"
tui_keys l
shows "l opens" "30 of 30 shown"
like "h goes back in the list's menu" "$(tui_screen | sed -n 24p)" "h Back"
tui_keys j t
shows "j moves down and t tags" "1 tagged"
tui_keys h G l
shows "the settings show what tthcrc set, and where" "keymap           vi  ($rc:1)"
tui_keys h Q
tui_end

run "$TTHC" </dev/null
status_is "tthc alone, not on a terminal, prints help and exits 2" 2
like "the help names the tui command" "$err" "tui"
done_testing
