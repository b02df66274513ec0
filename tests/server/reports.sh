# /api/v1/reports over real HTTPS, against hand-made fixtures with known
# totals (fee records, payments and cases written with sqlite3 straight
# into the tables) and against independent SQL over the same tables.
. "$(dirname "$0")/../lib/orgtree.sh"
tree_serve

as admin
for m in m1:cb1 m2:cb1 m3:cb1 m4:cb1 m5:cb2 m6:cb3; do
	api POST /members "{\"id\":\"${m%%:*}\",\"card_number\":\"7${m%%:*}\",\"name\":\"Đảng viên\",
\"birth_date\":\"1980-05-01\",\"sex\":\"female\",\"org\":\"${m#*:}\",\"joined\":\"2005-05-19\",
\"category\":\"student\"}"
done
is "six members" "$(sqlite3 "$db" "SELECT count(*) FROM members")" 6

# fee ID MEMBER MONTH STATE [AMOUNT]: a fee record of the member's branch,
# with a payment when AMOUNT is given.
fee() {
	sqlite3 "$db" "INSERT INTO cases (code, procedure, state, member_id, org_id, version, body,
	  created_at, updated_at, period)
	  SELECT '$1', 'fee', '$4', id, org_id, 1, '{}', 0, 0, '$3' FROM members WHERE code = '$2';
	  INSERT INTO case_orgs (case_id, relation, org_id)
	  SELECT id, 'own', org_id FROM cases WHERE code = '$1';"
	[ -z "${5:-}" ] || sqlite3 "$db" "INSERT INTO payments (code, member_id, org_id, period, amount,
	  body, version, updated_at) SELECT 'p-$1', member_id, org_id, '$3', $5, '{}', 1, 0
	  FROM cases WHERE code = '$1'"
}
fee f1 m1 2026-10 confirmed 40000
fee f2 m1 2026-11 paid 40000
fee f3 m1 2026-12 due
fee f4 m2 2026-10 remitted 60000
fee f5 m2 2026-11 settled 60000
fee f6 m3 2026-08 due
fee f7 m3 2026-09 due
fee f8 m3 2026-10 due
fee f9 m4 2026-09 confirmed 20000
fee f10 m5 2026-10 confirmed 30000
fee f11 m6 2026-10 confirmed 50000

as tc
api GET '/reports/fees?org=xa1&period=2026-Q4'
is "the fee report answers 200" "$code" 200
is "for the span" "$(jget '$.org') $(jget '$.period') $(jget '$.from') $(jget '$.to')" \
	"xa1 2026-Q4 2026-10 2026-12"
is "every organisation of the subtree, parents first" \
	"$(jget '$.orgs[0].org') $(jget '$.orgs[1].org') $(jget '$.orgs[2].org') $(jget '$.orgs[3].org')" \
	"xa1 cb1 cb2 "
is "cb1: members, records per state" "$(jget '$.orgs[1].members') \
$(jget '$.orgs[1].fees.due.count') $(jget '$.orgs[1].fees.paid.count') \
$(jget '$.orgs[1].fees.confirmed.count') $(jget '$.orgs[1].fees.remitted.count') \
$(jget '$.orgs[1].fees.settled.count')" "4 2 1 1 1 1"
is "cb1: amounts per state" "$(jget '$.orgs[1].fees.due.amount') \
$(jget '$.orgs[1].fees.paid.amount') $(jget '$.orgs[1].fees.confirmed.amount') \
$(jget '$.orgs[1].fees.remitted.amount') $(jget '$.orgs[1].fees.settled.amount')" \
	"0 40000 40000 60000 60000"
is "cb1: m3 has three months unpaid this year" "$(jget '$.orgs[1].in_arrears')" 1
is "cb2" "$(jget '$.orgs[2].members') $(jget '$.orgs[2].fees.confirmed.amount') $(jget '$.orgs[2].in_arrears')" \
	"1 30000 0"
is "the totals" "$(jget '$.total.members') $(jget '$.total.fees.due.count') \
$(jget '$.total.fees.confirmed.count') $(jget '$.total.fees.confirmed.amount') $(jget '$.total.in_arrears')" \
	"5 2 2 70000 1"
unlike "nothing of xa2's branch" "$body" '"org":"cb3"'
# What the branches confirmed, remitted or had accepted (190,000 đ), shared
# up the tree (retention shares of fee/tables.c): cb1 keeps 30% of 160,000,
# xa1 (a commune's) 90% of the 112,000 left, the province 50% of 11,200;
# cb2 likewise on 30,000.
is "collected" "$(jget '$.retention.collected')" 190000
is "what each level keeps" "$(sqlite3 :memory: "SELECT group_concat(json_extract(value, '\$.org') || '=' ||
	json_extract(value, '\$.amount'), ' ') FROM json_each(json_extract(readfile('$T_TMP/body'), '\$.retention.kept'))")" \
	"cb1=48000 xa1=119700 province=6650 cb2=9000"
is "and what goes above the province" "$(jget '$.retention.above') $(jget '$.retention.unsplit')" "6650 0"

# The same figures by independent SQL over the tables.
sub="WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE code = 'xa1' UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id)"
for st in due paid confirmed remitted settled; do
	want=$(sqlite3 "$db" "$sub SELECT count(*) || ' ' || coalesce(sum(p.amount), 0) FROM cases c LEFT JOIN payments p ON p.member_id = c.member_id AND p.period = c.period WHERE c.procedure = 'fee' AND c.state = '$st' AND c.period BETWEEN '2026-10' AND '2026-12' AND c.org_id IN (SELECT id FROM sub)")
	is "total $st agrees with SQL" "$(jget "\$.total.fees.$st.count") $(jget "\$.total.fees.$st.amount")" "$want"
done

api GET '/reports/fees?org=xa1&period=2026-09'
is "one month" "$(jget '$.total.fees.due.count') $(jget '$.total.fees.confirmed.amount')" "1 20000"
is "by September m3 has only two months unpaid" "$(jget '$.total.in_arrears')" 0
api GET '/reports/fees?org=xa1&period=2026-H2'
is "a half-year" "$(jget '$.total.fees.due.count') $(jget '$.total.fees.confirmed.amount')" "4 90000"
api GET '/reports/fees?org=xa1&period=2026'
is "a year" "$(jget '$.total.fees.due.count') $(jget '$.total.in_arrears')" "4 1"
api GET '/reports/fees?org=cb1&period=2026-Q3'
is "a quarter of one branch" "$(jget '$.orgs[0].org') $(jlen '$.orgs') $(jget '$.total.fees.due.count') $(jget '$.total.fees.confirmed.amount')" \
	"cb1 1 2 20000"

for bad in 'org=xa1&period=2026-Q5|period|out-of-range' 'org=xa1&period=Q4|period|invalid' \
	'org=xa1|period|missing-field' 'period=2026|org|missing-field' \
	'org=nowhere&period=2026|org|not-found' 'org=xa1&period=2026&x=1|x|unknown-field'; do
	IFS='|' read -r query path ecode <<<"$bad"
	api GET "/reports/fees?$query"
	is "?$query is refused" "$(jget '$.error.code') $(jget '$.error.path')" "$ecode $path"
done

# Cases: counts per procedure and state, and deadlines past or near.
now=$(date -u +%s)
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
case_row() {  # case_row ID PROCEDURE STATE MEMBER DUE [SECOND-ORG]
	local dl=''
	[ -z "$5" ] || dl=",\"deadlines\":[{\"name\":\"notice\",\"due\":\"$5\"}]"
	sqlite3 "$db" "INSERT INTO cases (code, procedure, state, member_id, org_id, version, body,
	  created_at, updated_at) SELECT '$1', '$2', '$3', id, org_id, 1,
	  '{\"id\":\"$1\"$dl}', 0, 0 FROM members WHERE code = '$4';
	  INSERT INTO case_orgs (case_id, relation, org_id)
	  SELECT id, 'sending', org_id FROM cases WHERE code = '$1';"
	[ -z "${6:-}" ] || sqlite3 "$db" "INSERT INTO case_orgs (case_id, relation, org_id)
	  SELECT c.id, 'receiving', o.id FROM cases c, orgs o WHERE c.code = '$1' AND o.code = '$6'"
}
case_row c1 official-transfer filed m1 "$(iso $((now - 3600)))" cb3
case_row c2 official-transfer filed m2 "$(iso $((now + 7200)))"
case_row c3 official-transfer filed m3 "$(iso $((now + 10 * 86400)))"
case_row c4 official-transfer closed m4 "$(iso $((now - 86400)))"
case_row c5 residence-comment requested m5 ""
case_row c6 official-transfer filed m6 "$(iso $((now - 7200)))"

as bt
api GET '/reports/cases?org=xa1'
is "the case report answers 200" "$code" 200
is "official transfers by state" "$(jget '$.counts.official-transfer.filed') $(jget '$.counts.official-transfer.closed') $(jget '$.counts.official-transfer.draft')" \
	"3 1 0"
is "fee records by state, over every month" "$(jget '$.counts.fee.due') $(jget '$.counts.fee.confirmed')" "4 3"
want=$(sqlite3 "$db" "$sub SELECT count(DISTINCT c.id) FROM cases c JOIN case_orgs co ON co.case_id = c.id WHERE co.org_id IN (SELECT id FROM sub)")
is "the counts add up to the cases the subtree sees" \
	"$(sqlite3 :memory: "SELECT sum(s.value) FROM json_each(json_extract(readfile('$T_TMP/body'), '\$.counts')) p, json_each(p.value) s")" "$want"
is "one past and one near deadline; closed cases and far ones are left out" \
	"$(jget '$.deadlines.past') $(jget '$.deadlines.near') $(jlen '$.deadlines.cases')" "1 1 2"
is "the earliest first" "$(jget '$.deadlines.cases[0].case') $(jget '$.deadlines.cases[0].past') $(jget '$.deadlines.cases[1].case') $(jget '$.deadlines.cases[1].past')" \
	"c1 1 c2 0"
api GET '/reports/cases?org=xa2'
is "another commune's report is forbidden" "$code|$(jget '$.counts.official-transfer.filed')" "403|"
as admin
api GET '/reports/cases?org=xa2'
is "the receiving side sees the case too" "$(jget '$.counts.official-transfer.filed') $(jget '$.deadlines.past')" "2 2"

# Roles: fee report and case report in scope (xa1, cb1) and out of it (xa2).
while read -r who f_in f_out c_in c_out; do
	as "$who"
	api GET '/reports/fees?org=cb1&period=2026'; got=$code
	api GET '/reports/fees?org=xa2&period=2026'; got="$got $code"
	api GET '/reports/cases?org=cb1'; got="$got $code"
	api GET '/reports/cases?org=xa2'; got="$got $code"
	is "roles: $who" "$got" "$f_in $f_out $c_in $c_out"
done <<EOF2
qt  200 403 200 403
tc  200 403 403 403
bt  200 403 200 403
pbt 200 403 200 403
uv  200 403 200 403
vt  403 403 200 403
pc  403 403 403 403
dv  403 403 403 403
EOF2
done_testing
