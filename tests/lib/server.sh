# Helpers for tests against a real tthcd over real HTTPS on loopback.
# Source after tap.sh:
#
#   . "$(dirname "$0")/../lib/server.sh"
#   srv_init "$T_TMP/d"                # init with a low hash cost; admin/$ADMIN_PW
#   srv_start "$T_TMP/d" [serve options]   # port 0; sets SRV_URL, SRV_PID
#   login admin "$ADMIN_PW"            # sets TOKEN
#   api POST /session '{"...":1}'      # sets code and body
#   srv_stop                           # SIGTERM; sets SRV_STATUS
#   srv_restart [serve options]        # start again on the port it had
#
# The server is always killed when the script exits.

: "${TTHC_BUILD:=build}"
TTHCD="$TTHC_BUILD/asan/tthcd"
# The lowest argon2id cost: for tests only (tthcd(8), TTHCD_HASH_COST).
export TTHCD_HASH_COST=min
ADMIN_PW="admin-password-1"
SRV_PID=
SRV_DIR=
TOKEN=

srv_kill() {
	if [ -n "$SRV_PID" ]; then
		kill -KILL "$SRV_PID" 2>/dev/null
		wait "$SRV_PID" 2>/dev/null
		SRV_PID=
	fi
}
trap 'srv_kill; rm -rf "$T_TMP"' EXIT

srv_init() {  # srv_init DIR [init options...]
	local dir=$1
	shift
	printf '%s\n' "$ADMIN_PW" | "$TTHCD" init --dir "$dir" "$@" >"$T_TMP/init.out" 2>&1
}

srv_org() {  # srv_org DIR CODE TYPE PARENT [NAME]: tthcd org add
	"$TTHCD" org add --dir "$1" --code "$2" --name "${5:-Tổ chức $2}" --type "$3" --parent "$4"
}

srv_start() {  # srv_start DIR [serve options...]
	local dir=$1 i
	shift
	SRV_DIR=$dir
	: >"$T_TMP/serve.out"
	"$TTHCD" serve --dir "$dir" --listen "${SRV_LISTEN:-127.0.0.1:0}" "$@" \
		>"$T_TMP/serve.out" 2>>"$T_TMP/serve.err" &
	SRV_PID=$!
	for i in $(seq 1 300); do
		SRV_URL=$(sed -n 's/^listening on \(https:.*\)$/\1/p' "$T_TMP/serve.out")
		if [ -n "$SRV_URL" ]; then
			SRV_PORT=${SRV_URL##*:}
			return 0
		fi
		kill -0 "$SRV_PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "# tthcd did not start:" >&2
	sed 's/^/# /' "$T_TMP/serve.err" >&2
	return 1
}

# The same server back on the same port: a client that knew it finds it
# again (the offline tests).
srv_restart() {
	SRV_LISTEN=127.0.0.1:$SRV_PORT srv_start "$SRV_DIR" "$@"
}

srv_stop() {
	kill -TERM "$SRV_PID"
	wait "$SRV_PID"
	SRV_STATUS=$?
	SRV_PID=
}

# api METHOD PATH [BODY [CONTENT-TYPE]]: path under /api/v1; uses $TOKEN.
api() {
	local args=(-sS --cacert "$SRV_DIR/ca.pem" -X "$1" -o "$T_TMP/body" -w '%{http_code}')
	[ -n "$TOKEN" ] && args+=(-H "Authorization: Bearer $TOKEN")
	if [ $# -ge 3 ]; then
		args+=(-H "Content-Type: ${4:-application/json}" --data-binary "$3")
	fi
	code=$(curl "${args[@]}" "$SRV_URL/api/v1$2")
	body=$(cat "$T_TMP/body")
}

# login NAME PASSWORD: sets TOKEN (empty when it failed), code and body.
login() {
	TOKEN=
	api POST /session "{\"username\":\"$1\",\"password\":\"$2\"}"
	TOKEN=$(printf '%s' "$body" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
}

# json_field NAME: the first string value of "NAME" in $body.
json_field() {
	printf '%s' "$body" | sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"
}
