# Shell test helpers: source this, call the checks, end with `done_testing`.
# Output is TAP, counted by scripts/run-tests.sh.
#
#   . "$(dirname "$0")/../lib/tap.sh"
#   run "$TTHC" text fold <<< "..."          # sets $out, $err, $status
#   is  "fold strips marks" "$out" "nguyen van duc"
#   status_is "bad utf-8 exits 1" 1

: "${TTHC:=build/asan/tthc}"
T_N=0
T_FAILED=0
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/tthc-test.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT

ok() {      # ok NAME  (a check that passed)
	T_N=$((T_N + 1)); echo "ok $T_N - $1"
}
not_ok() {  # not_ok NAME [DETAIL...]
	T_N=$((T_N + 1)); T_FAILED=$((T_FAILED + 1)); echo "not ok $T_N - $1"
	shift; for d in "$@"; do printf '#   %s\n' "$d"; done
}

# run CMD...: stdin passes through; stdout, stderr and status are kept.
run() {
	"$@" >"$T_TMP/out" 2>"$T_TMP/err"
	status=$?
	out=$(cat "$T_TMP/out"); err=$(cat "$T_TMP/err")
}

is() {        # is NAME GOT WANT
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:  $2" "want: $3"; fi
}
like() {      # like NAME GOT GREP-E-PATTERN
	if printf '%s\n' "$2" | grep -qE -- "$3"; then ok "$1"
	else not_ok "$1" "got:  $2" "want match: $3"; fi
}
unlike() {    # unlike NAME GOT GREP-E-PATTERN
	if printf '%s\n' "$2" | grep -qE -- "$3"; then not_ok "$1" "got: $2" "must not match: $3"
	else ok "$1"; fi
}
status_is() { # status_is NAME WANT   (after run)
	if [ "$status" = "$2" ]; then ok "$1"
	else not_ok "$1" "status $status, want $2" "stderr: $err"; fi
}
done_testing() {
	echo "1..$T_N"
	[ "$T_FAILED" -eq 0 ]
}
