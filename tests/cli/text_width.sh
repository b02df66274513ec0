# tthc text width: display columns of each line, as tthc would show it.
. "$(dirname "$0")/../lib/tap.sh"

run "$TTHC" text width <<<"Nguyễn Văn Đức"
status_is "a name's width" 0
is "one column per letter, marks included" "$out" "14"

nfd=$(printf 'Nguye\xcc\x82\xcc\x83n')
printf '%s\n日本語\n\nＡＢ x\n' "$nfd" >"$T_TMP/mixed"
run "$TTHC" text width "$T_TMP/mixed"
is "marks take no column, wide characters two, empty line 0" "$out" \
	"$(printf '6\n6\n0\n6')"

printf '\x1b[31mđỏ\x1b[0m\n\x1b]0;pwned\x07An\na\tb\nx\x01y\x7f\n' >"$T_TMP/ctl"
run "$TTHC" text width "$T_TMP/ctl"
status_is "control bytes are accepted" 0
is "sequences and controls take no column, a tab one" "$out" \
	"$(printf '2\n2\n3\n2')"

printf 'a\0B\n' >"$T_TMP/nul"
run "$TTHC" text width "$T_TMP/nul"
is "a NUL byte takes no column and does not end the line" "$out" "2"

printf '1\n\xe6\x97\xa5\xe6\x97\n' >"$T_TMP/bad"
run "$TTHC" text width "$T_TMP/bad"
status_is "invalid UTF-8 exits 1" 1
is "error names line and byte" "$err" "tthc: line 2, byte 4: invalid UTF-8"
is "the lines before it are written" "$out" "1"

run "$TTHC" text width --help
status_is "--help exits 0" 0
like "--help shows the usage" "$out" '^Usage: tthc text width \[FILE\]'

run "$TTHC" text width -x
status_is "unknown option is a usage error" 2
like "the hint names the subcommand" "$err" "Try 'tthc text width --help'"

run "$TTHC" text width a b
status_is "two files are a usage error" 2

run "$TTHC" text width /nonexistent/file
status_is "missing file exits 1" 1

done_testing
