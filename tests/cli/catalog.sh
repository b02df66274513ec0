# Every message in the sources has a Vietnamese translation, and the
# catalog holds no fuzzy or untranslated entry.
. "$(dirname "$0")/../lib/tap.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1

sources=$(find core cli tui server -name '*.[ch]' 2>/dev/null | sort)
# shellcheck disable=SC2086
xgettext --from-code=UTF-8 --language=C -k_ -kN_ -o "$T_TMP/tthc.pot" $sources 2>"$T_TMP/xg"
is "xgettext reads every source" "$?" "0"

msgcat --use-first -o "$T_TMP/vi.po" po/vi/*.po
run msgcmp "$T_TMP/vi.po" "$T_TMP/tthc.pot"
status_is "every msgid in the sources is in po/vi" 0
unlike "no translation is left of a message the sources no longer have" "$err" 'not used'

run msgfmt --statistics -o /dev/null "$T_TMP/vi.po"
unlike "no untranslated or fuzzy entry" "$err" 'untranslated|fuzzy'

# Translations are NFC, like every Vietnamese string in the program.
msgfmt -o "$T_TMP/vi.mo" "$T_TMP/vi.po"
run "$TTHC" text normalize "$T_TMP/vi.po"
is "po/vi is NFC" "$out" "$(cat "$T_TMP/vi.po")"

done_testing
