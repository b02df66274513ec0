#!/bin/sh
# Run every test and end with the line "N passed, N failed[, N skipped]".
#
# Unit tests are cmocka binaries built with ASan+UBSan; shell tests are
# tests/*/*.sh scripts.  Both speak TAP ("ok N - name", "not ok N - name",
# "# SKIP"), so one counter serves both.  A binary or script that dies
# without reporting a failure (a sanitizer abort, a crash) counts as one.
# Tests run in parallel (TTHC_TEST_JOBS, default: the number of cores); each
# writes its own log, and the counting is done afterwards in a fixed order.
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

# The list of tests: "name<TAB>command".
list() {
	# From the sources, so that a binary left over from a deleted test is
	# not run.
	for src in tests/unit/test_*.c; do
		t=build/asan/tests/$(basename "$src" .c)
		printf 'unit/%s\t%s\n' "$(basename "$t")" "$t"
	done
	for t in tests/*/*.sh; do
		case "$t" in tests/lib/*) continue ;; esac
		[ -f "$t" ] && printf '%s\t%s\n' "${t#tests/}" "bash $t"
	done
}

jobs=${TTHC_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
export LOGS
list | while IFS="	" read -r name cmd; do
	printf '%s\0%s\0' "$name" "$cmd"
done | xargs -0 -n 2 -P "$jobs" sh -c '
	name=$1 cmd=$2
	log="$LOGS/$(echo "$name" | tr / _).log"
	$cmd >"$log" 2>&1
	echo $? >"$log.status"' sh

passed=0 failed=0 skipped=0
for name in $(list | cut -f1); do
	log="$LOGS/$(echo "$name" | tr / _).log"
	status=$(cat "$log.status" 2>/dev/null || echo 127)
	p=$(grep -cE '^ok [0-9]+' "$log")
	s=$(grep -cE '^ok [0-9]+.*# *(SKIP|skip)' "$log")
	f=$(grep -cE '^not ok [0-9]+' "$log")
	p=$((p - s))
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name exited with status $status" >>"$log"
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	if [ "$f" -gt 0 ]; then
		echo "FAIL $name ($p passed, $f failed); log: $log"
		grep -E '^not ok' "$log" | head -n 20 | sed 's/^/    /'
		tail -n 30 "$log" | grep -vE '^(ok|not ok) ' | sed 's/^/    | /'
	elif [ "$s" -gt 0 ]; then
		echo "ok   $name ($p passed, $s skipped)"
	else
		echo "ok   $name ($p passed)"
	fi
done

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
