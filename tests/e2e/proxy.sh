# The connection broken after the request was forwarded (a proxy between
# tthc and tthcd drops, truncates or delays the answer): the replay under
# the same ids is answered `duplicate`, and each action has one effect.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || exit 1
PROXY_PID=
trap 'kill "$PROXY_PID" 2>/dev/null; srv_kill; rm -rf "$T_TMP"' EXIT

# A batch of six payments is over 1,500 bytes; a handshake and a login,
# or a GET, are under it.
THRESHOLD=1500

for mode in drop truncate delay; do
	CLIENT=$mode
	proxy_start "$mode" "$THRESHOLD" 3000 "$T_TMP/proxy-$mode.err" ||
		{ not_ok "$mode: the proxy starts"; done_testing; exit 1; }
	e2e_rc "$mode" "https://127.0.0.1:$PROXY_PORT"
	printf '%s\n' "$DEMO_PW" | tc login --user tinh.taichinh --password-stdin >/dev/null 2>&1
	tc sync >/dev/null 2>&1
	tc cases --proc fee --state due --json | sed 's/},{/}\n{/g' |
		sed -n 's/.*"id":"\([^"]*\)".*"member":"\([^"]*\)".*/\1 \2/p' | head -6 >"$T_TMP/batch"
	while read -r c m; do pay "$c" "$m" >/dev/null 2>&1; done <"$T_TMP/batch"
	is "$mode: six actions queued" "$(tc outbox | grep -c ' pay ')" 6

	# delay: the client gives up after 1 s, long before the answer comes
	# (set only now: a loaded machine may take longer than that to log in).
	[ "$mode" = delay ] && printf 'set timeout 1s\n' >>"$T_TMP/rc-$mode"
	kill -USR1 "$PROXY_PID"
	run tc sync
	status_is "$mode: sync through the broken connection exits 0 (replayed)" 0
	like "$mode: the proxy broke the connection after the request" "$(cat "$T_TMP/proxy-$mode.err")" "fired"
	like "$mode: all six answered" "$out" "^sync: 6 actions applied"
	like "$mode: the replay was answered duplicate" "$out" "sync: 6 of them had reached the server before"
	n=0
	while read -r c m; do
		[ "$(e2e_audit_count "$c")" = 1 ] && n=$((n + 1))
	done <"$T_TMP/batch"
	is "$mode: each action had exactly one effect" "$n" 6
	is "$mode: the outbox is empty" "$(tc outbox | wc -l)" 0
	kill "$PROXY_PID"
	wait "$PROXY_PID" 2>/dev/null
done
done_testing
