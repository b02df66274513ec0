#!/bin/sh
# Run every test and end with the line "N passed, N failed[, N skipped]".
#
# Unit tests are cmocka binaries built with ASan+UBSan; shell tests are
# tests/*/*.sh scripts.  Both speak TAP ("ok N - name", "not ok N - name",
# "# SKIP"), so one counter serves both.  A binary or script that dies
# without reporting a failure (a sanitizer abort, a crash) counts as one.
set -u
cd "$(dirname "$0")/.." || exit 2

LOGS=build/test-logs
rm -rf "$LOGS"
mkdir -p "$LOGS"

# Tests compare English text: pin the language (DESIGN.md section 8).
export LANGUAGE=en
export TTHC_TEST=1
export TTHC="$PWD/build/asan/tthc"
export TTHC_BUILD="$PWD/build"
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=86"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TTHC_LOCALEDIR="$PWD/build/locale"

passed=0 failed=0 skipped=0

count() {  # count LOGFILE STATUS NAME
	p=$(grep -cE '^ok [0-9]+' "$1" | head -n1)
	s=$(grep -cE '^ok [0-9]+.*# *(SKIP|skip)' "$1" | head -n1)
	f=$(grep -cE '^not ok [0-9]+' "$1" | head -n1)
	p=$((p - s))
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $3 exited with status $2" >>"$1"
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	if [ "$f" -gt 0 ]; then
		echo "FAIL $3 ($p passed, $f failed); log: $1"
		grep -E '^not ok' "$1" | head -n 20 | sed 's/^/    /'
		tail -n 30 "$1" | grep -vE '^(ok|not ok) ' | sed 's/^/    | /'
	else
		echo "ok   $3 ($p passed${s:+, $s skipped})" | sed 's/, 0 skipped//'
	fi
}

for t in build/asan/tests/test_*; do
	[ -x "$t" ] || continue
	name=unit/$(basename "$t")
	log="$LOGS/$(basename "$t").log"
	"$t" >"$log" 2>&1
	count "$log" $? "$name"
done

for t in tests/*/*.sh; do
	[ -f "$t" ] || continue
	case "$t" in tests/lib/*) continue ;; esac
	name=${t#tests/}
	log="$LOGS/$(echo "$name" | tr / _).log"
	bash "$t" >"$log" 2>&1
	count "$log" $? "$name"
done

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
