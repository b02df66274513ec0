# tthc text normalize: NFC out, invalid UTF-8 refused with line and byte.
. "$(dirname "$0")/../lib/tap.sh"

nfd=$(printf 'Nguye\xcc\x82\xcc\x83n Va\xcc\x86n \xc4\x90u\xcc\x9b\xcc\x81c')
run "$TTHC" text normalize <<<"$nfd"
status_is "decomposed input exits 0" 0
is "decomposed input comes out composed" "$out" "Nguyễn Văn Đức"

printf 'a\nb\nNguy\xe1\xbbn\n' >"$T_TMP/bad"
run "$TTHC" text normalize "$T_TMP/bad"
status_is "invalid UTF-8 exits 1" 1
is "error names line and byte" "$err" "tthc: line 3, byte 5: invalid UTF-8"
is "lines before the bad one are written, nothing of it" "$out" "$(printf 'a\nb')"

run "$TTHC" text normalize --bogus
status_is "unknown option is a usage error" 2

run "$TTHC" text normalize /nonexistent/file
status_is "missing file exits 1" 1

done_testing
