# tthc text sort: Vietnamese order (DESIGN.md section 8), --names, --reverse,
# NFD input, all-or-nothing on invalid UTF-8, usage errors.
. "$(dirname "$0")/../lib/tap.sh"

plain='a
A
à
ả
ã
á
Á
ạ
an
anh
ánh
ăn
ân
bà a
ba b
cha
cu
da
dz
đa
nghề
ngô
nhà
ông
ơn
uy
ưa'

names='Nguyên Thị An
Nguyễn Văn An
Lê Văn Anh
Trần Thị Ánh
Phạm Ân
Hoàng Chi
Vũ Cúc
Đặng Thị Dung
Đỗ Đức'

# A fixed shuffle (reversed, then every other line first) so the test
# does not depend on shuf.
scramble() { tac | awk 'NR % 2 { print; next } { rest = rest $0 "\n" } END { printf "%s", rest }'; }

printf '%s\n' "$plain" | scramble >"$T_TMP/plain"
run "$TTHC" text sort "$T_TMP/plain"
status_is "sort exits 0" 0
is "plain order from DESIGN.md" "$out" "$plain"

printf '%s\n' "$names" | scramble >"$T_TMP/names"
run "$TTHC" text sort --names "$T_TMP/names"
is "--names sorts by given name, then the rest" "$out" "$names"

run "$TTHC" text sort --names --reverse "$T_TMP/names"
is "--reverse writes the opposite order" "$out" "$(printf '%s\n' "$names" | tac)"

run "$TTHC" text sort --reverse - <"$T_TMP/plain"
is "'-' reads standard input" "$out" "$(printf '%s\n' "$plain" | tac)"

# NFD input: the same order, written back in NFC.
nfd_names=$(printf 'Tra\xcc\x82\xcc\x80n Thi\xcc\xa3 A\xcc\x81nh\nLe\xcc\x82 Va\xcc\x86n Anh\nPha\xcc\xa3m A\xcc\x82n\nNguye\xcc\x82\xcc\x83n Va\xcc\x86n An')
run "$TTHC" text sort --names <<<"$nfd_names"
is "decomposed input sorts like composed and comes out NFC" "$out" "$(printf 'Nguyễn Văn An\nLê Văn Anh\nTrần Thị Ánh\nPhạm Ân')"

mixed=$(printf 'u\xcc\x9ba\nuy\n\xc6\xa1n\no\xcc\x82ng\n')
run "$TTHC" text sort <<<"$mixed"
is "mixed NFC and NFD lines sort together" "$out" "$(printf 'ông\nơn\nuy\nưa')"

printf 'b\na\r\n' >"$T_TMP/crlf"
run "$TTHC" text sort "$T_TMP/crlf"
is "CRLF lines and a last line without newline" "$out" "$(printf 'a\nb')"

run "$TTHC" text sort </dev/null
status_is "empty input exits 0" 0
is "empty input writes nothing" "$out" ""

printf 'b\na\nNguy\xe1\xbbn\nc\n' >"$T_TMP/bad"
run "$TTHC" text sort "$T_TMP/bad"
status_is "invalid UTF-8 exits 1" 1
is "error names line and byte" "$err" "tthc: line 3, byte 5: invalid UTF-8"
is "nothing is written when a line is bad" "$out" ""

run "$TTHC" text sort --help
status_is "--help exits 0" 0
like "--help shows usage" "$out" '^Usage: tthc text sort \[--names\] \[--reverse\] \[FILE\]'

run "$TTHC" text --help
like "text --help lists sort" "$out" 'sort +\[--names\] \[--reverse\] \[FILE\]'

run "$TTHC" text sort --bogus
status_is "unknown option is a usage error" 2
like "usage error names the option" "$err" "unknown option '--bogus'"

run "$TTHC" text sort a b
status_is "two files is a usage error" 2

run "$TTHC" text sort /nonexistent/file
status_is "missing file exits 1" 1

LANGUAGE=vi run "$TTHC" text sort --help
like "help is translated" "$out" '^Cách dùng: tthc text sort'

done_testing
