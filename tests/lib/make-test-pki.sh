#!/bin/sh
# Test PKI for core/net, made with the openssl CLI in DIR:
#   ca.pem                the CA the client is told to trust (ca-file)
#   other-ca.pem          a second CA the client does not trust
#   good.pem/.key         localhost, 127.0.0.1 and ::1, signed by ca
#   wrong-host.pem/.key   only wrong.example, signed by ca
#   expired.pem/.key      localhost and 127.0.0.1, signed by ca, expired in 2021
#   untrusted.pem/.key    localhost and 127.0.0.1, signed by other-ca
#   good.pin, wrong-host.pin   the sha256// public-key pins of those leaves
# OpenSSL 3.0's x509 has no -not_before, so the expired certificate goes
# through `openssl ca`, whose -startdate/-enddate backdate it.
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"

newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }

ca() {  # ca NAME CN
	newkey "$1"
	openssl req -x509 -new -key "$1.key" -out "$1.pem" -days 30 -subj "/CN=$2" \
		-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign 2>/dev/null
}

ext() {  # ext SAN
	printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n'
	printf 'extendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$1"
}

leaf() {  # leaf NAME CA SAN
	newkey "$1"
	openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$1" 2>/dev/null
	ext "$3" >"$1.ext"
	openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -set_serial "0x$(openssl rand -hex 8)" \
		-days 30 -extfile "$1.ext" -out "$1.pem" 2>/dev/null
}

pin() {
	printf 'sha256//%s\n' "$(openssl x509 -in "$1.pem" -pubkey -noout |
		openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | openssl base64 -A)" >"$1.pin"
}

local_san='DNS:localhost,IP:127.0.0.1,IP:::1'
ca ca "tthc test CA"
ca other-ca "tthc other CA"
leaf good ca "$local_san"
leaf wrong-host ca 'DNS:wrong.example'
leaf untrusted other-ca "$local_san"

newkey expired
openssl req -new -key expired.key -out expired.csr -subj "/CN=expired" 2>/dev/null
ext "$local_san" >expired.ext
: >index.txt
cat >ca.cnf <<CNF
[ca]
default_ca = test
[test]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
unique_subject = no
[any]
commonName = supplied
CNF
openssl rand -hex 8 >serial
openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key -notext \
	-startdate 20200101000000Z -enddate 20210101000000Z \
	-extfile expired.ext -in expired.csr -out expired.pem 2>/dev/null

pin good
pin wrong-host
