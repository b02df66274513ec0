# Two tthcd processes on one directory behave as one server: tokens,
# failed-login counts and lockouts live in the database (DESIGN.md section 4).
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

sd="$T_TMP/srv"
srv_init "$sd"
printf 'clerk-password-1\n' | "$TTHCD" user add --dir "$sd" --name vt1 --role clerk \
	--org province --active

# The second process, started by hand; the helper owns the first.
"$TTHCD" serve --dir "$sd" --listen 127.0.0.1:0 --max-failures 4 >"$T_TMP/b.out" 2>"$T_TMP/b.err" &
b_pid=$!
trap 'kill -KILL "$b_pid" 2>/dev/null; srv_kill; rm -rf "$T_TMP"' EXIT
srv_start "$sd" --max-failures 4
for i in $(seq 1 300); do
	b_url=$(sed -n 's/^listening on \(https:.*\)$/\1/p' "$T_TMP/b.out")
	[ -n "$b_url" ] && break
	sleep 0.1
done
a_url=$SRV_URL

login admin "$ADMIN_PW"
SRV_URL=$b_url
api GET /orgs
is "a token from one process works on the other" "$code" "200"
api DELETE /session
SRV_URL=$a_url
api GET /orgs
is "and a logout on one ends it on both" "$code" "401"

TOKEN=
login vt1 wrong-password-1
login vt1 wrong-password-2
SRV_URL=$b_url
login vt1 wrong-password-3
login vt1 wrong-password-4
SRV_URL=$a_url
login vt1 clerk-password-1
is "failures counted by both processes lock the account out on either" "$code" "429"

kill -TERM "$b_pid"
wait "$b_pid"
is "the second process stops cleanly" "$?" "0"
srv_stop
is "and the first" "$SRV_STATUS" "0"
run "$TTHCD" verify-audit --dir "$sd"
status_is "both wrote one intact audit chain" 0

done_testing
