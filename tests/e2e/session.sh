# Sessions: an expired token offline keeps the queue and asks for a login;
# a token the server no longer knows (401) does the same; a 410 makes a
# full resync that keeps the outbox.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || exit 1
e2e_client a xa-nam-son.cb01.taichinh || { not_ok "login and first sync"; printf 'reset-pw-1\n' | "$TTHCD" user reset-password --dir "$T_TMP/d" xa-nam-son.cb01.taichinh >/dev/null 2>&1
run tc login --password-stdin <<<"reset-pw-1"
status_is "a login whose password must be changed exits 1" 1
like "and says so" "$err" "password was reset"
done_testing; exit 1; }
tok=$(ls "$T_TMP"/data-a/tthc/*.token)
set -- $(e2e_cases due | head -1)
case1=$1 member1=$2
set -- $(e2e_cases due | sed -n 2p)
case2=$1 member2=$2

# Expired while offline: the token's own expiry, no network needed.
port=$SRV_PORT
srv_stop
sed -i 's/"expires_at":[0-9]*/"expires_at":1000/' "$tok"
run pay "$case1" "$member1"
status_is "an action is queued with an expired token" 0
run tc sync
status_is "sync with an expired token exits 4" 4
like "and asks for a new login" "$err" "session has expired: log in again"
run tc outbox
like "the action is still queued" "$out" " pay +$case1 "
srv_start "$T_TMP/d" --listen "127.0.0.1:$port"
printf '%s\n' "$DEMO_PW" | tc login --password-stdin >/dev/null 2>&1
run tc sync
status_is "after a new login sync exits 0" 0
is "the queued action is applied once" "$(e2e_audit_count "$case1")" 1

# A token the server has forgotten: 401.
sqlite3 "$T_TMP/d/tthcd.db" "DELETE FROM tokens"
run pay "$case2" "$member2"
run tc sync
status_is "sync with a revoked token exits 4" 4
like "the message says to log in again" "$err" "log in again"
run tc outbox
like "the action stays queued" "$out" " pay +$case2 "
is "and was not applied" "$(e2e_audit_count "$case2")" 0
printf '%s\n' "$DEMO_PW" | tc login --password-stdin >/dev/null 2>&1

# 410: the server forgot the changes after the client's cursor.
before=$(tc cases --json | grep -o '"id":' | wc -l)
"$TTHCD" prune --dir "$T_TMP/d" --keep-days 0 >/dev/null 2>&1
sqlite3 "$T_TMP/d/tthcd.db" "UPDATE change_horizon SET seq = (SELECT max(seq) FROM changes) + 1" 2>/dev/null
run tc sync --pull-only
status_is "a pull answered 410 exits 0 after a full resync" 0
like "the summary says it was a full resync" "$out" "full resync"
run tc outbox
like "the outbox survived the resync" "$out" " pay +$case2 "
after=$(tc cases --json | grep -o '"id":' | wc -l)
is "the cases came back whole" "$after" "$before"
run tc cases --state paid
like "the queued case shows as pending again" "$out" "^$case2 +fee +paid +\*"
run tc sync
is "the outbox is then pushed once" "$(e2e_audit_count "$case2")" 1

run tc login --password-stdin </dev/null
status_is "a login without a password exits 1" 1
printf 'wrong\n' | tc login --password-stdin >/dev/null 2>"$T_TMP/e"
like "a wrong password is said so" "$(cat "$T_TMP/e")" "wrong user name or password"
printf 'reset-pw-1\n' | "$TTHCD" user reset-password --dir "$T_TMP/d" xa-nam-son.cb01.taichinh >/dev/null 2>&1
run tc login --password-stdin <<<"reset-pw-1"
status_is "a login whose password must be changed exits 1" 1
like "and says so" "$err" "password was reset"
done_testing
