# tthcd seed: a deterministic synthetic province, its shape, its names and
# card numbers, valid case states, the audit chain, and demo accounts that
# log in over HTTPS and see only their subtree.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

N=300
DAY=2026-11-20
q() { sqlite3 "$1/tthcd.db" "$2"; }
# The demo accounts table of seed's output: "NAME ROLE ORG (ORG NAME)".
table() { awk '/^demo accounts/ {p = 1; next} /^demo password/ {p = 0} p'; }

# Everything but what must differ between two directories (tthcd(8)):
# salted hashes, the audit log, and the creation times of orgs and accounts.
dump() {
	sqlite3 "$1/tthcd.db" \
		'SELECT code, name, type, parent_id, commune FROM orgs ORDER BY id' \
		'SELECT name, status, member_id FROM accounts ORDER BY id' \
		'SELECT * FROM account_roles ORDER BY account_id, role' \
		'SELECT * FROM members ORDER BY id' 'SELECT * FROM cases ORDER BY id' \
		'SELECT * FROM case_orgs ORDER BY case_id, relation' \
		'SELECT * FROM fee_periods ORDER BY id' 'SELECT * FROM payments ORDER BY id' \
		'SELECT * FROM bank_accounts ORDER BY id' \
		'SELECT * FROM changes ORDER BY seq' \
		'SELECT * FROM change_orgs ORDER BY seq, side, org_id'
}

for d in a b c; do srv_init "$T_TMP/$d"; done
run "$TTHCD" seed --dir "$T_TMP/a" --members $N --seed 42 --today $DAY
status_is "seed exits 0" 0
summary=$out
like "it prints a summary" "$out" "^seeded $N members in "
like "and the demo password" "$out" '^demo password for every account: tthc-demo-2026$'
is "no progress lines when stderr is not a terminal" "$err" ""
"$TTHCD" seed --dir "$T_TMP/b" --members $N --seed 42 --today $DAY >/dev/null
"$TTHCD" seed --dir "$T_TMP/c" --members $N --seed 43 --today $DAY >/dev/null
dump "$T_TMP/a" >"$T_TMP/a.dump"
dump "$T_TMP/b" >"$T_TMP/b.dump"
dump "$T_TMP/c" >"$T_TMP/c.dump"
ok_same=$(cmp -s "$T_TMP/a.dump" "$T_TMP/b.dump" && echo same || echo differ)
is "the same seed gives the same data" "$ok_same" same
is "the dump is not empty" "$([ "$(wc -l <"$T_TMP/a.dump")" -gt $N ] && echo yes)" yes
ok_diff=$(cmp -s "$T_TMP/a.dump" "$T_TMP/c.dump" && echo same || echo differ)
is "another seed gives other data" "$ok_diff" differ

a=$T_TMP/a
is "every member is written" "$(q "$a" 'SELECT count(*) FROM members')" $N
for t in province base-committee sub-committee base-branch sub-branch; do
	like "there are organisations of type $t" \
		"$(q "$a" "SELECT count(*) FROM orgs WHERE type = '$t'")" '^[1-9][0-9]*$'
done
is "base committees of communes and of agencies" \
	"$(q "$a" "SELECT group_concat(DISTINCT commune) FROM (SELECT commune FROM orgs
		WHERE type = 'base-committee' ORDER BY commune)")" "0,1"
is "only base committees carry the commune flag" \
	"$(q "$a" "SELECT count(*) FROM orgs WHERE commune IS NOT NULL
		AND type <> 'base-committee'")" 0
like "communes and wards have Vietnamese names" \
	"$(q "$a" "SELECT name FROM orgs WHERE commune = 1")" '^Đảng bộ (xã|phường) [[:upper:]]'
like "village branches too" "$(q "$a" "SELECT name FROM orgs WHERE type = 'sub-branch'")" \
	'^Chi bộ (thôn|khu phố|tổ dân phố) '
# Branch weights of 30..60: the largest at most twice the smallest (+1 for
# the rounding), and every branch has members.
is "members are shared among branches of similar size" \
	"$(q "$a" "SELECT max(n) <= 2 * min(n) + 1 AND count(*) = (SELECT count(*) FROM orgs
		WHERE type IN ('sub-branch', 'base-branch'))
		FROM (SELECT count(*) AS n FROM members GROUP BY org_id)")" 1
is "members belong to branches only" \
	"$(q "$a" "SELECT count(*) FROM members m JOIN orgs o ON o.id = m.org_id
		WHERE o.type NOT IN ('sub-branch', 'base-branch')")" 0
for c in salary pension no-bhxh; do
	like "some members are in category $c" \
		"$(q "$a" "SELECT count(*) FROM members WHERE category = '$c'")" '^[1-9][0-9]*$'
done
is "the salaried are the largest category" \
	"$(q "$a" 'SELECT category FROM members GROUP BY category ORDER BY count(*) DESC LIMIT 1')" \
	salary
like "some members are exempt" \
	"$(q "$a" "SELECT count(*) FROM members WHERE body LIKE '%\"exemption\"%'")" '^[1-9][0-9]*$'
like "members of 50 years are exempt for it" \
	"$(q "$a" "SELECT count(*) FROM members WHERE body LIKE '%membership-50-years%'")" \
	'^[1-9][0-9]*$'

names=$(q "$a" 'SELECT name FROM members')
is "every member name is NFC" "$(printf '%s\n' "$names" | "$TTHC" text normalize)" "$names"
families=$(sed -n '/families\[\] = {/,/^};/p' core/demo/names.c | grep -o '"[^"]*"' | tr -d '"')
strangers=$(printf '%s\n' "$names" | awk '{print $1}' | sort -u | grep -vxF "$families")
is "every family name is from the Vietnamese table" "$strangers" ""
is "names have a family, middle and given name" \
	"$(printf '%s\n' "$names" | awk 'NF < 3 || NF > 4' | wc -l)" 0
is "both sexes" "$(q "$a" "SELECT count(DISTINCT json_extract(body, '\$.sex')) FROM members")" 2
is "card numbers are unique" "$(q "$a" 'SELECT count(DISTINCT card_number) FROM members')" $N
is "card numbers look like NN.NNNNNN" \
	"$(q "$a" 'SELECT card_number FROM members' | grep -cvE '^[0-9]{2}\.[0-9]{6}$')" 0

like "fee periods run from 2026-08" "$(q "$a" 'SELECT min(period) || " " || max(period)
	FROM fee_periods')" '^2026-08 2026-11$'
like "most members have paid" "$(q "$a" "SELECT count(DISTINCT member_id) * 100 / $N
	FROM payments")" '^(8|9)[0-9]$'
like "some owe a past month" "$(q "$a" "SELECT count(*) FROM cases WHERE procedure = 'fee'
	AND state = 'due' AND period < '2026-11'")" '^[1-9][0-9]*$'
is "payments in cash and online" "$(q "$a" "SELECT group_concat(m) FROM (SELECT DISTINCT
	json_extract(body, '\$.method') AS m FROM payments ORDER BY m)")" "cash,online"

is "the province, base committees and chi bộ cơ sở have a bank account" \
	"$(q "$a" "SELECT count(*) FROM orgs o WHERE type IN ('province', 'base-committee',
		'base-branch') AND NOT EXISTS (SELECT 1 FROM bank_accounts b WHERE b.org_id = o.id)")" 0
is "and no other organisation" "$(q "$a" "SELECT count(*) FROM bank_accounts b JOIN orgs o
	ON o.id = b.org_id WHERE o.type IN ('sub-committee', 'sub-branch')")" 0

# Every case's state is one of its procedure's, as `tthc rules show` lists them.
for p in fee residence-comment official-transfer temporary-transfer; do
	states=$("$TTHC" rules show "$p" | sed -n '/^States:/,/^$/p' | awk 'NF {print $1}' |
		grep -v '^States:' | sort)
	used=$(q "$a" "SELECT DISTINCT state FROM cases WHERE procedure = '$p' ORDER BY state")
	is "$p cases have valid states" "$(printf '%s\n' "$used" | grep -vxF "$states")" ""
	[ "$p" = fee ] && continue
	is "$p cases are in every state" "$(printf '%s\n' "$used" | sort)" "$states"
done
is "transfers relate a sending and a receiving organisation" \
	"$(q "$a" "SELECT count(*) FROM cases c WHERE procedure LIKE '%-transfer' AND
		(SELECT count(*) FROM case_orgs WHERE case_id = c.id
		 AND relation IN ('sending', 'receiving')) <> 2")" 0
is "residence comments relate workplace, commune and residence branch" \
	"$(q "$a" "SELECT count(*) FROM cases c WHERE procedure = 'residence-comment' AND
		(SELECT count(*) FROM case_orgs WHERE case_id = c.id) <> 3")" 0
like "some dossiers wait for a notice" \
	"$(q "$a" 'SELECT count(*) FROM cases WHERE received_at > 0')" '^[1-9][0-9]*$'

run "$TTHCD" verify-audit --dir "$a"
like "the audit chain is intact after seeding" "$out" '^audit ok: [0-9]+ entries$'
is "seeding is one audit entry of its own" "$(q "$a" "SELECT count(*) FROM audit
	WHERE action = 'seed'")" 1

run "$TTHCD" seed --dir "$a" --members 10
status_is "a seeded directory is refused" 1
like "with the reason" "$err" 'already has organisations or members'
is "and left as it was" "$(q "$a" 'SELECT count(*) FROM members')" $N
run "$TTHCD" seed --dir "$a" --members 0
status_is "--members 0 is a usage error" 2
run "$TTHCD" seed --members 10
status_is "--dir is required" 2
run "$TTHCD" seed --dir "$a" --members 10 --today 2026-02-30
status_is "a bad --today is a usage error" 2

srv_init "$T_TMP/p"
run "$TTHCD" seed --dir "$T_TMP/p" --members 20 --password-stdin <<<'my-own-demo-pw'
status_is "--password-stdin seeds" 0
like "and prints that password" "$out" '^demo password for every account: my-own-demo-pw$'
like "a tiny province still has every role" \
	"$(printf '%s\n' "$out" | table | awk '{print $2}' |
		sort -u | tr '\n' ' ')" \
	'^admin assigned-staff clerk committee-member deputy-secretary finance member secretary $'

srv_start "$a"
accounts=$(printf '%s\n' "$summary" | table)
commune_admin=$(printf '%s\n' "$accounts" | awk '$2 == "admin" && $3 ~ /^(xa|phuong)-/ {print $1; exit}')
commune=${commune_admin%.quantri}
login "$commune_admin" tthc-demo-2026
is "a commune admin logs in with the demo password" "$code" 200
api GET /orgs
codes=$(printf '%s' "$body" | grep -o '"code":"[^"]*"' | sed 's/"code":"\(.*\)"/\1/')
is "and sees only the commune's subtree" \
	"$(printf '%s\n' "$codes" | grep -cv "^$commune\\(\\.\\|\$\\)")" 0
is "all of it" "$(printf '%s\n' "$codes" | wc -l)" \
	"$(q "$a" "SELECT count(*) FROM orgs WHERE code = '$commune' OR code LIKE '$commune.%'")"
branch_sec=$(printf '%s\n' "$accounts" | awk '$2 == "secretary" && $3 ~ /\.cb[0-9]+$/ {print $1; exit}')
login "$branch_sec" tthc-demo-2026
api GET /orgs
is "a branch secretary sees his branch only" \
	"$(printf '%s' "$body" | grep -o '"code":"[^"]*"')" "\"code\":\"${branch_sec%.bithu}\""
login tinh.quantri tthc-demo-2026
api GET /orgs
is "the province admin sees every organisation" \
	"$(printf '%s' "$body" | grep -o '"code":"' | wc -l)" "$(q "$a" 'SELECT count(*) FROM orgs')"
login tinh.quantri wrong-password
is "a wrong password is still refused" "$code" 401

# The đảng viên demo accounts are members of their branch, acting as
# themselves (DESIGN.md section 8, "Accounts").
is "every member-role demo account belongs to a member of its branch" \
	"$(q "$a" "SELECT count(*) || ' ' || count(m.id) FROM accounts a
		JOIN account_roles r ON r.account_id = a.id AND r.role = 'member'
		LEFT JOIN members m ON m.id = a.member_id AND m.org_id = r.org_id")" "2 2"
dv=$(printf '%s\n' "$accounts" | awk '$2 == "member" {print $1; exit}')
own=$(q "$a" "SELECT m.code FROM accounts a JOIN members m ON m.id = a.member_id
	WHERE a.name = '$dv'")
login "$dv" tthc-demo-2026
api GET "/members/$own"
is "and reads his own record" "$code" 200
srv_stop

done_testing
