# Sessions: login, same answer for unknown users, lockout, expiry, logout,
# revocation, password changes.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

sd="$T_TMP/srv"
srv_init "$sd"
"$TTHCD" org add --dir "$sd" --code xa1 --name "Đảng bộ xã Một" --type base-committee \
	--parent province
printf 'clerk-password-1\n' | "$TTHCD" user add --dir "$sd" --name vt1 --role clerk --org xa1
printf 'other-password-1\n' | "$TTHCD" user add --dir "$sd" --name bt1 --role secretary \
	--org xa1 --active
srv_start "$sd" --max-failures 5 --lockout 3600 --token-ttl 2

login admin "$ADMIN_PW"
is "login answers 200" "$code" "200"
like "with a base64url token of 256 bits" "$TOKEN" '^[A-Za-z0-9_-]{43}$'
like "with its expiry" "$body" '"expires_at":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z"'
like "with the roles and their organisations" "$body" '"roles":\[\{"role":"admin","org":"province"\}\]'
like "and whether the password must change" "$body" '"must_change_password":false'
is "the token is stored only as its hash" \
	"$(sqlite3 "$sd/tthcd.db" "SELECT count(*) FROM tokens WHERE hash = '$TOKEN'")" "0"
api GET /orgs
is "the token opens the API" "$code" "200"

login admin wrong-password-1
wrong="$code $body"
login nobody wrong-password-1
unknown="$code $body"
is "a wrong password gets 401 invalid-credentials" "$wrong" \
	'401 {"error":{"code":"invalid-credentials","message":"invalid user name or password"}}'
is "an unknown user gets the very same answer" "$unknown" "$wrong"

login vt1 clerk-password-1
is "a pending account cannot log in" "$code" "403"
like "and is told why" "$body" '"code":"account-pending"'

for i in 1 2 3 4 5; do login bt1 "wrong-$i-password"; done
is "the fifth failure is still invalid-credentials" "$code" "401"
login bt1 other-password-1
is "then even the right password is locked out" "$code" "429"
like "with the code locked-out" "$body" '"code":"locked-out"'
locked="$code $body"
# An unknown name is counted and locked out alike, so that a 429 does not
# tell an attacker that the account exists.
for i in 1 2 3 4; do login ghost "wrong-$i-password"; done
is "an unknown name's fourth failure is invalid-credentials" "$code" "401"
login ghost wrong-5-password
login ghost other-password-1
is "an unknown name is locked out with the very same answer" "$code $body" "$locked"
hdr=$(curl -sS --cacert "$sd/ca.pem" -D - -o /dev/null -H 'Content-Type: application/json' \
	--data-binary '{"username":"bt1","password":"other-password-1"}' "$SRV_URL/api/v1/session")
like "and a Retry-After header within the lockout" "$hdr" '[Rr]etry-[Aa]fter: (3[0-5][0-9][0-9]|[1-9][0-9]{0,2})'
is "the lockout is kept in the database" \
	"$(sqlite3 "$sd/tthcd.db" "SELECT group_concat(name) FROM login_failures
		WHERE locked_until > strftime('%s','now') ORDER BY name")" "bt1,ghost"
"$TTHCD" user unlock --dir "$sd" bt1
login bt1 other-password-1
is "unlock ends the lockout" "$code" "200"

login admin "$ADMIN_PW"
sleep 3
api GET /orgs
is "a token dies at its expiry (--token-ttl)" "$code" "401"
like "with the code unauthenticated" "$body" '"code":"unauthenticated"'
srv_stop

srv_start "$sd"
login admin "$ADMIN_PW"
first=$TOKEN
login admin "$ADMIN_PW"
second=$TOKEN
TOKEN=$first
api DELETE /session
is "logout answers 204" "$code" "204"
api GET /orgs
is "the logged-out token is dead" "$code" "401"
TOKEN=$second
api GET /orgs
is "the account's other token lives on" "$code" "200"

login bt1 other-password-1
bt=$TOKEN
"$TTHCD" user revoke --dir "$sd" bt1
TOKEN=$bt
api GET /orgs
is "revoking an account kills its tokens" "$code" "401"
login bt1 other-password-1
is "a revoked account cannot log in" "$code" "403"
like "and is told why" "$body" '"code":"account-revoked"'

"$TTHCD" user activate --dir "$sd" vt1
printf 'reset-password-1\n' | "$TTHCD" user reset-password --dir "$sd" vt1
login vt1 reset-password-1
is "after a reset the login works" "$code" "200"
like "and says the password must change" "$body" '"must_change_password":true'
api GET /orgs
is "nothing else until it is changed" "$code" "403"
like "with the code password-change-required" "$body" '"code":"password-change-required"'
api POST /password '{"old_password":"nope-nope-1","new_password":"changed-password-1"}'
is "a wrong old password is refused" "$code" "401"
api POST /password '{"old_password":"reset-password-1","new_password":"short"}'
is "a too short new password is refused" "$code" "400"
like "naming the field" "$body" '"path":"new_password"'
api POST /password '{"old_password":"reset-password-1","new_password":"changed-password-1"}'
is "the change answers 204" "$code" "204"
api GET /orgs
is "then the API opens" "$code" "200"
login vt1 changed-password-1
is "and the new password logs in" "$code" "200"

api GET '/orgs?token=secret-in-query'
is "a query string does not change the route" "$code" "200"
srv_stop
is "the server stops cleanly" "$SRV_STATUS" "0"
log=$(cat "$T_TMP/serve.err")
like "one line per request: time, remote, method, path, status, bytes, duration" "$log" \
	'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z 127\.0\.0\.1 POST /api/v1/session 200 [0-9]+ [0-9.]+ms$'
unlike "query strings never reach the log" "$log" 'secret-in-query'
unlike "passwords never reach the log" "$log" 'password-1'
unlike "tokens never reach the log" "$log" "$first"

run "$TTHCD" verify-audit --dir "$sd"
is "every session action left an intact audit log" "$status" "0"
actions=$(sqlite3 "$sd/tthcd.db" "SELECT DISTINCT action FROM audit ORDER BY action")
like "logins are audited" "$actions" 'session.create'
like "failures are audited" "$actions" 'session.fail'
like "lockouts are audited" "$actions" 'session.lockout'
like "logouts are audited" "$actions" 'session.delete'
like "password changes are audited" "$actions" 'account.change-password'
unlike "no secret is in the audit log" "$(sqlite3 "$sd/tthcd.db" "SELECT * FROM audit")" 'password-1'

done_testing
