# tthc workdays: dates after N working days, counts, the holiday table.
. "$(dirname "$0")/../lib/tap.sh"

run "$TTHC" workdays add 2026-02-13 1
status_is "add exits 0" 0
is "Friday before Tết 2026 + 1 is the Monday after it" "$out" "2026-02-23"

run "$TTHC" workdays add 2027-02-04 1
is "Tết 2027 is skipped" "$out" "2027-02-12"

run "$TTHC" workdays add 2026-11-27 1
is "a weekend is skipped" "$out" "2026-11-30"

run "$TTHC" workdays add 2026-08-28 60
is "60 working days across National Day" "$out" "2026-11-24"

run "$TTHC" workdays add 2026-02-23 -1
is "a negative N counts back" "$out" "2026-02-13"

run "$TTHC" workdays between 2025-12-31 2026-12-31
is "2026 has 250 working days" "$out" "250"

run "$TTHC" workdays add 2026-02-30 1
status_is "an unreal date exits 1" 1
is "and says why" "$err" "tthc: '2026-02-30' is not a real date"

run "$TTHC" workdays add 26-2-1 1
status_is "a malformed date exits 1" 1
like "and names the form" "$err" "YYYY-MM-DD"

run "$TTHC" workdays add 2026-02-13 three
status_is "a count that is not a number exits 1" 1

run "$TTHC" workdays add 2027-12-20 30
status_is "a year without a holiday table exits 1" 1
is "and names the year" "$err" "tthc: no public-holiday table for the year 2028"

run "$TTHC" workdays add 2026-02-13
status_is "a missing N is a usage error" 2
like "with a hint" "$err" "Try 'tthc workdays --help'"

run "$TTHC" workdays
status_is "no subcommand is a usage error" 2

run "$TTHC" workdays subtract 2026-01-01 1
status_is "an unknown subcommand is a usage error" 2

run "$TTHC" workdays --help
status_is "--help exits 0" 0
like "--help shows the usage" "$out" "Usage: tthc workdays add DATE N"

run "$TTHC" workdays holidays 2026
status_is "holidays exits 0" 0
like "Tết 2026 is listed" "$out" "2026-02-17  off   Lunar New Year  \\["
like "an estimated day is marked" "$out" "2026-09-03  off   National Day \\(to confirm\\)"
unlike "only 2026 is listed" "$out" "^2027"

LANGUAGE=vi run "$TTHC" workdays holidays 2027
like "Vietnamese names the holidays" "$out" "2027-02-05  nghỉ  Tết Nguyên đán \\(cần xác nhận\\)"

done_testing
