# A server that answers 503 (busy) or 500 (broken) instead of tthcd, on
# tthcd's own address and certificate (openssl s_server): sync exits 3 with
# a clear message, the outbox is kept, and the real server later applies
# each action once.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || exit 1
e2e_client a xa-nam-son.cb01.taichinh || { not_ok "login and first sync"; done_testing; exit 1; }
e2e_cases due | head -2 >"$T_TMP/due"
while read -r c m; do pay "$c" "$m" >/dev/null 2>&1; done <"$T_TMP/due"
port=$SRV_PORT
srv_stop

# answer STATUS TEXT: one connection answered with that status, then gone.
answer() {
	printf 'HTTP/1.1 %s %s\r\nRetry-After: 7\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' \
		"$1" "$2" >"$T_TMP/resp"
	openssl s_server -accept "127.0.0.1:$port" -cert "$T_TMP/d/server.pem" \
		-key "$T_TMP/d/server.key" -quiet -naccept 1 <"$T_TMP/resp" >/dev/null 2>&1 &
	FAKE_PID=$!
	# Listening when /proc/net/tcp has the port (hex) in state 0A.
	for i in $(seq 50); do
		grep -qi ":$(printf '%04X' "$port") 00000000:0000 0A" /proc/net/tcp && break
		sleep 0.1
	done
}
trap 'kill "$FAKE_PID" 2>/dev/null; srv_kill; rm -rf "$T_TMP"' EXIT

answer 503 "Service Unavailable"
run tc sync
status_is "a 503 exits 3" 3
like "and says the server is busy" "$err" "server is busy"
is "the outbox is kept" "$(tc outbox | grep -c ' pay ')" 2
kill "$FAKE_PID" 2>/dev/null; wait "$FAKE_PID" 2>/dev/null

answer 500 "Internal Server Error"
run tc sync
status_is "a 500 exits 3" 3
like "and says the server had a problem" "$err" "server had a problem"
is "the outbox is still kept" "$(tc outbox | grep -c ' pay ')" 2
kill "$FAKE_PID" 2>/dev/null; wait "$FAKE_PID" 2>/dev/null

srv_start "$T_TMP/d" --listen "127.0.0.1:$port"
run tc sync
status_is "the real server back, sync exits 0" 0
while read -r c m; do
	is "$c applied once" "$(e2e_audit_count "$c")" 1
done <"$T_TMP/due"
is "the outbox is empty" "$(tc outbox | wc -l)" 0
done_testing
