# tthcd's command line: help, usage errors, refusals, exit codes.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

run "$TTHCD" --help
status_is "--help exits 0" 0
like "and lists the commands" "$out" 'verify-audit'
run "$TTHCD"
status_is "no command is a usage error" 2
run "$TTHCD" frobnicate
status_is "an unknown command is a usage error" 2
run "$TTHCD" --version
like "--version names the program" "$out" '^tthcd [0-9]'
for cmd in init serve user org seed verify-audit audit-head prune; do
	run "$TTHCD" "$cmd" --help
	status_is "$cmd --help exits 0" 0
done
run "$TTHCD" serve
status_is "serve without --dir is a usage error" 2
run "$TTHCD" serve --dir "$T_TMP/none"
status_is "serve on a missing directory exits 1" 1
run "$TTHCD" serve --dir "$T_TMP/none" --threads zero
status_is "a bad number is a usage error" 2
run "$TTHCD" init --dir "$T_TMP/h" --host 'bad host!' <<<"$ADMIN_PW"
status_is "init refuses a bad --host" 2
run "$TTHCD" init --dir "$T_TMP/h" --admin 'Bad Name' <<<"$ADMIN_PW"
status_is "init refuses a bad admin name" 2
# One option reader for init, serve, seed and prune (cmd_options).
for cmd in init serve seed prune; do
	run "$TTHCD" "$cmd" --dir "$T_TMP/none" --frobnicate
	is "$cmd: an unknown option is a usage error" "$status $err" \
		"2 tthcd: unknown option '--frobnicate'"$'\n'"Try 'tthcd $cmd --help'."
	run "$TTHCD" "$cmd" --dir
	is "$cmd: an option without its value is a usage error" "$status $err" \
		"2 tthcd: option '--dir' needs a value"$'\n'"Try 'tthcd $cmd --help'."
done
hosts=()
for i in $(seq 1 33); do hosts+=(--host "h$i.example.vn"); done
run "$TTHCD" init --dir "$T_TMP/h" "${hosts[@]}" <<<"$ADMIN_PW"
is "init takes at most 32 --host options" "$status $(head -1 <<<"$err")" \
	"2 tthcd: at most 32 --host options"
is "and makes nothing" "$([ -e "$T_TMP/h" ]; echo $?)" 1

sd="$T_TMP/srv"
srv_init "$sd"
run "$TTHCD" serve --dir "$sd" --listen localhost:8443
status_is "serve wants an IP address to listen on" 1
like "and says so" "$err" 'not an IP address'
run "$TTHCD" org add --dir "$sd" --code xa1 --name "$(printf 'Xã\tMột')" --type base-committee \
	--parent province
status_is "an organisation name with a control character is refused" 1
run "$TTHCD" org add --dir "$sd" --code XA1 --name "Xã Một" --type base-committee \
	--parent province
status_is "an upper-case code is refused" 1
run "$TTHCD" org add --dir "$sd" --code xa1 --name "Xã Một" --type base-committee \
	--parent nowhere
status_is "an unknown parent is refused" 1
run "$TTHCD" user frobnicate --dir "$sd" admin
status_is "an unknown user verb is a usage error" 2
run "$TTHCD" user lock --dir "$sd"
status_is "a verb without an account is a usage error" 2
run "$TTHCD" user grant --dir "$sd" admin --role clerk --org nowhere
status_is "granting at an unknown organisation exits 1" 1
run "$TTHCD" user list --dir "$sd"
is "user list shows the first admin" "$out" $'admin\tactive\tadmin@province'

LANGUAGE=vi run "$TTHCD" user list --dir "$sd" nobody
like "messages are Vietnamese unless LANGUAGE says otherwise" "$err" 'không có tài khoản này'

done_testing
