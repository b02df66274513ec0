#!/bin/sh
# Run each benchmark binary given (and bench/*.sh scripts); each prints its
# own figures, always as a ratio to a baseline measured in the same run.
set -u
cd "$(dirname "$0")/.." || exit 2
export LANGUAGE=en
status=0
for b in "$@" bench/*.sh; do
	[ -e "$b" ] || continue
	echo "== $(basename "$b")"
	case "$b" in
	*.sh) sh "$b" || status=1 ;;
	*) "$b" || status=1 ;;
	esac
done
exit $status
