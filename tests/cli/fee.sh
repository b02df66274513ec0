# tthc fee calc: worked examples, the rule shown above the amount, refusals
# (exit 1) and usage errors (exit 2).
. "$(dirname "$0")/../lib/tap.sh"

last() { printf '%s\n' "$1" | tail -n 1; }

run "$TTHC" fee calc --category salary --base 8000000 --period 2026-08
status_is "salary exits 0" 0
is "1% of an 8.000.000 đ salary base is 80.000 đ" "$(last "$out")" "80000"
like "the rule is shown" "$out" '^Rate: 1% of the salary base'
like "the source is shown" "$out" '^Source: QĐ 01-QĐ/TW of 03/02/2026'
like "the computation is shown" "$out" '^1% × 8\.000\.000 đ = 80\.000 đ$'

run "$TTHC" fee calc --category salary --base 8.000.000 --period 2026-08
is "Vietnamese grouping is accepted" "$(last "$out")" "80000"

run "$TTHC" fee calc --category pension --base 5.000.000 --period 2026-09
is "0.5% of a 5.000.000 đ pension is 25.000 đ" "$(last "$out")" "25000"

run "$TTHC" fee calc --category student --period 2026-08
is "a student pays 5.000 đ" "$(last "$out")" "5000"

run "$TTHC" fee calc --category salary --base 8000000 --period 2026-08 --reduction 50
is "50% reduction of 80.000 đ is 40.000 đ" "$(last "$out")" "40000"
like "the reduction is explained" "$out" 'Reduction of 50%'

run "$TTHC" fee calc --category salary --base 8000000 --period 2026-08 --exempt social-pension
status_is "exempt exits 0" 0
is "exempt is 0" "$(last "$out")" "0"
like "the exemption reason is shown" "$out" 'Exempt: Receives a social pension'

run "$TTHC" fee calc --category no-bhxh --region I --period 2026-08
is "no-bhxh region I 2026: 0.3% × 5.310.000 = 15.930 → 16.000" "$(last "$out")" "16000"
like "the regional wage and its source are shown" "$out" 'Decree 293/2025.*\(to confirm\)'

run "$TTHC" fee calc --category no-bhxh --region IV --period 2026-10 --past-retirement-age
is "past retirement age: 0.2% × 3.700.000 = 7.400 → 7.000" "$(last "$out")" "7000"

run "$TTHC" fee calc --category salary --base 1.250.000 --period 2026-08
is "12.500 rounds half up to 13.000" "$(last "$out")" "13000"
run "$TTHC" fee calc --category salary --base 1.249.900 --period 2026-08
is "12.499 rounds down to 12.000" "$(last "$out")" "12000"
run "$TTHC" fee calc --category salary --base 1.249.900 --period 2026-08 --rounding none
is "rounding none keeps 12.499" "$(last "$out")" "12499"

run "$TTHC" fee calc --category abroad-other --country-group 3 --period 2026-08
is "abroad-other takes the group's amount" "$(last "$out")" "200000"

run "$TTHC" fee calc --category salary --base 8000000 --period 2026-07
status_is "period 2026-07 is refused" 1
like "the refusal says why" "$err" 'period 07/2026 is before 08/2026'
is "nothing on stdout when refused" "$out" ""

run "$TTHC" fee calc --category no-bhxh --region I --period 2027-01
status_is "a year without a wage row is refused" 1
like "the year is named" "$err" 'no regional minimum wage is recorded for 2027'

run "$TTHC" fee calc --category wages --base 8000000 --period 2026-08
status_is "an unknown category is refused" 1
like "the category is named" "$err" "unknown income category 'wages'"

run "$TTHC" fee calc --category salary --base -8000000 --period 2026-08
status_is "a negative base is refused" 1
like "negative base reason" "$err" 'negative'

run "$TTHC" fee calc --category salary --base 99999999999999999999999 --period 2026-08
status_is "a huge base is refused" 1
like "huge base reason" "$err" 'too large'

run "$TTHC" fee calc --category no-bhxh --region V --period 2026-08
status_is "a bad region is refused" 1
like "bad region reason" "$err" "unknown region 'V'"

run "$TTHC" fee calc --category salary --base 8000000 --period 2026-08 --reduction 40
status_is "a reduction other than 30/50/70 is refused" 1

run "$TTHC" fee calc --category salary --base 8000000 --period 2026-08 --exempt rich
status_is "an unknown exemption reason is refused" 1

run "$TTHC" fee calc --category student --base 100 --period 2026-08
status_is "--base where the category has none is a usage error" 2
like "it says which option" "$err" "category 'student' does not take --base"

run "$TTHC" fee calc --category salary --period 2026-08
status_is "a missing --base is a usage error" 2
like "it says --base is needed" "$err" "category 'salary' needs --base"

run "$TTHC" fee calc --category no-bhxh --period 2026-08
status_is "no-bhxh without --region is a usage error" 2

run "$TTHC" fee calc --category salary --base 1 --period 2026-08 --past-retirement-age
status_is "--past-retirement-age outside no-bhxh is a usage error" 2

run "$TTHC" fee calc --category salary --base 8000000
status_is "a missing --period is a usage error" 2

run "$TTHC" fee calc --category salary --base 8000000 --period 2026-08 --bogus
status_is "an unknown option is a usage error" 2

run "$TTHC" fee calc --help
status_is "fee calc --help exits 0" 0
like "help names the options" "$out" '--past-retirement-age'

run "$TTHC" fee
status_is "fee alone is a usage error" 2
run "$TTHC" fee audit
status_is "an unknown fee subcommand is a usage error" 2

run env LANGUAGE=vi "$TTHC" fee calc --category salary --base 8000000 --period 2026-07
like "refusals are translated" "$err" 'trước'

done_testing
