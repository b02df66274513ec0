#!/bin/bash
# make demo: a real tthcd with seeded data on loopback and the TUI on it,
# logged in as a branch secretary (README, "Set up").  Everything lives in
# a temporary directory that is removed, and the server stopped, when the
# TUI exits, on Ctrl-C or on any error (the trap below).
#
# DEMO_NO_TUI=1 stops after the login and prints what the TUI would open
# (tests/cli/demo.sh runs it so).  DEMO_MEMBERS (default 2000) sizes the
# seed.
set -euo pipefail
cd "$(dirname "$0")/.."

DEMO_PW=tthc-demo-2026          # tthcd seed's password of every demo account
members=${DEMO_MEMBERS:-2000}
tui=1
[ "${DEMO_NO_TUI:-0}" = 1 ] && tui=0

say() { printf 'demo: %s\n' "$*" >&2; }

# Refuse before any work: the TUI needs a terminal on both sides.
if [ $tui = 1 ] && { [ ! -t 0 ] || [ ! -t 1 ]; }; then
	say "the interface needs a terminal: run 'make demo' from one"
	say "(it would open tthc on a seeded tthcd as a branch secretary;"
	say " DEMO_NO_TUI=1 runs everything but the interface)"
	exit 1
fi

./scripts/install-deps.sh
make --no-print-directory -j2 build/tthc build/tthcd >/dev/null

dir=$(mktemp -d "${TMPDIR:-/tmp}/tthc-demo.XXXXXX")
pid=
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid"
		wait "$pid" 2>/dev/null || true
		say "server stopped"
	fi
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

tthcd=build/tthcd
tthc=build/tthc
export TTHC_LOCALEDIR="$PWD/build/locale"
# The demo's store, session and settings stay in the temporary directory.
export XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config"

say "creating a server in $dir"
# The admin's password comes from a pipe (tthcd init reads stdin when it
# is not a terminal); the demo logs in as a seeded account, not as admin.
head -c 24 /dev/urandom | base64 | "$tthcd" init --dir "$dir/srv" >"$dir/init.out" 2>&1 ||
	{ cat "$dir/init.out" >&2; exit 1; }
say "seeding $members members"
"$tthcd" seed --dir "$dir/srv" --members "$members" >"$dir/seed.out" 2>&1 ||
	{ cat "$dir/seed.out" >&2; exit 1; }

# A branch secretary: the account table's "secretary" of a chi bộ; which
# branches exist depends on the member count, so it is read, not named.
user=$(awk '$2 == "secretary" && index($0, "(Chi bộ ") { print $1; exit }' "$dir/seed.out")
if [ -z "$user" ]; then
	say "the seed listed no branch secretary:"
	cat "$dir/seed.out" >&2
	exit 1
fi

"$tthcd" serve --dir "$dir/srv" --listen 127.0.0.1:0 >"$dir/serve.out" 2>"$dir/serve.err" &
pid=$!
url=
for _ in $(seq 300); do
	url=$(sed -n 's/^listening on \(https:.*\)$/\1/p' "$dir/serve.out")
	[ -n "$url" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
if [ -z "$url" ]; then
	say "tthcd did not start:"
	cat "$dir/serve.err" >&2
	exit 1
fi
say "tthcd is listening on $url"

rc="$dir/tthcrc"
{
	printf 'set server "%s"\n' "$url"
	printf 'set ca-file "%s"\n' "$dir/srv/ca.pem"
	printf 'set user "%s"\n' "$user"
} >"$rc"
export TTHC_CONFIG="$rc"
printf '%s\n' "$DEMO_PW" | "$tthc" login --password-stdin >&2
"$tthc" status >&2

if [ $tui = 0 ]; then
	say "would open: TTHC_CONFIG=$rc $tthc (as $user on $url)"
	exit 0
fi
say "opening tthc as $user; q or Q quits, ? lists the keys"
"$tthc"
