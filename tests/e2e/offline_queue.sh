# Actions queued while the server is down are each applied exactly once
# when it is back; nothing is lost meanwhile.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || exit 1
e2e_client a xa-nam-son.cb01.taichinh || { not_ok "login and first sync"; done_testing; exit 1; }
port=$SRV_PORT
srv_stop

e2e_cases due >"$T_TMP/due-all"
head -3 "$T_TMP/due-all" >"$T_TMP/due"
n=0
while read -r c m; do
	pay "$c" "$m" >/dev/null 2>&1 && n=$((n + 1))
done <"$T_TMP/due"
is "three actions queued with the server down" "$n" 3

run tc sync
status_is "sync with the server down exits 3" 3
like "and says the server cannot be reached" "$err" "cannot reach the server"
run tc outbox
is "the outbox still holds the three" "$(printf '%s\n' "$out" | grep -c ' pay ')" 3
unlike "none counts as sent: the push surely never left" "$out" " sent"
set -- $(sed -n 4p "$T_TMP/due-all")
pay "$1" "$2" >/dev/null 2>&1
tc sync >/dev/null 2>&1
id=$(tc outbox | awk -v c="$1" '$3 == c {print $1}')
run tc outbox undo "$id"
status_is "an action whose push never left can still be undone" 0

srv_start "$T_TMP/d" --listen "127.0.0.1:$port"
run tc sync
status_is "sync once the server is back exits 0" 0
like "all three applied" "$out" "^sync: 3 actions applied"
while read -r c m; do
	is "$c applied exactly once on the server" "$(e2e_audit_count "$c")" 1
done <"$T_TMP/due"
run tc sync
like "a second sync sends nothing" "$out" "^sync: 0 actions applied"
while read -r c m; do
	is "$c still once after a second sync" "$(e2e_audit_count "$c")" 1
done <"$T_TMP/due"
run tc outbox
is "the outbox is empty" "$out" ""
done_testing
