# TLS: a wrong host name, an untrusted CA, an expired certificate and a pin
# mismatch are all refused (exit 5) with a message a person understands.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

pki=$T_TMP/pki
sh "$(dirname "$0")/../lib/make-test-pki.sh" "$pki" || exit 1
srv_init "$T_TMP/d" || exit 1
printf '%s\n' "$ADMIN_PW" >"$T_TMP/pw"

# try CERT CA [PIN]: serve CERT, log in with ca-file CA.
try() {
	[ -n "$SRV_PID" ] && srv_stop
	cp "$pki/$1.pem" "$T_TMP/d/server.pem"
	cp "$pki/$1.key" "$T_TMP/d/server.key"
	srv_start "$T_TMP/d" || return 1
	e2e_rc a "$SRV_URL" "$2" "${3:-}"
	run tc login --user admin --password-stdin <"$T_TMP/pw"
}

try good "$pki/ca.pem"
status_is "the good certificate is accepted" 0
try good "$pki/ca.pem" "$(cat "$pki/good.pin")"
status_is "with the right pin too" 0

try wrong-host "$pki/ca.pem"
status_is "a certificate for another host is refused (exit 5)" 5
like "said in words" "$err" "certificate is for another name"
try untrusted "$pki/ca.pem"
status_is "a certificate from an untrusted CA is refused (exit 5)" 5
like "said in words" "$err" "certificate is not trusted"
try expired "$pki/ca.pem"
status_is "an expired certificate is refused (exit 5)" 5
like "said in words" "$err" "certificate has expired"
try good "$pki/ca.pem" "$(cat "$pki/wrong-host.pin")"
status_is "a pin mismatch is refused (exit 5)" 5
like "said in words" "$err" "does not match the pin"
is "no token was saved by a refused login" "$(ls "$T_TMP"/data-a/tthc/*_"$SRV_PORT"_admin.token 2>/dev/null)" ""
done_testing
