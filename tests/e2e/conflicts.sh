# Two clients act on the same case: the loser sees a conflict in
# `tthc conflicts` with the server's copy; drop and retry work.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || exit 1
e2e_client a xa-nam-son.cb01.taichinh || { not_ok "client a logs in"; done_testing; exit 1; }
e2e_client b xa-nam-son.taichinh || { not_ok "client b logs in"; done_testing; exit 1; }
CLIENT=a
set -- $(e2e_cases due | head -1)
case1=$1 member1=$2
set -- $(e2e_cases due | sed -n 2p)
case2=$1 member2=$2

# a pays and takes the payment back in one sync (the second action is
# decided on the first's pending state and version); b, offline, pays.
CLIENT=a; pay "$case1" "$member1" >/dev/null 2>&1
run tc act return-amount "$case1" --field reason="nhầm tháng"
status_is "a second action on a pending case is decided on its pending state" 0
CLIENT=b; pay "$case1" "$member1" >/dev/null 2>&1
CLIENT=b; pay "$case2" "$member2" >/dev/null 2>&1
CLIENT=a; run tc sync
like "the first to sync wins, both its actions applied" "$out" "^sync: 2 actions applied, 0 need attention"
CLIENT=b; run tc sync
status_is "the loser's sync still exits 0" 0
like "the loser's sync counts one for attention, the other case applied" "$out" "^sync: 1 actions applied, 1 need attention"
is "the case has a's two actions only" "$(e2e_audit_count "$case1")" 2
run tc conflicts
like "the loser sees the conflict in tthc conflicts" "$out" "^[0-9a-f-]{36} conflict +pay +$case1$"
id=$(printf '%s\n' "$out" | awk '{print $1}')
run tc conflicts show "$id"
like "show gives the server's version" "$out" "server: +version 3"
like "show gives the server's copy of the case" "$out" "\"id\":\"$case1\".*\"state\":\"due\""
run tc status
like "status counts it" "$out" "conflicts: +1"
run tc conflicts show no-such-id
status_is "show of an unknown id exits 1" 1
run tc conflicts retry
status_is "retry without an ID is a usage error" 2
like "that says what it takes" "$err" "retry takes one action ID"

run tc conflicts retry "$id"
status_is "retry exits 0" 0
like "retry prints the new action's id" "$out" "^[0-9a-f-]{36}$"
run tc conflicts
is "the entry left the list" "$out" ""
run tc sync
like "the retried action is applied on the server's version" "$out" "^sync: 1 actions applied, 0 need attention"
is "the case now has three applied actions (pay, return, pay)" "$(e2e_audit_count "$case1")" 3

# drop: a second conflict, given up.
CLIENT=a; set -- $(e2e_cases due | sed -n 3p); c3=$1 m3=$2
pay "$c3" "$m3" >/dev/null 2>&1; tc sync >/dev/null 2>&1
CLIENT=b; pay "$c3" "$m3" >/dev/null 2>&1; tc sync >/dev/null 2>&1
id=$(tc conflicts | awk '{print $1}')
run tc conflicts drop "$id"
status_is "drop exits 0" 0
run tc conflicts
is "a dropped entry is gone" "$out" ""
is "and the case was paid once" "$(e2e_audit_count "$c3")" 1
done_testing
