# tthc text detect: the encoding of a file, or "ambiguous" and candidates.
. "$(dirname "$0")/../lib/tap.sh"

cat >"$T_TMP/vi.txt" <<'TEXT'
Hồ sơ chuyển sinh hoạt đảng chính thức gồm giấy giới thiệu và phiếu đảng viên.
Chi bộ xem xét, đề nghị cấp ủy cấp trên quyết định kết nạp đảng viên mới.
Trần Thị Bích Ngọc, Lê Hoàng Long, Phạm Thị Hương, Vũ Minh Tuấn, Bùi Quốc Khánh
TEXT

for enc in tcvn3 vni viscii cp1258; do
	"$TTHC" text convert --from utf-8 --to "$enc" "$T_TMP/vi.txt" >"$T_TMP/vi.$enc"
	run "$TTHC" text detect "$T_TMP/vi.$enc"
	status_is "detect on a $enc file exits 0" 0
	like "a $enc file is detected with a confidence" "$out" "^$enc (0\.[5-9][0-9]|1\.00)\$"
done

run "$TTHC" text detect "$T_TMP/vi.txt"
like "UTF-8 text is utf-8" "$out" "^utf-8 (0\.9[0-9]|1\.00)\$"

run "$TTHC" text detect <<<"Nguyen Van An, Tran Thi Binh"
is "plain ASCII is utf-8, nothing exotic" "$out" "utf-8 1.00"

printf 't\265i\n' | { run "$TTHC" text detect
is "two plausible readings are reported as ambiguous" "$out" "ambiguous tcvn3,viscii"
status_is "ambiguous is still an answer" 0; }

run "$TTHC" text detect --help
status_is "--help exits 0" 0
like "--help shows the usage" "$out" "^Usage: tthc text detect"
run "$TTHC" text detect --bogus
status_is "an unknown option is a usage error" 2
run "$TTHC" text detect /nonexistent/file
status_is "a missing file exits 1" 1
run "$TTHC" text detect a b
status_is "two files are a usage error" 2

done_testing
