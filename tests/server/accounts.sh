# Account administration over HTTP and the command line, and the rule that an
# admin of an organisation manages only accounts inside its subtree.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

sd="$T_TMP/srv"
srv_init "$sd"
org() { srv_org "$sd" "$1" "$3" "$4" "$2"; }
org xa1 "Đảng bộ xã Một" base-committee province
org xa2 "Đảng bộ xã Hai" base-committee province
org cb1 "Chi bộ thôn Đông" sub-branch xa1
printf 'branch-admin-1\n' | "$TTHCD" user add --dir "$sd" --name qt1 --role admin --org xa1 --active
printf 'branch-admin-2\n' | "$TTHCD" user add --dir "$sd" --name qt2 --role admin --org xa2 --active

run "$TTHCD" org add --dir "$sd" --code cb9 --name "Chi bộ" --type no-such-type --parent xa1
status_is "an unknown organisation type is refused" 1
run "$TTHCD" org add --dir "$sd" --code cb1 --name "Chi bộ" --type sub-branch --parent xa1
status_is "a taken organisation code is refused" 1
run "$TTHCD" user add --dir "$sd" --name x1 --role pope --org xa1 </dev/null
status_is "user add without a password on stdin fails" 1
printf 'some-password-1\n' | run "$TTHCD" user add --dir "$sd" --name x1 --role pope --org xa1
status_is "an unknown role is refused" 1
run "$TTHCD" user add --dir "$sd" --name x1 --role clerk
status_is "--role without --org is a usage error" 2

srv_start "$sd"
login qt1 branch-admin-1
api GET /orgs
is "an admin sees its subtree" "$(printf '%s' "$body" | grep -o '"code":"[a-z0-9]*"' | tr '\n' ' ')" \
	'"code":"xa1" "code":"cb1" '

api POST /accounts '{"name":"bt1","roles":[{"role":"secretary","org":"cb1"}]}'
is "an admin creates an account in its subtree" "$code" "201"
like "pending until activated" "$body" '"status":"pending"'
like "with a generated password shown once" "$body" '"password":"[A-Za-z0-9_-]{20}"'
pw=$(json_field password)
api POST /accounts '{"name":"bt2","roles":[{"role":"secretary","org":"xa2"}]}'
is "but not outside it" "$code" "403"
like "with the code forbidden" "$body" '"code":"forbidden"'
api POST /accounts '{"name":"bt1","roles":[{"role":"clerk","org":"cb1"}]}'
is "a taken name is a conflict" "$code" "409"
api POST /accounts '{"name":"bt3","roles":[{"role":"pope","org":"cb1"}]}'
is "an unknown role is refused" "$code" "400"
like "with its path" "$body" '"path":"roles\[0\].role"'
api POST /accounts '{"name":"bt3","roles":[{"role":"clerk","org":"nowhere"}]}'
is "an unknown organisation is not found" "$code" "404"
like "with its path" "$body" '"path":"roles\[0\].org.nowhere"'

api POST /accounts/bt1/activate
is "activate answers 200" "$code" "200"
like "and the account is active" "$body" '"status":"active"'
api POST /accounts/bt1/activate
is "activating twice is a conflict" "$code" "409"
api POST /accounts/bt1/grant '{"role":"finance","org":"cb1"}'
is "grant adds a role in the subtree" "$code" "200"
like "which the account now lists" "$body" '"role":"finance","org":"cb1"'
api POST /accounts/bt1/grant '{"role":"finance","org":"xa2"}'
is "grant outside the subtree is forbidden" "$code" "403"
api POST /accounts/bt1/lock
is "lock answers 200" "$code" "200"
like "and the account is locked" "$body" '"status":"locked"'
admin_token=$TOKEN
login bt1 "$pw"
is "a locked account cannot log in" "$code" "403"
like "and is told why" "$body" '"code":"account-locked"'
TOKEN=$admin_token
api POST /accounts/bt1/unlock
is "unlock answers 200" "$code" "200"
api POST /accounts/bt1/reset-password '{"password":"given-password-1"}'
is "reset-password answers 200" "$code" "200"
like "and the password must change" "$body" '"must_change_password":true'
login bt1 given-password-1
is "the reset password logs in" "$code" "200"
TOKEN=$admin_token
api POST /accounts/bt1/frobnicate
is "an unknown verb is not found" "$code" "404"
api POST /accounts/ghost/lock
is "an unknown account is not found" "$code" "404"

api GET /accounts
names=$(printf '%s' "$body" | grep -o '"name":"[a-z0-9]*"' | tr '\n' ' ')
is "the list holds only the accounts of the subtree" "$names" '"name":"bt1" "name":"qt1" '
api POST /accounts/qt2/lock
is "an admin of xa1 cannot lock an admin of xa2" "$code" "403"
api POST /accounts/admin/revoke
is "nor the province's admin" "$code" "403"
api POST /accounts/qt2/reset-password
is "nor reset a password outside" "$code" "403"

login admin "$ADMIN_PW"
api POST /accounts/qt2/lock
is "the province's admin can" "$code" "200"
api GET /accounts/qt2
like "GET shows one account" "$body" '"name":"qt2","status":"locked"'
api POST /accounts/bt1/revoke
is "revoke answers 200" "$code" "200"
api POST /accounts/bt1/unlock
is "a revoked account stays revoked" "$code" "409"
api POST /accounts/bt1/reset-password
is "and gets no new password" "$code" "409"

login bt1 given-password-1
is "a revoked account cannot log in" "$code" "403"
printf 'finance-password-1\n' | "$TTHCD" user add --dir "$sd" --name tc1 --role finance \
	--org xa1 --active
login tc1 finance-password-1
api GET /accounts
is "a non-admin may not list accounts" "$code" "403"
api POST /accounts/qt1/lock
is "nor lock one" "$code" "403"
api GET /orgs
is "but sees the organisations of its subtree" "$(printf '%s' "$body" | grep -o '"code":"[a-z0-9]*"' | tr '\n' ' ')" \
	'"code":"xa1" "code":"cb1" '
srv_stop

printf 'cli-password-1\n' | "$TTHCD" user add --dir "$sd" --name vt1 --role clerk --org cb1 \
	--role member --org cb1 --active
run "$TTHCD" user grant --dir "$sd" vt1 --role finance --org xa1
status_is "user grant exits 0" 0
run "$TTHCD" user list --dir "$sd" vt1
like "user list shows every role" "$out" $'^vt1\tactive(\t[a-z-]+@[a-z0-9]+){3}$'
run "$TTHCD" user lock --dir "$sd" vt1
status_is "user lock exits 0" 0
run "$TTHCD" user lock --dir "$sd" vt1
status_is "locking twice exits 1" 1
run "$TTHCD" user list --dir "$sd" nobody
status_is "listing an unknown account exits 1" 1
run "$TTHCD" user reset-password --dir "$sd" vt1 <<<"another-password-1"
status_is "user reset-password exits 0" 0
run "$TTHCD" user list --dir "$sd" vt1
like "and marks the password to change" "$out" 'must change password'
actor=$(sqlite3 "$sd/tthcd.db" "SELECT actor FROM audit WHERE action = 'account.lock' ORDER BY seq DESC LIMIT 1")
like "the command line is audited as cli:USER" "$actor" '^cli:'
run "$TTHCD" verify-audit --dir "$sd"
like "and the log is intact" "$out" '^audit ok: [0-9]+ entries$'

done_testing
