# Helpers for end-to-end tests: the real tthc against a real tthcd over
# HTTPS on loopback.  Source after tap.sh and server.sh:
#
#   e2e_server                      # init + seed --members 300 + serve; SRV_URL
#   e2e_client a tinh.taichinh      # rc file and data dir of client "a", logged in
#   CLIENT=a; run tc sync           # tthc as client a
#   e2e_audit_count CASE            # applied actions on CASE, server side
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
