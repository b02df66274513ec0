# tthc text fold: the search form of each line; --exact keeps the marks.
. "$(dirname "$0")/../lib/tap.sh"

run "$TTHC" text fold <<<"Nguyễn Văn Đức"
status_is "a name folds" 0
is "marks gone, đ is d, lower case" "$out" "nguyen van duc"

nfd=$(printf 'Nguye\xcc\x82\xcc\x83n Va\xcc\x86n \xc4\x90u\xcc\x9b\xcc\x81c')
run "$TTHC" text fold <<<"$nfd"
is "decomposed input folds the same" "$out" "nguyen van duc"

printf 'TRẦN THỊ ÁNH\nPhạm Ân\n\nĐỗ Đức' >"$T_TMP/names"
run "$TTHC" text fold "$T_TMP/names"
is "each line of a file, a last line without newline too" "$out" \
	"$(printf 'tran thi anh\npham an\n\ndo duc')"

run "$TTHC" text fold - <"$T_TMP/names"
is "'-' reads standard input" "$out" "$(printf 'tran thi anh\npham an\n\ndo duc')"

run "$TTHC" text fold --exact <<<"$nfd"
status_is "--exact exits 0" 0
is "--exact keeps marks and đ, composes, folds case" "$out" "nguyễn văn đức"

printf 'A\tB\x1b[31mC\x01\n' >"$T_TMP/ctl"
"$TTHC" text fold "$T_TMP/ctl" >"$T_TMP/ctl.out"
is "control bytes pass through unchanged" "$(od -An -c "$T_TMP/ctl.out" | tr -s ' ')" \
	"$(printf 'a\tb\x1b[31mc\x01\n' | od -An -c | tr -s ' ')"

printf 'a\0B\x1bĐ\n' | "$TTHC" text fold --exact >"$T_TMP/nul.out"
is "--exact passes a NUL byte and an escape through too" "$(od -An -c "$T_TMP/nul.out" | tr -s ' ')" \
	"$(printf 'a\0b\x1bđ\n' | od -An -c | tr -s ' ')"

printf 'An\nBình\nNguy\xe1\xbbn\nLan\n' >"$T_TMP/bad"
run "$TTHC" text fold "$T_TMP/bad"
status_is "invalid UTF-8 exits 1" 1
is "error names line and byte" "$err" "tthc: line 3, byte 5: invalid UTF-8"
is "lines before it are written, nothing of it or after" "$out" "$(printf 'an\nbinh')"

run "$TTHC" text fold --exact "$T_TMP/bad"
is "--exact refuses it the same way" "$err" "tthc: line 3, byte 5: invalid UTF-8"

run "$TTHC" text fold --help
status_is "--help exits 0" 0
like "--help shows the usage" "$out" '^Usage: tthc text fold \[--exact\] \[FILE\]'

run env LANGUAGE=vi "$TTHC" text fold --help
like "--help in Vietnamese" "$out" '^Cách dùng: tthc text fold'

run "$TTHC" text fold --bogus
status_is "unknown option is a usage error" 2
like "the hint names the subcommand" "$err" "Try 'tthc text fold --help'"

run "$TTHC" text fold "$T_TMP/names" "$T_TMP/names"
status_is "two files are a usage error" 2

run "$TTHC" text fold /nonexistent/file
status_is "missing file exits 1" 1

run "$TTHC" text --help
like "text --help lists fold" "$out" '^  fold '

done_testing
