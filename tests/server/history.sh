# GET /api/v1/cases/ID/history over real HTTPS: a case's audit entries,
# oldest first, with no payload; 404 for a case the caller cannot see, as
# for one that does not exist.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

D="$T_TMP/d"
srv_init "$D"
org() { srv_org "$D" "$@"; }
org xa1 base-committee province
org cb1 sub-branch xa1
org xa2 base-committee province
org cb3 sub-branch xa2
printf '{"id":"m1","card_number":"C1","name":"Nguyễn Văn An","birth_date":"1970-01-02","sex":"male","org":"cb1","joined":"1995-05-05","category":"salary","base":5000000}' |
	"$TTHCD" fixture --dir "$D" member
printf '{"id":"f1","procedure":"fee","state":"due","version":1,"member":"m1","orgs":[{"relation":"own","org":"cb1"},{"relation":"upper","org":"xa1"}],"fields":{"period":"2026-09"},"created_at":"2026-11-01T00:00:00Z","updated_at":"2026-11-01T00:00:00Z"}' |
	"$TTHCD" fixture --dir "$D" case
user() {  # user NAME ROLE ORG
	printf 'pw-%s-12345\n' "$1" | "$TTHCD" user add --dir "$D" --name "$1" --role "$2" \
		--org "$3" --active >/dev/null
}
user bt1 secretary xa1
user tc1 finance xa1
user bt2 secretary xa2
user dv1 member cb3
srv_start "$D"

PAY='{"amount":50000,"paid_on":"2026-10-01","method":"cash"}'
act() {  # act KIND BASE PAYLOAD [ON_BEHALF_OF]
	local behalf=
	[ -n "${4:-}" ] && behalf=",\"on_behalf_of\":\"$4\""
	printf '{"actions":[{"id":"%s","kind":"%s","case":"f1","base_version":%s,"payload":%s%s,"client_time":"2026-11-25T08:00:00Z"}]}' \
		"$(cat /proc/sys/kernel/random/uuid)" "$1" "$2" "$3" "$behalf"
}
jqb() { printf '%s' "$body" | jq -r "$1"; }

login bt1 pw-bt1-12345
api GET /cases/f1/history
is "a case with no action yet: 200" "$code" 200
is "and no entries" "$(jqb '.case') $(jqb '.entries | length')" "f1 0"

api POST /actions "$(act pay 1 "$PAY" m1)"
is "the secretary pays for the member" "$(jqb '.results[0].status')" applied
login tc1 pw-tc1-12345
api POST /actions "$(act confirm 2 '{}')"
is "finance confirms" "$(jqb '.results[0].status')" applied

api GET /cases/f1/history
is "200" "$code" 200
is "two entries, oldest first" "$(jqb '[.entries[].action] | join(",")')" "pay,confirm"
is "who, for whom, versions and states of the first" \
	"$(jqb '.entries[0] | [.actor, .on_behalf_of, .before_version, .after_version, .from, .to] | map(tostring) | join(" ")')" \
	"bt1 m1 1 2 due paid"
is "the second was nobody's behalf" \
	"$(jqb '.entries[1] | [.actor, (.on_behalf_of // "-"), .before_version, .after_version, .from, .to] | map(tostring) | join(" ")')" \
	"tc1 - 2 3 paid confirmed"
is "the client's time is kept" "$(jqb '.entries[0].client_time')" 2026-11-25T08:00:00Z
like "the server's time is an instant" "$(jqb '.entries[1].at')" '^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]{8}Z$'
is "the entries are the audit log's, in its order" "$(jqb '[.entries[].seq] | map(tostring) | join(" ")')" \
	"$(sqlite3 "$D/tthcd.db" "SELECT group_concat(seq, ' ') FROM (SELECT seq FROM audit WHERE object = 'case:f1' ORDER BY seq)")"
unlike "no payload: the amount is not shown" "$body" '50000'

login bt2 pw-bt2-12345
api GET /cases/f1/history
is "a secretary of another commune: 404" "$code" 404
is "as for a case that does not exist" "$(jqb '.error.code')" not-found
api GET /cases/nosuch/history
is "no such case: 404 not-found" "$code $(jqb '.error.code')" "404 not-found"
login dv1 pw-dv1-12345
api GET /cases/f1/history
is "a member whose case it is not: 404" "$code" 404
TOKEN=
api GET /cases/f1/history
is "without a token: 401" "$code" 401

srv_stop
done_testing
