#!/bin/sh
# Install the Debian 12 packages that tthc needs to build and test.
# Idempotent and quiet when everything is present; needs no TTY.
# The list is DESIGN.md section 2's; keep the two in step.
set -eu

PACKAGES="
build-essential pkg-config gettext
libncurses-dev libcurl4-openssl-dev libcjson-dev libsqlite3-dev libutf8proc-dev
libmicrohttpd-dev libgnutls28-dev zlib1g-dev libsodium-dev libcmocka-dev
tmux openssl sqlite3 unicode-data bzip2 ca-certificates curl jq
"

missing=""
for p in $PACKAGES; do
	# dpkg reports only real packages; `ncurses-dev` is a virtual name and
	# would look missing for ever, which is why the list says libncurses-dev.
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done

[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO="sudo"
	else
		echo "install-deps: these packages are missing and I am not root:$missing" >&2
		exit 1
	fi
else
	SUDO=""
fi

export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq >/dev/null; then
	echo "install-deps: apt-get update failed; check the network or the apt sources" >&2
	exit 1
fi
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
	echo "install-deps: apt-get could not install:$missing" >&2
	echo "install-deps: run 'apt-get install$missing' by hand to see why" >&2
	exit 1
fi
