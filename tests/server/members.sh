# /api/v1/members over real HTTPS: create, read, list with paging and
# accent-insensitive search, replace, patch, move, stale versions, strict
# input with paths, and the role table (docs/API.md "Roles and scope").
. "$(dirname "$0")/../lib/orgtree.sh"
tree_serve

member() {  # member ID CARD NAME ORG [EXTRA-FIELDS]
	printf '{"id":"%s","card_number":"%s","name":"%s","birth_date":"1980-05-01",' "$1" "$2" "$3"
	printf '"sex":"male","org":"%s","joined":"2005-05-19","category":"pension",' "$4"
	printf '"base":5000000%s}' "${5:-}"
}

as admin
api POST /members "$(member m1 790001 "Nguyễn Văn An" cb1)"
is "create answers 201" "$code" 201
is "at version 1" "$(jget '$.version')" 1
is "with the member as stored" "$(jget '$.member.name')" "Nguyễn Văn An"
is "and its defaults filled in" "$(jget '$.member.under_inspection')" 0
api POST /members "$(member m2 790002 "Nguyên Thị Ân" cb1)"
api POST /members "$(member m3 790003 "Trần Văn Bình" cb2)"
api POST /members "$(member m4 790004 "Lê Thị Cúc" cb3)"
is "members in every branch" "$code" 201

api POST /members "$(member m1 790009 "Ai Đó" cb1)"
is "a taken id is a conflict" "$code" 409
like "on the id" "$body" '"path":"id"'
api POST /members "$(member m9 790001 "Ai Đó" cb1)"
is "a taken card number is a conflict" "$code" 409
like "on the card number" "$body" '"path":"card_number"'
api POST /members "$(member m9 790009 "Ai Đó" nowhere)"
is "an unknown organisation is not found" "$code" 404
like "on the org field" "$body" '"path":"org"'

# Strict input: every refusal names its path.
while IFS='|' read -r what json want path; do
	api POST /members "$json"
	is "$what: status" "$code" "$want"
	like "$what: path" "$body" "\"path\":\"$path\""
done <<EOF2
an unknown field|$(member m9 790009 "Ai Đó" cb1 ',"nickname":"x"')|400|nickname
a wrong type|$(member m9 790009 "Ai Đó" cb1 ',"under_inspection":"yes"')|400|under_inspection
a bad date|{"id":"m9","card_number":"1","name":"A","birth_date":"1980-02-30","sex":"male","org":"cb1","joined":"2005-05-19","category":"student"}|400|birth_date
an unknown category|{"id":"m9","card_number":"1","name":"A","birth_date":"1980-02-01","sex":"male","org":"cb1","joined":"2005-05-19","category":"rich"}|400|category
a missing name|{"id":"m9","card_number":"1","birth_date":"1980-02-01","sex":"male","org":"cb1","joined":"2005-05-19","category":"student"}|400|name
a name not in NFC|$(member m9 790009 "Nguye$(printf '\xcc\x83\xcc\x82')n" cb1)|400|name
a duplicate key|{"id":"m9","id":"m8"}|400|id
EOF2

api GET /members/m1
is "get answers 200" "$code" 200
is "with the version" "$(jget '$.version')" 1
api GET /members/ghost
is "an unknown member is not found" "$code" 404

# Search folds marks and case: "nguyen van an" finds "Nguyễn Văn An" only.
api GET '/members?q=nguyen%20van%20an'
is "folded search finds the marked name" "$(jget '$.members[0].member.id')|$(jget '$.members[1].member.id')" "m1|"
api GET '/members?q=NGUYEN'
is "and ignores case" "$(jget '$.members[0].member.id') $(jget '$.members[1].member.id')" "m1 m2"
api GET '/members?q=%C4%91%C3%B4ng'
is "a search that matches nobody is empty" "$(jget '$.members[0]')" ""
api GET '/members?q=790003'
is "card numbers are searched too" "$(jget '$.members[0].member.id')" m3
api GET '/members?q=%FF'
is "a search that is not UTF-8 is refused" "$code|$(jget '$.error.code')" "400|invalid-utf8"
api GET '/members?q=100%25'
is "LIKE's own characters match themselves" "$code|$(jget '$.members[0]')" "200|"

# Paging by id: limit and the next cursor.
api GET '/members?limit=2'
is "a page of two" "$(jget '$.members[0].member.id') $(jget '$.members[1].member.id')" "m1 m2"
is "and where the next one starts" "$(jget '$.next')" m2
api GET '/members?limit=2&after=m2'
is "the next page" "$(jget '$.members[0].member.id') $(jget '$.members[1].member.id')" "m3 m4"
api GET '/members?limit=2&after=m4'
is "the end has no next" "$(jget '$.members[0]')|$(jget '$.next')" "|"
api GET '/members?org=xa1'
is "org= keeps one subtree" "$(jlen '$.members')" 3
for bad in 'limit=0|limit|out-of-range' 'limit=1001|limit|out-of-range' 'limit=x|limit|invalid' \
	'limit=2&limit=3|limit|duplicate-key' 'sort=name|sort|unknown-field' 'org=nowhere|org|not-found'; do
	IFS='|' read -r query path ecode <<<"$bad"
	api GET "/members?$query"
	like "?$query is refused with its path" "$body" "\"code\":\"$ecode\".*\"path\":\"$path\""
done

# Replace, patch, move; a stale version is a conflict with the current row.
api PUT /members/m1 "{\"base_version\":1,\"member\":$(member m1 790001 "Nguyễn Văn An" cb1 ',"under_inspection":true')}"
is "put answers 200" "$code" 200
is "with version 2" "$(jget '$.version')|$(jget '$.member.under_inspection')" "2|1"
api PUT /members/m1 "{\"base_version\":1,\"member\":$(member m1 790001 "Nguyễn Văn Ân" cb1)}"
is "a put on a stale version is a conflict" "$code" 409
like "on base_version" "$body" '"path":"base_version"'
is "with the current member" "$(jget '$.current.version')|$(jget '$.current.member.name')" "2|Nguyễn Văn An"
api PUT /members/m1 "{\"base_version\":2,\"member\":$(member m2 790001 "Nguyễn Văn An" cb1)}"
is "the id cannot change" "$code|$(jget '$.error.path')" "400|member.id"
api PUT /members/m1 "{\"base_version\":2,\"member\":$(member m1 790001 "Nguyễn Văn An" cb1 ',"x":1')}"
is "put is strict inside the member" "$code|$(jget '$.error.path')" "400|member.x"
api PUT /members/m1 '{"base_version":2}'
is "put needs the member" "$code|$(jget '$.error.path')" "400|member"
api PATCH /members/m1 '{"base_version":2,"member":{"name":"Nguyễn Văn Anh","under_inspection":null}}'
is "patch changes some fields" "$code|$(jget '$.version')|$(jget '$.member.name')" "200|3|Nguyễn Văn Anh"
is "and null clears one" "$(jget '$.member.under_inspection')" 0
is "the rest stays" "$(jget '$.member.card_number')" 790001
api PATCH /members/m1 '{"base_version":3,"member":{"region":9}}'
is "a patched value is checked" "$code|$(jget '$.error.path')" "400|member.region"
api PATCH /members/m1 '{"base_version":2,"member":{"name":"X"}}'
is "a stale patch is a conflict" "$code|$(jget '$.current.version')" "409|3"
api POST /members/m1/move '{"base_version":3,"org":"cb2"}'
is "move answers 200" "$code|$(jget '$.member.org')|$(jget '$.version')" "200|cb2|4"
api POST /members/m1/move '{"base_version":4,"org":"nowhere"}'
is "a move to nowhere" "$code|$(jget '$.error.path')" "404|member.org"
api POST /members/m1/promote '{}'
is "an unknown verb is not found" "$code" 404

# Every write left an audit entry and a change row with the organisations.
is "audit entries of m1" "$(sqlite3 "$db" "SELECT group_concat(action || ':' || coalesce(before_version, '') || '>' || after_version, ' ') FROM audit WHERE object = 'member:m1'")" \
	"member.add:>1 member.update:1>2 member.update:2>3 member.move:3>4"
is "the move's change row has org before and after" \
	"$(sqlite3 "$db" "SELECT c.version || ' ' || b.code || '>' || a.code FROM changes c JOIN orgs b ON b.id = c.org_before JOIN orgs a ON a.id = c.org_after WHERE c.kind = 'member' AND c.code = 'm1'")" "4 cb1>cb2"
run "$TTHCD" verify-audit --dir "$sd"
status_is "the audit chain verifies" 0

# Roles: who may read and write members in scope (cb1) and out of it (cb3).
# Columns: account, list org=cb1, list org=cb3, get m2 (cb1), get m4 (cb3),
# create in cb1, create in cb3, patch m2.
while read -r who l_in l_out g_in g_out c_in c_out p_in; do
	as "$who"
	api GET '/members?org=cb1'; got=$code
	api GET '/members?org=cb3'; got="$got $code"
	api GET /members/m2; got="$got $code"
	api GET /members/m4; got="$got $code"
	api POST /members "$(member "n-$who" "8$RANDOM$RANDOM" "Người Mới" cb1)"; got="$got $code"
	api POST /members "$(member "o-$who" "9$RANDOM$RANDOM" "Người Mới" cb3)"; got="$got $code"
	api GET /members/m2; v=$(jget '$.version')
	api PATCH /members/m2 "{\"base_version\":${v:-1},\"member\":{\"region\":1}}"; got="$got $code"
	is "roles: $who" "$got" "$l_in $l_out $g_in $g_out $c_in $c_out $p_in"
done <<EOF2
qt  200 403 200 404 201 403 200
bt  200 403 200 404 201 403 200
pbt 200 403 200 404 201 403 200
vt  200 403 200 404 201 403 200
uv  200 403 200 404 403 403 403
tc  200 403 200 404 403 403 403
pc  403 403 404 404 403 403 404
dv  403 403 404 404 403 403 404
EOF2
as tc
api GET /members
is "a plain list holds exactly the caller's subtree" "$(jlen '$.members')" \
	"$(sqlite3 "$db" "SELECT count(*) FROM members m JOIN orgs o ON o.id = m.org_id JOIN orgs p ON p.id = o.parent_id WHERE p.code = 'xa1'")"
unlike "and not cb3's member" "$body" '"id":"m4"'

# A member's account reads his own record, and only that (rbac.h
# MEMBER_READ_SELF); linking is `tthcd user link` or "member" at creation.
run "$TTHCD" user link --dir "$sd" dv --member m2
status_is "user link ties an account to its member" 0
run "$TTHCD" user list --dir "$sd" dv
is "user list names the member" "$out" $'dv\tactive\tmember@xa1\tmember m2'
as admin
api GET /accounts/dv
is "the account shows its member" "$(jget '$.account.member')" m2
as dv
api GET /members/m2
is "the member reads his own record" "$code|$(jget '$.member.id')" "200|m2"
api GET /members/m1
is "but not another member of his branch" "$code" 404
api PATCH /members/m2 "{\"base_version\":$(sqlite3 "$db" "SELECT version FROM members WHERE code = 'm2'"),\"member\":{\"region\":2}}"
is "nor writes his own" "$code" 403
run "$TTHCD" user link --dir "$sd" dv --member nobody
status_is "an unknown member is refused" 1
like "and named" "$err" "member: 'nobody' does not exist"
run "$TTHCD" user link --dir "$sd" dv
status_is "link needs --member" 2
run "$TTHCD" user grant --dir "$sd" dv --role member --org cb1 --member m1
status_is "--member goes with add and link only" 2
as qt
api POST /accounts '{"name":"dv3","password":"password-dv3","roles":[{"role":"member","org":"cb1"}],"active":true,"member":"m4"}'
is "an admin cannot tie an account to a member out of his scope" "$code" 403
as admin
api POST /accounts '{"name":"dv4","password":"password-dv4","roles":[{"role":"member","org":"cb3"}],"active":true,"member":"m4"}'
is "POST /accounts takes a member" "$code|$(jget '$.account.member')" "201|m4"
api POST /accounts '{"name":"dv5","roles":[{"role":"member","org":"cb3"}],"member":"ghost"}'
is "and refuses an unknown one with its path" "$code|$(jget '$.error.path')" "404|member"
run "$TTHCD" user add --dir "$sd" --name dv6 --role member --org cb1 --active --member m1 \
	<<<password-dv6
status_is "user add --member links at creation" 0
login dv6 password-dv6
api GET /members/m1
is "and the new account reads its member" "$code" 200
done_testing
