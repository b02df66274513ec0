# login, sync, status, cases, act, sync: an action taken offline is applied
# once on the server and the local copy follows.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || exit 1
e2e_rc a
printf '%s\n' "$DEMO_PW" >"$T_TMP/pw"
run tc login --user xa-nam-son.cb01.taichinh --password-stdin <"$T_TMP/pw"
status_is "login with the demo password exits 0" 0
tok=$(ls "$T_TMP"/data-a/tthc/*.token)
is "the token file is mode 0600" "$(stat -c %a "$tok")" 600
is "the store is mode 0600" "$(stat -c %a "$T_TMP"/data-a/tthc/*.db)" 600

run tc status
like "status names the user" "$out" "user: +xa-nam-son.cb01.taichinh"
like "status shows the roles of the session" "$out" "roles: +Finance officer at xa-nam-son.cb01"
like "status: never synced" "$out" "last sync: +never"

run tc sync
status_is "first sync exits 0" 0
like "the summary counts the changes received" "$out" "sync: 0 actions applied, 0 need attention; [1-9][0-9]* changes received"
server_cases=$(sqlite3 "$T_TMP/d/tthcd.db" "SELECT count(*) FROM cases c JOIN case_orgs r ON r.case_id = c.id JOIN orgs o ON o.id = r.org_id WHERE o.code = 'xa-nam-son.cb01'")
local_cases=$(tc cases --json | grep -o '"id":' | wc -l)
is "every case of the branch is in the local copy" "$local_cases" "$server_cases"

tc cases --json | sed 's/},{/}\n{/g' | sed -n 's/.*"member_name":"\([^"]*\)".*/\1/p' >"$T_TMP/names"
is "cases come in Vietnamese order of the given name" "$(cat "$T_TMP/names")" \
   "$("$TTHC" text sort --names <"$T_TMP/names")"
unlike "(and there are names to order)" "$(wc -l <"$T_TMP/names")" "^[01]$"

set -- $(e2e_cases due | head -1)
case1=$1 member1=$2
name=$(sqlite3 "$T_TMP/d/tthcd.db" "SELECT json_extract(body, '$.name') FROM members WHERE code = '$member1'")
folded=$(printf '%s' "$name" | "$TTHC" text fold)
run tc cases --search "$folded"
like "an accent-blind search finds the member's case" "$out" "^$case1 "

run pay "$case1" "$member1"
status_is "act exits 0" 0
like "act prints the new action's id" "$out" "^[0-9a-f-]{36} $case1$"
run tc cases --state paid
like "the case shows its pending state, marked" "$out" "^$case1 +fee +paid +\*"
run tc outbox
like "the outbox lists the action" "$out" " pay +$case1 +paid"
is "nothing reached the server yet" "$(e2e_audit_count "$case1")" 0

run tc sync
status_is "sync exits 0" 0
like "sync reports one applied" "$out" "^sync: 1 actions applied, 0 need attention"
is "the server applied it once" "$(e2e_audit_count "$case1")" 1
is "the server's case is paid" "$(sqlite3 "$T_TMP/d/tthcd.db" "SELECT state FROM cases WHERE code = '$case1'")" paid
run tc outbox
is "the outbox is empty" "$out" ""
run tc cases --state paid
like "the local case is paid and no longer pending" "$out" "^$case1 +fee +paid +  "

run tc act pay "$case1" --field amount=50000 --field paid_on=2026-11-20 --field method=cash
status_is "a refused action exits 1" 1
like "the refusal names the case and the reason" "$err" "^$case1: .*\[member-only\]"
like "every reason is printed (the state too)" "$err" "\[wrong-state\]"
like "and says nothing was queued" "$err" "nothing was queued"

set -- $(e2e_cases due | sed -n 2p)
run pay "$1" "$2"
id=${out%% *}
run tc outbox undo "$id"
status_is "outbox undo of a queued action exits 0" 0
run tc outbox
is "the undone action left the outbox" "$out" ""
run tc cases --state due
like "and its case is due again, not pending" "$out" "^$1 +fee +due +  "
run tc outbox undo "$id"
status_is "undo of an action no longer queued exits 1" 1

set -- $(e2e_cases due | sed -n 2,3p)
run tc act pay "$1" "$3" --field amount=50000 --field paid_on=2026-11-20 --field method=cash --on-behalf-of "$2"
status_is "a batch with one refused case exits 1" 1
like "the wrong member is named by his id" "$err" "^$3: the case is not member $2's"
run tc outbox
is "and queues none of its cases" "$out" ""

run tc logout
status_is "logout exits 0" 0
is "the token file is gone" "$(ls "$T_TMP"/data-a/tthc/*.token 2>/dev/null)" ""
run tc sync
status_is "sync after logout asks for a login (exit 4)" 4
like "with a message that says so" "$err" "log in with 'tthc login'"
run tc act nosuch-action "$case1"
status_is "act is decided without a token (refused for the action, not the login)" 1
unlike "and does not ask for a login" "$err" "log in"

# The CA given to login is kept with the session for the commands after it.
CLIENT=c
printf 'set server "%s"\n' "$SRV_URL" >"$T_TMP/rc-c"
run tc login --user xa-nam-son.cb01.taichinh --password-stdin <"$T_TMP/pw"
status_is "without the CA, login is refused" 5
run tc login --user xa-nam-son.cb01.taichinh --password-stdin --ca-file "$T_TMP/d/ca.pem" <"$T_TMP/pw"
status_is "login --ca-file exits 0" 0
run tc sync
status_is "a later sync uses the CA given at login" 0

run tc sync --bogus
status_is "an unknown sync option is a usage error" 2
for c in login logout sync status cases act outbox conflicts; do
	run "$TTHC" "$c" --help
	status_is "$c --help exits 0" 0
done
done_testing
