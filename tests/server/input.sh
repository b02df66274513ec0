# Strict requests: every kind of bad input gets 400/413/415 with the path
# of the problem, and the server keeps serving.  Plus 404/405, gzip, and
# concurrent writers that lose nothing.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

sd="$T_TMP/srv"
srv_init "$sd"
srv_start "$sd" --max-body 65536

bad() {  # bad NAME BODY STATUS CODE [PATH]
	api POST /session "$2"
	is "$1: status $3" "$code" "$3"
	like "$1: code $4" "$body" "\"code\":\"$4\""
	if [ -n "${5:-}" ]; then
		like "$1: path $5" "$body" "\"path\":\"$5\""
	fi
}
bad "malformed JSON" '{"username":"admin",' 400 malformed-json
bad "trailing garbage" '{"username":"admin","password":"x"} x' 400 malformed-json
bad "not an object" '["admin"]' 400 wrong-type
bad "unknown field" '{"username":"a","password":"b","remember":true}' 400 unknown-field remember
bad "wrong type" '{"username":7,"password":"b"}' 400 wrong-type username
bad "missing field" '{"username":"admin"}' 400 missing-field password
bad "duplicate key" '{"username":"a","username":"b","password":"c"}' 400 duplicate-key username
# Requests go through core/model's json_parse: what it finds in the raw
# bytes (bad UTF-8, \u0000, depth) it places as "byte N", before any path
# exists; what it finds in the tree has the path.
bad "NUL escape" '{"username":"ad\u0000min","password":"c"}' 400 control-character "byte 15"
bad "invalid UTF-8" "$(printf '{"username":"Nguy\xe1\xbbn","password":"c"}')" 400 invalid-utf8 "byte 17"
bad "invalid UTF-8 outside a string" "$(printf '{"username":"a"\xff}')" 400 invalid-utf8
bad "a raw control character" "$(printf '{"username":"a\tb","password":"c"}')" 400 malformed-json
bad "non-NFC" "$(printf '{"username":"Nguye\xcc\x82\xcc\x83n","password":"c"}')" 400 not-nfc username
deep=$(printf '%.0s[' $(seq 1 40))
bad "too deep" "{\"username\":$deep" 400 too-deep "byte 43"

TOKEN=
login admin "$ADMIN_PW"
api POST /accounts '{"name":"x1","roles":[{"role":"clerk","org":"province","extra":1}]}'
is "a nested unknown field names its path" "$(json_field path)" "roles[0].extra"
api POST /accounts '{"name":"x1","roles":[{"role":"clerk","org":"province"},{"role":5,"org":"province"}]}'
is "a nested wrong type names its path" "$(json_field path)" "roles[1].role"
api POST /accounts '{"name":"x1","roles":{}}'
is "an object for a list is a wrong type" "$(json_field code)" "wrong-type"
api POST /accounts '{"name":"x1","roles":[],"active":"yes"}'
is "a string for a boolean is a wrong type" "$(json_field path)" "active"
nested=$(printf '{"name":"x1","roles":[{"role":"clerk","org":"province","x":%s1%s}]}' \
	"$(printf '%.0s[' $(seq 1 40))" "$(printf '%.0s]' $(seq 1 40))")
api POST /accounts "$nested"
is "nesting deeper than 32 is refused" "$(json_field code)" "too-deep"

# Expect: 100-continue makes curl wait for the server's answer before it
# sends the body, so the early 413 never races a body still being written
# (without it the server's close can reset curl mid-send now and then).
head -c 70000 /dev/zero | tr '\0' ' ' >"$T_TMP/big"
code=$(curl -sS --cacert "$sd/ca.pem" -o "$T_TMP/body" -w '%{http_code}' -H 'Expect: 100-continue' \
	-H 'Content-Type: application/json' --data-binary @"$T_TMP/big" "$SRV_URL/api/v1/session")
is "an oversized body gets 413" "$code" "413"
like "with the code too-large" "$(cat "$T_TMP/body")" '"code":"too-large"'
head -c 3000000 /dev/zero | tr '\0' ' ' >"$T_TMP/big"
code=$(curl -sS --cacert "$sd/ca.pem" -o "$T_TMP/body" -w '%{http_code}' -H 'Expect: 100-continue' \
	-H 'Content-Type: application/json' --data-binary @"$T_TMP/big" "$SRV_URL/api/v1/session")
is "a body of megabytes is refused before it is read" "$code" "413"

api POST /session '{"username":"admin","password":"x"}' text/plain
is "a body that is not JSON gets 415" "$code" "415"
api PUT /session '{}'
is "a wrong method gets 405" "$code" "405"
api GET /nowhere
is "an unknown path gets 404" "$code" "404"
like "as JSON" "$body" '"code":"not-found"'

login admin "$ADMIN_PW"
is "after all that the server still serves" "$code" "200"

# gzip for answers over 1 KiB when asked, and only then.
for i in $(seq 1 12); do
	"$TTHCD" org add --dir "$sd" --code "xa$i" --name "Đảng bộ xã số $i" \
		--type base-committee --parent province
done
hdr=$(curl -sS --cacert "$sd/ca.pem" -H "Authorization: Bearer $TOKEN" \
	-H 'Accept-Encoding: gzip' -D - -o "$T_TMP/gz" "$SRV_URL/api/v1/orgs")
like "a large answer is gzipped when asked" "$hdr" '[Cc]ontent-[Ee]ncoding: gzip'
like "and decompresses to the JSON" "$(gunzip -c "$T_TMP/gz")" '"code":"xa12"'
hdr=$(curl -sS --cacert "$sd/ca.pem" -H "Authorization: Bearer $TOKEN" -D - -o /dev/null \
	"$SRV_URL/api/v1/orgs")
unlike "and plain when not asked" "$hdr" '[Cc]ontent-[Ee]ncoding'
hdr=$(curl -sS --cacert "$sd/ca.pem" -H "Authorization: Bearer $TOKEN" \
	-H 'Accept-Encoding: gzip' -D - -o /dev/null "$SRV_URL/api/v1/accounts/admin")
unlike "nor for a small answer" "$hdr" '[Cc]ontent-[Ee]ncoding'

# Concurrent writers: every one of 16 parallel creations lands, once.
for i in $(seq 1 16); do
	curl -sS --cacert "$sd/ca.pem" -o /dev/null -w '%{http_code}\n' \
		-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
		--data-binary "{\"name\":\"c$i\",\"password\":\"parallel-pw-$i\",\"roles\":[{\"role\":\"clerk\",\"org\":\"province\"}]}" \
		"$SRV_URL/api/v1/accounts" >>"$T_TMP/codes" &
done
wait_for=$(jobs -p | grep -v "^$SRV_PID\$")
# shellcheck disable=SC2086
wait $wait_for
is "16 concurrent creations all answer 201" "$(sort "$T_TMP/codes" | uniq -c | tr -s ' ')" " 16 201"
is "and all 16 accounts are there" \
	"$(sqlite3 "$sd/tthcd.db" "SELECT count(*) FROM accounts WHERE name LIKE 'c%'")" "16"

srv_stop
is "the server stops cleanly" "$SRV_STATUS" "0"
run "$TTHCD" verify-audit --dir "$sd"
status_is "the audit chain survived concurrent appends" 0

done_testing
