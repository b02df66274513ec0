# Helpers for end-to-end tests: the real tthc against a real tthcd over
# HTTPS on loopback.  Source after tap.sh and server.sh:
#
#   e2e_server                      # init + seed --members 300 + serve; SRV_URL
#   e2e_client a tinh.taichinh      # rc file and data dir of client "a", logged in
#   CLIENT=a; run tc sync           # tthc as client a
#   e2e_audit_count CASE            # applied actions on CASE, server side
#   proxy_start MODE THRESHOLD MS   # tests/e2e/faultproxy.c before the server
#
# Each client has its own XDG_DATA_HOME (store, token) and tthcrc.

DEMO_PW=tthc-demo-2026
export LANGUAGE=en
CLIENT=a

e2e_server() {  # e2e_server [serve options...]
	srv_init "$T_TMP/d" || return 1
	"$TTHCD" seed --dir "$T_TMP/d" --members 300 --today 2026-11-25 >"$T_TMP/seed.out" 2>&1 ||
		return 1
	srv_start "$T_TMP/d" "$@"
}

# e2e_rc NAME [URL [CA [PIN]]]: the tthcrc of client NAME.
e2e_rc() {
	{
		printf 'set server "%s"\n' "${2:-$SRV_URL}"
		printf 'set ca-file "%s"\n' "${3:-$T_TMP/d/ca.pem}"
		[ -n "${4:-}" ] && printf 'set pin "%s"\n' "$4"
		printf 'set timeout 20s\nset connect-timeout 5s\n'
	} >"$T_TMP/rc-$1"
}

tc() {  # tthc as $CLIENT
	XDG_DATA_HOME="$T_TMP/data-$CLIENT" XDG_CONFIG_HOME="$T_TMP/cfg-$CLIENT" \
		"$TTHC" --config "$T_TMP/rc-$CLIENT" "$@"
}

e2e_client() {  # e2e_client NAME USER: rc, login and a first sync
	local CLIENT=$1
	e2e_rc "$1"
	printf '%s\n' "$DEMO_PW" | tc login --user "$2" --password-stdin >/dev/null 2>&1 &&
		tc sync >/dev/null 2>&1
}

# Applied actions on a case, from the server's audit log.
e2e_audit_count() {
	sqlite3 "$T_TMP/d/tthcd.db" \
		"SELECT count(*) FROM audit WHERE object = 'case:$1' AND action LIKE 'case.%'"
}

# The cases of $CLIENT in state $1 as "ID MEMBER" lines (fee cases).
e2e_cases() {
	tc cases --proc "${2:-fee}" --state "$1" --json |
		sed 's/},{/}\n{/g' | sed -n 's/.*"id":"\([^"]*\)".*"member":"\([^"]*\)".*/\1 \2/p'
}

# pay CASE MEMBER [more tthc act args]: queue a cash payment for the case.
pay() {
	local c=$1 m=$2
	shift 2
	tc act pay "$c" --field amount=50000 --field paid_on=2026-11-20 --field method=cash \
		--on-behalf-of "$m" "$@"
}

# proxy_start MODE THRESHOLD MS [ERRFILE]: build tests/e2e/faultproxy.c
# (once per test) and start it in front of the server; sets PROXY_PID and
# PROXY_PORT.  Its report ("fired") goes to ERRFILE, $T_TMP/proxy.err by
# default.  The caller's EXIT trap should kill "$PROXY_PID".
proxy_start() {
	local i src
	src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../e2e" && pwd)/faultproxy.c
	[ -x "$T_TMP/faultproxy" ] ||
		cc -std=c11 -O1 -Wall -Wextra -Werror -o "$T_TMP/faultproxy" "$src" || return 1
	"$T_TMP/faultproxy" "$SRV_PORT" "$1" "$2" "$3" >"$T_TMP/proxy.out" \
		2>"${4:-$T_TMP/proxy.err}" &
	PROXY_PID=$!
	for i in $(seq 50); do grep -q '^port ' "$T_TMP/proxy.out" && break; sleep 0.1; done
	PROXY_PORT=$(sed -n 's/^port //p' "$T_TMP/proxy.out")
	[ -n "$PROXY_PORT" ]
}

# proxy_login USER: client "a" (see e2e_rc) through the proxy with patient
# timeouts, logged in as USER.
proxy_login() {
	e2e_rc a "https://127.0.0.1:$PROXY_PORT"
	printf 'set user "%s"\nset timeout 2m\nset connect-timeout 2m\n' "$1" >>"$T_TMP/rc-a"
	printf '%s\n' "$DEMO_PW" | CLIENT=a tc login --user "$1" --password-stdin >/dev/null 2>&1
}
