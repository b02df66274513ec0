# SIGTERM and SIGINT stop tthcd cleanly: requests in progress finish, every
# write that was answered is in the database, the log verifies.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

sd="$T_TMP/srv"
srv_init "$sd"
srv_start "$sd"
login admin "$ADMIN_PW"
for i in $(seq 1 12); do
	curl -sS --cacert "$sd/ca.pem" -o /dev/null -w "c$i %{http_code}\n" \
		-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
		--data-binary "{\"name\":\"c$i\",\"password\":\"shutdown-pw-$i\",\"roles\":[{\"role\":\"clerk\",\"org\":\"province\"}]}" \
		"$SRV_URL/api/v1/accounts" >>"$T_TMP/answers" 2>/dev/null &
done
pid=$SRV_PID
srv_stop
wait
is "SIGTERM during requests exits 0" "$SRV_STATUS" "0"
like "and says it stopped" "$(cat "$T_TMP/serve.err")" 'tthcd: stopped'
answered=$(grep -c ' 201$' "$T_TMP/answers")
stored=$(sqlite3 "$sd/tthcd.db" "SELECT count(*) FROM accounts WHERE name LIKE 'c%'")
is "every answered creation is stored (no lost write)" "$((stored >= answered))" "1"
for name in $(sed -n 's/ 201$//p' "$T_TMP/answers"); do
	n=$(sqlite3 "$sd/tthcd.db" "SELECT count(*) FROM accounts WHERE name = '$name'")
	[ "$n" = 1 ] || not_ok "$name was answered 201 but is not stored"
done
is "the process is gone" "$(kill -0 "$pid" 2>/dev/null; echo $?)" "1"
run "$TTHCD" verify-audit --dir "$sd"
status_is "the audit log verifies after the stop" 0
is "the database is intact" "$(sqlite3 "$sd/tthcd.db" 'PRAGMA integrity_check')" "ok"

# A request surely in progress (a test-build fault point holds it for a
# second after its write) still gets its answer when SIGTERM comes.
srv_start "$sd"
login admin "$ADMIN_PW"
srv_stop
TTHCD_FAULT_SLOW_REQUEST="$T_TMP/in-progress" srv_start "$sd"
curl -sS --cacert "$sd/ca.pem" -o "$T_TMP/slow.body" -w '%{http_code}' \
	-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	--data-binary '{"name":"slow1","password":"slow-password-1","roles":[{"role":"clerk","org":"province"}]}' \
	"$SRV_URL/api/v1/accounts" >"$T_TMP/slow.code" 2>&1 &
curl_pid=$!
for i in $(seq 1 300); do
	[ -e "$T_TMP/in-progress" ] && break
	sleep 0.05
done
srv_stop
wait "$curl_pid"
is "the request in progress at SIGTERM is answered" "$(cat "$T_TMP/slow.code")" "201"
is "the server still exits 0" "$SRV_STATUS" "0"
is "and its write is stored" \
	"$(sqlite3 "$sd/tthcd.db" "SELECT status FROM accounts WHERE name = 'slow1'")" "pending"

srv_start "$sd"
port=$SRV_PORT
kill -INT "$SRV_PID"
wait "$SRV_PID"
is "SIGINT exits 0 too" "$?" "0"
SRV_PID=
run curl -sS --cacert "$sd/ca.pem" "https://127.0.0.1:$port/api/v1/orgs"
is "nothing listens afterwards" "$([ "$status" -ne 0 ] && echo refused)" "refused"

done_testing
