# tthcd init: directory, file modes, certificate, pin; curl trusts the CA.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

sd="$T_TMP/srv"
srv_init "$sd" --host tthc.example.vn --host 10.1.2.3
is "init exits 0" "$?" "0"
out=$(cat "$T_TMP/init.out")
like "init names the admin" "$out" '^admin account: admin$'
like "init names the CA file" "$out" "ca-file\\): $sd/ca.pem"
like "init prints a sha256 pin" "$out" 'sha256//[A-Za-z0-9+/]{43}='
unlike "a password read from stdin is not printed" "$out" "$ADMIN_PW"

is "the directory is private" "$(stat -c %a "$sd")" "700"
for f in server.key ca.key audit.key; do
	is "$f is mode 0600" "$(stat -c %a "$sd/$f")" "600"
done
is "the database is in WAL mode" "$(sqlite3 "$sd/tthcd.db" 'PRAGMA journal_mode')" "wal"
# The version this build writes, from the one place that defines it.
is "the schema version is recorded" \
	"$(sqlite3 "$sd/tthcd.db" 'SELECT max(version) FROM schema_migrations')" \
	"$(sed -n 's/^#define DB_SCHEMA_VERSION \([0-9]*\).*/\1/p' server/db.h)"

text=$(openssl x509 -in "$sd/server.pem" -noout -text)
like "SAN has localhost" "$text" 'DNS:localhost'
like "SAN has 127.0.0.1" "$text" 'IP Address:127.0.0.1'
like "SAN has ::1" "$text" 'IP Address:0:0:0:0:0:0:0:1'
like "SAN has each --host name" "$text" 'DNS:tthc.example.vn'
like "SAN has each --host address" "$text" 'IP Address:10.1.2.3'
run openssl verify -CAfile "$sd/ca.pem" "$sd/server.pem"
status_is "the server certificate chains to ca.pem" 0

want=$(openssl x509 -in "$sd/server.pem" -noout -pubkey | openssl pkey -pubin -outform DER |
	openssl dgst -sha256 -binary | base64)
is "the pin is the SHA-256 of the server's public key" \
	"$(sed -n 's/.*(pin): //p' "$T_TMP/init.out")" "sha256//$want"

run "$TTHCD" init --dir "$sd"
status_is "init refuses an existing directory" 1
like "and says so" "$err" 'already exists'

srv_start "$sd"
pin=$(sed -n 's/.*pin): //p' "$T_TMP/init.out")
for host in 127.0.0.1 localhost; do
	run curl -sS --cacert "$sd/ca.pem" -o /dev/null -w '%{http_code}' \
		"https://$host:$SRV_PORT/api/v1/orgs"
	is "curl verifies https://$host with ca.pem" "$out" "401"
	run curl -sS -o /dev/null "https://$host:$SRV_PORT/api/v1/orgs"
	isnt_zero=$([ "$status" -ne 0 ] && echo yes)
	is "curl refuses https://$host without the CA" "$isnt_zero" "yes"
done
run curl -sS --cacert "$sd/ca.pem" --pinnedpubkey "$pin" -o /dev/null -w '%{http_code}' \
	"https://localhost:$SRV_PORT/api/v1/orgs"
is "curl accepts the printed pin" "$out" "401"
run curl -sS --cacert "$sd/ca.pem" -o /dev/null \
	--pinnedpubkey "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" \
	"https://localhost:$SRV_PORT/api/v1/orgs"
isnt_zero=$([ "$status" -ne 0 ] && echo yes)
is "curl refuses a wrong pin" "$isnt_zero" "yes"
# A login reads and writes the database, so its -wal and -shm files exist.
login admin "$ADMIN_PW"
is "the admin logs in" "$code" "200"
for f in tthcd.db tthcd.db-wal tthcd.db-shm; do
	is "$f is mode 0600 (password hashes and tokens)" "$(stat -c %a "$sd/$f")" "600"
done
srv_stop
is "the server stops cleanly" "$SRV_STATUS" "0"

# A certificate of one's own: copied in, no CA written.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 \
	-subj /CN=localhost -addext subjectAltName=DNS:localhost \
	-keyout "$T_TMP/own.key" -out "$T_TMP/own.pem" 2>/dev/null
srv_init "$T_TMP/own" --cert "$T_TMP/own.pem" --key "$T_TMP/own.key" --admin root1
is "init with --cert and --key exits 0" "$?" "0"
is "the given certificate is used" "$(cmp -s "$T_TMP/own.pem" "$T_TMP/own/server.pem"; echo $?)" "0"
is "no CA is made" "$([ -e "$T_TMP/own/ca.pem" ]; echo $?)" "1"
like "--admin names the first account" "$(cat "$T_TMP/init.out")" '^admin account: root1$'

run "$TTHCD" init --dir "$T_TMP/x" --cert "$T_TMP/own.pem"
status_is "--cert without --key is a usage error" 2

run "$TTHCD" init --dir "$T_TMP/short" </dev/null
status_is "no password on a non-terminal stdin exits 1" 1
is "and leaves no directory behind" "$([ -e "$T_TMP/short" ]; echo $?)" "1"
printf 'short\n' | run "$TTHCD" init --dir "$T_TMP/short"
status_is "a password under 8 bytes is refused" 1

# On a terminal the password is generated and printed once (script(1) gives
# init a terminal).
script -qec "$TTHCD init --dir $T_TMP/gen" /dev/null >"$T_TMP/gen.out" 2>&1
pw=$(sed -n 's/^admin password (shown once): \([A-Za-z0-9_-]*\).*$/\1/p' "$T_TMP/gen.out")
like "a generated password is printed" "$pw" '^[A-Za-z0-9_-]{20}$'
srv_start "$T_TMP/gen"
login admin "$pw"
is "and logs in" "$code" "200"
srv_stop

done_testing
