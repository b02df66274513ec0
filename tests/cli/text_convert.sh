# tthc text convert: legacy encodings both ways, auto, fallback, errors.
. "$(dirname "$0")/../lib/tap.sh"
# Messages name the character itself: show it as it is.
export LC_ALL=C.UTF-8

cat >"$T_TMP/vi.txt" <<'TEXT'
Đảng viên có trách nhiệm nộp đảng phí hằng tháng cho chi bộ nơi sinh hoạt.
Nguyễn Văn An, Trần Thị Bích Ngọc, Lê Hoàng Long, Đỗ Đức Thắng
TEXT

for enc in tcvn3 vni viscii cp1258 tcvn5712-1; do
	run "$TTHC" text convert --from utf-8 --to "$enc" "$T_TMP/vi.txt"
	status_is "utf-8 to $enc exits 0" 0
	printf '%s\n' "$out" >"$T_TMP/vi.$enc"
	unlike "$enc bytes are not the UTF-8 text" "$out" "Đảng"
	run "$TTHC" text convert --from "$enc" --to utf-8 "$T_TMP/vi.$enc"
	is "$enc back to utf-8 gives the text again" "$out" "$(cat "$T_TMP/vi.txt")"
done

run "$TTHC" text convert --from auto --to utf-8 "$T_TMP/vi.vni"
status_is "--from auto on a VNI file exits 0" 0
is "--from auto reads the VNI file right" "$out" "$(cat "$T_TMP/vi.txt")"

printf 't\265i\n' >"$T_TMP/ambiguous"
run "$TTHC" text convert --from auto --to utf-8 "$T_TMP/ambiguous"
status_is "--from auto refuses an ambiguous input" 1
is "the refusal names the candidates" "$err" \
	"tthc: cannot tell the encoding, it could be any of: tcvn3, viscii; name it with --from"
is "nothing is written when refused" "$out" ""

printf 'ho ten\nNGUYỄN\nVăn\n' >"$T_TMP/upper"
run "$TTHC" text convert --from utf-8 --to tcvn3 "$T_TMP/upper"
status_is "a toned capital in tcvn3 exits 1" 1
is "the error names line, character and the rule" "$err" \
	"tthc: line 2, character 5: cannot encode 'Ễ' (U+1EC4) in tcvn3 (TCVN3 has no capital letters with tone marks)"
is "lines before are written, nothing of the bad one" "$out" "ho ten"

run "$TTHC" text convert --from utf-8 --to tcvn3 --fallback=ascii "$T_TMP/upper"
status_is "--fallback=ascii exits 0" 0
is "--fallback=ascii writes the letter without marks" "$out" "$(printf 'ho ten\nNGUYEN\nV\250n')"
is "--fallback=ascii says how many it replaced" "$err" \
	"tthc: 1 character written without its marks (tcvn3 cannot hold it)"

run "$TTHC" text convert --from utf-8 --to viscii --fallback ascii <<<"Giá 5€ ☃"
is "a character with no letter under it becomes '?'" "$out" "$(printf 'Gi\341 5? ?')"
is "the count covers it" "$err" "tthc: 2 characters written without their marks (viscii cannot hold them)"

printf 'a\nNguy\341\273n\n' >"$T_TMP/bad-utf8"
run "$TTHC" text convert --from utf-8 --to vni "$T_TMP/bad-utf8"
status_is "invalid UTF-8 with --from utf-8 exits 1" 1
is "invalid UTF-8 is named with line and byte" "$err" "tthc: line 2, byte 5: invalid UTF-8"

printf 'ok\nab\200\n' >"$T_TMP/bad-tcvn3"
run "$TTHC" text convert --from tcvn3 --to utf-8 "$T_TMP/bad-tcvn3"
status_is "a byte with no meaning exits 1" 1
is "the byte is named with its line" "$err" "tthc: line 2, byte 3: 0x80 is not a character in tcvn3"

printf '\005\002\n' | { run "$TTHC" text convert --from viscii --to utf-8
is "VISCII bytes below 0x20 are letters, not stripped" "$out" "ẴẲ"; }

printf '\357\273\277Đức\n' | { run "$TTHC" text convert --from utf-8 --to vni
is "a UTF-8 byte order mark is not carried over" "$out" "$(printf '\321\366\371c')"; }

run "$TTHC" text convert --from utf8 --to abc <<<"phí"
is "aliases name the same encodings (abc is tcvn3)" "$out" "$(printf 'ph\335')"
printf 'ph\355\n' | { run "$TTHC" text convert --from windows-1258 --to utf-8
is "windows-1258 is cp1258" "$out" "phí"; }

run "$TTHC" text convert --help
status_is "--help exits 0" 0
like "--help shows the usage" "$out" "^Usage: tthc text convert --from ENC\|auto --to ENC"

run "$TTHC" text convert --to utf-8 </dev/null
status_is "missing --from is a usage error" 2
run "$TTHC" text convert --from latin-9000 --to utf-8 </dev/null
status_is "an unknown encoding is a usage error" 2
like "the usage error lists the known encodings" "$err" "known: utf-8, tcvn3, vni"
run "$TTHC" text convert --from utf-8 --to tcvn3 --fallback=question </dev/null
status_is "an unknown fallback is a usage error" 2
run "$TTHC" text convert --from utf-8 --to
status_is "an option without its value is a usage error" 2
run "$TTHC" text convert --from utf-8 --to vni /nonexistent/file
status_is "a missing file exits 1" 1

done_testing
