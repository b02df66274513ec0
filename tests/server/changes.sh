# GET /api/v1/changes over real HTTPS: paging, versions, tombstones on a
# delete and on a move out of scope, rows entering scope, 410 after prune and
# after a role grant, gzip on the wire, RBAC, bad parameters.  Rows are
# written with `tthcd fixture` (test builds only) through server/rows.h.
# JSON is read with sqlite3's JSON functions, so the tests need nothing
# beyond the project's dependencies.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

sd="$T_TMP/srv"
srv_init "$sd"
org() { srv_org "$sd" "$1" "$3" "$4" "$2"; }
org xa1 "Đảng bộ xã Thạch Hà" base-committee province
org cb1 "Chi bộ thôn 1" sub-branch xa1
org cb2 "Chi bộ thôn 2" sub-branch xa1
org xa2 "Đảng bộ xã Cẩm Xuyên" base-committee province
org cb3 "Chi bộ thôn 3" sub-branch xa2
printf 'secretary-pw-1\n' | "$TTHCD" user add --dir "$sd" --name bt1 --role secretary \
	--org cb1 --active >/dev/null
printf 'secretary-pw-3\n' | "$TTHCD" user add --dir "$sd" --name bt3 --role secretary \
	--org cb3 --active >/dev/null

row() { "$TTHCD" fixture --dir "$sd" "$@"; }
member() {  # member ID NAME ORG [--at T]
	local at=()
	[ $# -ge 4 ] && at=(--at "$4")
	row "${at[@]}" put member "{\"id\":\"$1\",\"card_number\":\"$1\",\"name\":\"$2\",\
\"birth_date\":\"1980-05-17\",\"sex\":\"female\",\"org\":\"$3\",\"joined\":\"2005-03-02\",\
\"category\":\"student\"}"
}
member m1 "Nguyễn Thị An" cb1
member m2 "Trần Văn Bình" cb1
member m3 "Lê Thị Cúc" cb1
member m4 "Phạm Văn Dũng" cb2
member m5 "Hoàng Thị Em" cb3
row put case '{"id":"c1","procedure":"official-transfer","state":"filed","version":1,
"member":"m1","orgs":[{"relation":"sending","org":"cb1"},{"relation":"receiving","org":"cb3"}],
"fields":{"reason":"Chuyển công tác"},"created_at":"2026-11-20T01:00:00Z",
"updated_at":"2026-11-20T01:00:00Z"}'
is "rows are written" "$?" "0"

srv_start "$sd"

# jget EXPR: EXPR over j, the last answer's body.
jget() {
	sqlite3 -batch :memory: "SELECT $1 FROM (SELECT CAST(readfile('$T_TMP/body') AS TEXT) AS j)"
}
# The last page as "id:version:w" (whole) or "id:version:t" (tombstone).
page_summary() {
	sqlite3 -batch :memory: "SELECT group_concat(json_extract(value, '\$.id') || ':' ||
		json_extract(value, '\$.version') || ':' ||
		iif(json_extract(value, '\$.tombstone'), 't', 'w'), ' ')
		FROM json_each(CAST(readfile('$T_TMP/body') AS TEXT), '\$.changes')"
}
# pull SINCE LIMIT: every page; sets got (all summaries), next, pages.
pull() {
	local since=$1 s
	got= pages=0
	while :; do
		api GET "/changes?since=$since&limit=$2"
		if [ "$code" != 200 ]; then
			got="HTTP $code"
			return
		fi
		pages=$((pages + 1))
		s=$(page_summary)
		got="$got${got:+${s:+ }}$s"
		since=$(jget "json_extract(j, '\$.next')")
		[ "$(jget "json_extract(j, '\$.more')")" = 1 ] || break
	done
	next=$since
}

login admin "$ADMIN_PW"
api GET "/changes?limit=2"
is "a first page answers 200" "$code" "200"
is "with two changes" "$(jget "json_array_length(j, '\$.changes')")" "2"
is "and more to come" "$(jget "json_extract(j, '\$.more')")" "1"
like "a full sync's cursor is opaque text" "$(jget "json_extract(j, '\$.next')")" '^f[0-9]+\.[0-9]+$'
is "a whole row carries the entity" "$(jget "json_extract(j, '\$.changes[0].row.name')")" \
	"Nguyễn Thị An"
is "and its organisation" "$(jget "json_extract(j, '\$.changes[0].org_after')")" "cb1"
is "and its kind" "$(jget "json_extract(j, '\$.changes[0].kind')")" "member"
pull "" 2
is "the province admin sees every row, oldest first, in pages of 2" "$got" \
	"m1:1:w m2:1:w m3:1:w m4:1:w m5:1:w c1:1:w"
is "three pages" "$pages" "3"
like "the last cursor is incremental" "$next" '^i[0-9]+$'
admin_next=$next
pull "$admin_next" 2
is "nothing after it" "$got" ""
api GET "/changes"
is "an absent limit means 500 at most" "$(jget "json_array_length(j, '\$.changes')")" "6"

login bt1 secretary-pw-1
pull "" 500
is "a branch secretary sees her branch's members and its cases" "$got" \
	"m1:1:w m2:1:w m3:1:w c1:1:w"
bt1_next=$next
login bt3 secretary-pw-3
pull "" 500
is "the receiving branch sees the case too" "$got" "m5:1:w c1:1:w"
bt3_next=$next

# Versions, a delete, a move out and a move in.
member m1 "Nguyễn Thị An" cb1
row delete member m2
member m3 "Lê Thị Cúc" cb2
member m4 "Phạm Văn Dũng" cb1
login bt1 secretary-pw-1
pull "$bt1_next" 500
is "an update, a delete, a move out and a move in, as the branch sees them" "$got" \
	"m1:2:w m2:2:t m3:2:t m4:2:w"
api GET "/changes?since=$bt1_next"
is "the member who moved out comes without a row" \
	"$(jget "json_type(j, '\$.changes[2].row')")" ""
is "the member who moved in comes whole" "$(jget "json_extract(j, '\$.changes[3].row.org')")" \
	"cb1"
bt1_next=$next
login bt3 secretary-pw-3
pull "$bt3_next" 500
is "another commune sees none of it" "$got" ""
login admin "$ADMIN_PW"
pull "$admin_next" 500
is "the province sees the moves as updates" "$got" "m1:2:w m2:2:t m3:2:w m4:2:w"
admin_next=$next
pull "" 500
is "a new full sync has current versions and no tombstone" "$got" \
	"m5:1:w c1:1:w m1:2:w m3:2:w m4:2:w"

# gzip on the wire.
api GET "/changes?limit=5000"
plain=$(curl -sS --cacert "$sd/ca.pem" -H "Authorization: Bearer $TOKEN" -o /dev/null \
	-w '%{size_download}' "$SRV_URL/api/v1/changes")
packed=$(curl -sS --cacert "$sd/ca.pem" -H "Authorization: Bearer $TOKEN" --compressed \
	-D "$T_TMP/hdr" -o "$T_TMP/unpacked" -w '%{size_download}' "$SRV_URL/api/v1/changes")
like "the feed is gzipped when asked" "$(cat "$T_TMP/hdr")" '[Cc]ontent-[Ee]ncoding: gzip'
is "and fewer bytes cross the wire ($packed of $plain)" "$((packed < plain))" "1"
is "and it unpacks to the same answer" "$(cat "$T_TMP/unpacked")" "$body"

# A role grant forces a full resync for that account only.
api POST /accounts/bt1/grant '{"role":"secretary","org":"cb2"}'
is "a role is granted" "$code" "200"
login bt1 secretary-pw-1
api GET "/changes?since=$bt1_next"
is "her old cursor is gone" "$code" "410"
is "with resync-required" "$(json_field code)" "resync-required"
pull "" 500
is "a full resync shows the new branch too" "$got" "c1:1:w m1:2:w m3:2:w m4:2:w"
login admin "$ADMIN_PW"
pull "$admin_next" 500
is "the admin's cursor still works" "$got" ""

# Prune: changes made 40 days ago, kept 30: older cursors expire.  The
# horizon is the newest change before the cutoff (on a server, seq order is
# time order): m6's tombstone, which takes m2's, older, with it.
member m6 "Vũ Thị Giang" cb1 "$(($(date +%s) - 40 * 86400))"
row --at "$(($(date +%s) - 40 * 86400))" delete member m6
run "$TTHCD" prune --dir "$sd" --keep-days 30
status_is "prune exits 0" 0
like "and says what it did" "$out" 'tombstones deleted: 2'
api GET "/changes?since=$admin_next"
is "a cursor from before the horizon gets 410" "$code" "410"
is "with cursor-expired" "$(json_field code)" "cursor-expired"
pull "" 500
is "a full sync still works" "$got" "m5:1:w c1:1:w m1:2:w m3:2:w m4:2:w"
member m7 "Đỗ Văn Hùng" cb3
pull "$next" 500
is "and its cursor is after the horizon" "$got" "m7:1:w"
run "$TTHCD" prune --dir "$sd" --keep-days many
status_is "a bad --keep-days is a usage error" 2

# Bad parameters.
for bad in x i f1 i-1 i01 "i1%20"; do
	api GET "/changes?since=$bad"
	is "since=$bad: 400" "$code" "400"
	is "since=$bad: path since" "$(json_field path)" "since"
done
for bad in 0 5001 x -1 ""; do
	api GET "/changes?limit=$bad"
	is "limit=$bad: 400 at path limit" "$code $(json_field path)" "400 limit"
done
api GET "/changes?limit=5000"
is "limit=5000 is allowed" "$code" "200"
api GET "/changes?sinse=i1"
is "an unknown parameter: 400" "$code" "400"
is "naming it" "$(json_field path)" "sinse"
api GET "/changes?since=i99999999"
is "a cursor ahead of the server: 410" "$code $(json_field code)" "410 resync-required"
TOKEN=
api GET "/changes"
is "no token: 401" "$code" "401"

srv_stop
is "the server stops cleanly" "$SRV_STATUS" "0"

done_testing
