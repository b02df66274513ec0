# POST /api/v1/actions against a real tthcd over HTTPS: applied, duplicate,
# key reuse, conflict, every reason at once, RBAC by role x action x scope,
# batch limits and malformed input, and a kill -9 in the middle of a batch.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

D="$T_TMP/d"
srv_init "$D"
org() { srv_org "$D" "$@"; }
org xa1 base-committee province
org cb1 sub-branch xa1
org cb2 sub-branch xa1
org xa2 base-committee province
org cb3 sub-branch xa2

member() {  # member ID CARD ORG
	printf '{"id":"%s","card_number":"%s","name":"Nguyễn Văn An","birth_date":"1970-01-02","sex":"male","org":"%s","joined":"1995-05-05","category":"salary","base":5000000}' \
		"$1" "$2" "$3" | "$TTHCD" fixture --dir "$D" member
}
member m1 C1 cb1
member m2 C2 cb3

# A case at version 1 through server/rows.h: case ID PROCEDURE STATE MEMBER ORGS FIELDS
mkcase() {
	printf '{"id":"%s","procedure":"%s","state":"%s","version":1,"member":"%s","orgs":%s,"fields":%s,"created_at":"2026-11-01T00:00:00Z","updated_at":"2026-11-01T00:00:00Z"}' \
		"$1" "$2" "$3" "$4" "$5" "$6" | "$TTHCD" fixture --dir "$D" case
}
fee_case() {  # fee_case ID STATE [MEMBER OWN UPPER]
	mkcase "$1" fee "$2" "${3:-m1}" \
		"[{\"relation\":\"own\",\"org\":\"${4:-cb1}\"},{\"relation\":\"upper\",\"org\":\"${5:-xa1}\"}]" \
		'{"period":"2026-09"}'
}
res_case() {  # res_case ID STATE: m1's residence comments, commune xa1
	mkcase "$1" residence-comment "$2" m1 \
		'[{"relation":"workplace","org":"cb1"},{"relation":"commune","org":"xa1"},{"relation":"residence","org":"cb2"}]' '{}'
}

user() {  # user NAME ROLE ORG
	printf 'pw-%s-12345\n' "$1" | "$TTHCD" user add --dir "$D" --name "$1" --role "$2" \
		--org "$3" --active >/dev/null
}
user bt1 secretary xa1
user tc1 finance xa1
user vt1 clerk xa1
user qt1 admin xa1
user pc1 assigned-staff xa1
user uv1 committee-member xa1
user dv1 member cb1
user bt2 secretary xa2
user tc2 finance xa2
"$TTHCD" fixture --dir "$D" link dv1 m1

srv_start "$D"

declare -A tokens
as() {  # as NAME: log in once, then reuse the token
	if [ -z "${tokens[$1]}" ]; then
		login "$1" "pw-$1-12345"
		tokens[$1]=$TOKEN
	fi
	TOKEN=${tokens[$1]}
}
uuid() { cat /proc/sys/kernel/random/uuid; }
# act ID KIND CASE BASE PAYLOAD [ON_BEHALF_OF]: one action's JSON
act() {
	local behalf=
	[ -n "$6" ] && behalf=",\"on_behalf_of\":\"$6\""
	printf '{"id":"%s","kind":"%s","case":"%s","base_version":%s,"payload":%s%s,"client_time":"2026-11-25T08:00:00Z"}' \
		"$1" "$2" "$3" "$4" "$5" "$behalf"
}
push() {  # push NAME ACTION_JSON...: one batch
	local IFS=,
	as "$1"
	shift
	api POST /actions "{\"actions\":[$*]}"
}
jqb() { printf '%s' "$body" | jq -r "$1"; }
db() { sqlite3 "$D/tthcd.db" "$1"; }
PAY='{"amount":50000,"paid_on":"2026-10-01","method":"cash"}'

# --- applied, then the same batch again --------------------------------------
fee_case f1 due
res_case r1 requested
k1=$(uuid) k2=$(uuid)
a1=$(act "$k1" pay f1 1 "$PAY")
a2=$(act "$k2" forward r1 1 '{}')
push dv1 "$a1"
is "a member pays his own month: 200" "$code" 200
is "applied" "$(jqb '.results[0].status')" applied
is "with the case's new version" "$(jqb '.results[0].version')" 2
is "and the case as it now stands" "$(jqb '.results[0].case.state') $(jqb '.results[0].case.version')" "paid 2"
is "the row has version 2 and the new state" "$(db "SELECT state, version FROM cases WHERE code = 'f1'")" "paid|2"
is "pay recorded the payment" "$(db "SELECT member_id IS NOT NULL, period, amount FROM payments WHERE code = 'f1'")" "1|2026-09|50000"
is "the audit log names actor, action, case and versions" \
	"$(db "SELECT actor, coalesce(on_behalf_of, '-'), action, object, before_version, after_version FROM audit ORDER BY seq DESC LIMIT 1")" \
	"dv1|-|case.pay|case:f1|1|2"
like "and the action's id, states and client time, not the payload" \
	"$(db "SELECT details FROM audit ORDER BY seq DESC LIMIT 1")" \
	"^\\{\"id\":\"$k1\",\"procedure\":\"fee\",\"from\":\"due\",\"to\":\"paid\",\"client_time\":\"2026-11-25T08:00:00Z\"\\}$"

push vt1 "$a2"
is "a clerk of the commune forwards: applied" "$(jqb '.results[0].status') $(jqb '.results[0].version')" "applied 2"

audit_n=$(db "SELECT count(*) FROM audit WHERE action LIKE 'case.%'")
changes_n=$(db "SELECT max(seq) FROM changes")
push dv1 "$a1"
is "the same action again: duplicate" "$(jqb '.results[0].status')" duplicate
is "with the stored first version" "$(jqb '.results[0].version')" 2
push vt1 "$a2" "$a2"
is "a whole batch replayed, twice within it: every result duplicate" \
	"$(jqb '[.results[].status] | join(",")') $(jqb '[.results[].version] | join(",")')" \
	"duplicate,duplicate 2,2"
is "no second effect on the cases" "$(db "SELECT group_concat(version) FROM cases WHERE code IN ('f1', 'r1')")" "2,2"
is "no second audit entry" "$(db "SELECT count(*) FROM audit WHERE action LIKE 'case.%'")" "$audit_n"
is "no second change" "$(db "SELECT max(seq) FROM changes")" "$changes_n"

k3=$(uuid)
push tc1 "$(act "$k3" confirm f1 2 '{}')" "$(act "$k3" confirm f1 2 '{}')"
is "a key applied earlier in the same batch is a duplicate" \
	"$(jqb '[.results[].status] | join(",")')" "applied,duplicate"

# --- key reuse -------------------------------------------------------------------
push dv1 "$(act "$k1" pay f1 1 '{"amount":60000,"paid_on":"2026-10-01","method":"cash"}')"
is "the same id with other content is rejected" "$(jqb '.results[0].status')" rejected
is "as key-reused, on the id" "$(jqb '.results[0].error.code') $(jqb '.results[0].error.path')" "key-reused id"
push bt1 "$a1"
is "the same action from another account is key-reused too" "$(jqb '.results[0].error.code')" key-reused
is "the key keeps its first result" "$(db "SELECT count(*), max(account_id) = (SELECT id FROM accounts WHERE name = 'dv1') FROM idempotency WHERE key = '$k1'")" "1|1"

# --- conflict --------------------------------------------------------------------
push tc1 "$(act "$(uuid)" return-amount f1 1 '{"reason":"sai số tiền"}')"
is "a base version behind the case's: conflict" "$(jqb '.results[0].status')" conflict
is "with the current version" "$(jqb '.results[0].version')" 3
is "and the current case" "$(jqb '.results[0].case.state') $(jqb '.results[0].case.id')" "confirmed f1"
is "nothing changed" "$(db "SELECT state, version FROM cases WHERE code = 'f1'")" "confirmed|3"

k4=$(uuid)
push tc1 "$(act "$k4" remit f1 2 '{"remitted_on":"2026-11-20"}')"
is "a conflict is not kept under its key" "$(jqb '.results[0].status') $(db "SELECT count(*) FROM idempotency WHERE key = '$k4'")" "conflict 0"
push tc1 "$(act "$k4" remit f1 3 '{"remitted_on":"2026-11-20"}')"
is "so the same id re-decided on the new version applies" "$(jqb '.results[0].status') $(jqb '.results[0].version')" "applied 4"

fee_case f3 due
push bt1 "$(act "$(uuid)" pay f3 1 "$PAY" m1)" "$(act "$(uuid)" confirm f3 2 '{}')"
is "two actions on one case in one batch: the second sees the first" \
	"$(jqb '[.results[] | .status + ":" + (.version | tostring)] | join(" ")')" "applied:2 applied:3"
fee_case f4 due
sqlite3 "$D/tthcd.db" "UPDATE cases SET body = replace(body, '\"state\":\"due\"', '\"state\":\"nowhere\"'), state = 'nowhere' WHERE code = 'f4'"
push bt1 "$(act "$(uuid)" pay f4 1 "$PAY" m1)" "$(act "$(uuid)" remit f3 3 '{"remitted_on":"2026-11-20"}')"
is "a case in a state this build does not know is rejected alone" \
	"$(jqb '.results[0].status') $(jqb '.results[0].error.path') $(jqb '.results[1].status')" \
	"rejected case applied"

# --- every reason at once ----------------------------------------------------------
res_case r2 requested
push tc1 "$(act "$(uuid)" return-incomplete r2 1 '{"extra":1}')"
is "a notice without fixes by the wrong role: rejected" "$(jqb '.results[0].status')" rejected
is "with every reason: not authorised, fixes missing, unknown field" \
	"$(jqb '[.results[0].error.reasons[] | .code + "@" + (.path // "")] | sort | join(" ")')" \
	"missing-field@payload.fixes not-authorised@ unknown-field@payload.extra"
like "messages are for people" "$(jqb '.results[0].error.reasons[0].message')" '[a-z]{3}'
is "the error is the first reason" "$(jqb '.results[0].error.code == .results[0].error.reasons[0].code')" true

push vt1 "$(act "$(uuid)" return-incomplete r2 1 '{"fixes":["Thiếu bản tự kiểm điểm","Sai ngày quyết định"]}')"
is "the commune's clerk returns it listing the fixes" "$(jqb '.results[0].status') $(jqb '.results[0].case.state')" "applied incomplete"
is "the fixes are kept in the dossier" "$(jqb '.results[0].case.fields.fixes | length')" 2
push vt1 "$(act "$(uuid)" resubmit r2 2 '{"note":"đã bổ sung"}')"
is "resubmitted: the dossier is received again" "$(jqb '.results[0].case.state')" requested
is "the 8-working-hour notice clock runs" "$(jqb '[.results[0].case.deadlines[] | select(.name == "notice")] | length')" 1
is "from the receipt, kept on the row" "$(db "SELECT received_at > 0 FROM cases WHERE code = 'r2'")" 1

push qt1 "$(act "$(uuid)" pay nosuch 1 "$PAY" m1)"
is "an unknown case: rejected not-found on case" \
	"$(jqb '.results[0].error.code') $(jqb '.results[0].error.path')" "not-found case"

fee_case f2 due
push bt1 "$(act "$(uuid)" pay f2 1 "$PAY" m2)"
is "on behalf of a member outside one's scope, not the case's: both reasons" \
	"$(jqb '[.results[0].error.reasons[].code] | join(" ")')" \
	"on-behalf-out-of-scope on-behalf-wrong-member"
push bt1 "$(act "$(uuid)" pay f2 1 "$PAY" m9)"
is "on behalf of no member: not-found on on_behalf_of" \
	"$(jqb '.results[0].error.code') $(jqb '.results[0].error.path')" "not-found on_behalf_of"

# --- RBAC: role x action x in/out of scope -------------------------------------------
# user   action   case-kind  behalf  expected (status, or rejected:first code)
matrix='
bt1 pay fee-due m1 applied
tc1 pay fee-due m1 applied
pc1 pay fee-due m1 applied
vt1 pay fee-due m1 rejected:not-authorised
qt1 pay fee-due m1 rejected:not-authorised
uv1 pay fee-due m1 rejected:not-authorised
bt2 pay fee-due m1 rejected:not-found
dv1 pay fee-due - applied
bt1 pay fee-due - rejected:member-only
bt1 confirm fee-paid - applied
tc1 confirm fee-paid - applied
vt1 confirm fee-paid - rejected:not-authorised
qt1 confirm fee-paid - rejected:not-authorised
pc1 confirm fee-paid - rejected:not-authorised
dv1 confirm fee-paid - rejected:not-authorised
tc2 confirm fee-paid - rejected:not-found
bt1 forward res - applied
vt1 forward res - applied
uv1 forward res - applied
tc1 forward res - rejected:not-authorised
qt1 forward res - rejected:not-authorised
dv1 forward res - rejected:not-authorised
bt2 forward res - rejected:not-found
'
n=0
while read -r who kind what behalf want; do
	[ -n "$who" ] || continue
	n=$((n + 1))
	case $what in
	fee-due) fee_case "rb$n" due; payload=$PAY ;;
	fee-paid) fee_case "rb$n" paid; payload='{}' ;;
	res) res_case "rb$n" requested; payload='{}' ;;
	esac
	[ "$behalf" = - ] && behalf=
	push "$who" "$(act "$(uuid)" "$kind" "rb$n" 1 "$payload" "$behalf")"
	got=$(jqb '.results[0].status')
	[ "$got" = rejected ] && got="rejected:$(jqb '.results[0].error.code')"
	is "rbac: $who $kind on $what${behalf:+ for $behalf}" "$got" "$want"
done <<<"$matrix"

# --- limits and malformed input ---------------------------------------------------
as bt1
{
	printf '{"actions":['
	for i in $(seq 1 1001); do
		[ "$i" -gt 1 ] && printf ,
		act "$(uuid)" pay f1 1 '{}'
	done
	printf ']}'
} >"$T_TMP/big.json"
api POST /actions "@$T_TMP/big.json"
is "1,001 actions: 400" "$code" 400
is "out-of-range on actions" "$(jqb '.error.code') $(jqb '.error.path')" "out-of-range actions"
api POST /actions '{"actions":[]}'
is "an empty batch: 400" "$code $(jqb '.error.path')" "400 actions"
api POST /actions '{"actions":[{"id":'
is "malformed JSON: 400 malformed-json" "$code $(jqb '.error.code')" "400 malformed-json"
a=$(act "$(uuid)" pay f1 1 '{}')
api POST /actions "{\"actions\":[$a,${a%\}},\"extra\":true}]}"
is "an unknown field: 400 with its path" "$code $(jqb '.error.code') $(jqb '.error.path')" \
	"400 unknown-field actions[1].extra"
api POST /actions "{\"actions\":[${a/\"base_version\":1/\"base_version\":\"1\"}]}"
is "a wrong type: 400 with its path" "$code $(jqb '.error.code') $(jqb '.error.path')" \
	"400 wrong-type actions[0].base_version"
api POST /actions "{\"actions\":[${a/\"id\":\"/\"id\":\"x}]}"
is "an id that is not a UUID: 400 invalid on it" "$code $(jqb '.error.code') $(jqb '.error.path')" \
	"400 invalid actions[0].id"
TOKEN=
api POST /actions "{\"actions\":[$a]}"
is "no token: 401" "$code" 401

# --- an official transfer's receiving organisation ---------------------------------
# `file` names the receiving organisation (receiving_org, its id): it becomes
# the case's "receiving" relation, so that the receiving side sees the case.
mkcase o1 official-transfer draft m1 '[{"relation":"sending","org":"cb1"}]' '{}'
sync_o1() {  # sync_o1 NAME: NAME's full sync; o1's entries in it
	as "$1"
	api GET '/changes?limit=1000'
	o1=$(jqb '[.changes[] | select(.id == "o1")] | length')
}
sync_o1 bt2
is "before filing, the receiving side does not see the case" "$o1" 0
today=$(date -u +%F)
file_payload() {  # file_payload ORG-ID
	printf '{"reason":"job-move","decision_no":"12/QĐ","decision_date":"%s","receiving_org":%s,"self_review":"Tốt"}' \
		"$today" "$1"
}
push dv1 "$(act "$(uuid)" file o1 1 "$(file_payload 999999)")"
is "an unknown receiving organisation is rejected" \
	"$(jqb '.results[0].status') $(jqb '.results[0].error.reasons[0].code') $(jqb '.results[0].error.reasons[0].path')" \
	"rejected not-found payload.receiving_org"
push dv1 "$(act "$(uuid)" file o1 1 "$(file_payload "$(db "SELECT id FROM orgs WHERE code = 'cb3'")")")"
is "the member files his transfer to cb3" "$(jqb '.results[0].status') $(jqb '.results[0].case.state')" \
	"applied filed"
is "the case's orgs gain the receiving side" \
	"$(jqb '[.results[0].case.orgs[] | .relation + ":" + .org] | join(",")')" "sending:cb1,receiving:cb3"
is "and so does case_orgs" "$(db "SELECT group_concat(x, ',') FROM (SELECT r.relation || ':' ||
	o.code AS x FROM case_orgs r JOIN orgs o ON o.id = r.org_id JOIN cases c ON c.id = r.case_id
	WHERE c.code = 'o1' ORDER BY r.relation)")" "receiving:cb3,sending:cb1"
sync_o1 bt2
is "the receiving side's changes feed now holds the case" "$o1" 1
is "whole, in its new state" "$(jqb '.changes[] | select(.id == "o1") | .row.state')" filed

# --- kill -9 in the middle of a batch ------------------------------------------------
srv_stop
batch=() keys=()
for i in 1 2 3 4 5; do
	fee_case "k$i" due
	keys+=("'$(uuid)'")
	batch+=("$(act "${keys[-1]//\'/}" pay "k$i" 1 "$PAY")")
done
audit_n=$(db "SELECT count(*) FROM audit WHERE action LIKE 'case.%'")
audit_seq=$(db "SELECT max(seq) FROM audit")
TTHCD_FAULT_KILL_AFTER=3 srv_start "$D"
tokens=()
push dv1 "${batch[@]}" 2>/dev/null
{ wait "$SRV_PID"; } 2>/dev/null
is "the server died in the batch (SIGKILL after its 3rd action)" "$?" 137
SRV_PID=
is "none of the batch was applied" \
	"$(db "SELECT group_concat(version) FROM cases WHERE code LIKE 'k_'")" "1,1,1,1,1"
is "no key was kept" "$(IFS=,; db "SELECT count(*) FROM idempotency WHERE key IN (${keys[*]})")" 0
is "no audit entry was kept" "$(db "SELECT count(*) FROM audit WHERE action LIKE 'case.%'")" "$audit_n"
run "$TTHCD" verify-audit --dir "$D"
status_is "the audit log verifies after the kill" 0

LANGUAGE=vi srv_start "$D"
tokens=()
push dv1 "${batch[@]}"
is "replayed after restart: every action applied" "$(jqb '[.results[].status] | unique | join(",")')" applied
push dv1 "${batch[@]}"
is "and once only" "$(jqb '[.results[].status] | unique | join(",")')" duplicate
is "each case moved exactly once" \
	"$(db "SELECT group_concat(version) FROM cases WHERE code LIKE 'k_'")" "2,2,2,2,2"
is "five audit entries" \
	"$(db "SELECT count(*) FROM audit WHERE action = 'case.pay' AND seq > $audit_seq")" 5
push dv1 "$(act "$(uuid)" pay nosuch 1 "$PAY")"
is "reasons are in Vietnamese by default" "$(jqb '.results[0].error.message')" "không có hồ sơ này"
run "$TTHCD" verify-audit --dir "$D"
status_is "the audit log still verifies" 0

srv_stop
is "the server stops cleanly" "$SRV_STATUS" 0
done_testing
