# tthc --help, --version, unknown commands, exit codes.
. "$(dirname "$0")/../lib/tap.sh"

run "$TTHC" --version
status_is "--version exits 0" 0
like "--version names the program" "$out" '^tthc [0-9]+\.[0-9]+\.[0-9]+$'

run "$TTHC" --help
status_is "--help exits 0" 0
like "--help lists the text command" "$out" '^  text '

run "$TTHC" no-such-command
status_is "unknown command is a usage error" 2
like "unknown command is named" "$err" "unknown command 'no-such-command'"

run "$TTHC" text --help
status_is "text --help exits 0" 0
like "text --help lists normalize" "$out" 'normalize'

run env LANGUAGE=vi "$TTHC" no-such-command
like "Vietnamese is available" "$err" 'không'

run env -u LANGUAGE LC_ALL=C "$TTHC" no-such-command
like "Vietnamese is the default, without marks in a C locale" "$err" 'khong'

done_testing
