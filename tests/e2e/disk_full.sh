# A full disk (RLIMIT_FSIZE, DESIGN.md section 8: CI runs as root, so
# chmod cannot make a store read-only): a clear error, exit 6, nothing lost.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || exit 1
e2e_client a xa-nam-son.cb01.taichinh || { not_ok "login and first sync"; done_testing; exit 1; }
set -- $(e2e_cases due | head -1)
case1=$1 member1=$2
set -- $(e2e_cases due | sed -n 2p)
case2=$1 member2=$2

# full CMD...: run with files limited to 1 KiB; SIGXFSZ ignored, so a
# write past it fails with EFBIG as on a full disk.
full() { (trap '' XFSZ; ulimit -f 1; "$@"); }

run full pay "$case1" "$member1"
status_is "queuing on a full disk exits 6" 6
like "with a message a person understands" "$err" "disk is full"
run tc outbox
is "nothing was queued" "$out" ""

pay "$case2" "$member2" >/dev/null 2>&1
run full tc sync
status_is "a sync on a full disk exits 6" 6
like "and says why" "$err" "disk is full"
run tc outbox
like "the queued action is still there" "$out" " pay +$case2 "
is "and was not sent" "$(e2e_audit_count "$case2")" 0

run tc sync
status_is "with room again, sync exits 0" 0
is "the action is applied once" "$(e2e_audit_count "$case2")" 1
run pay "$case1" "$member1"
status_is "and queuing works again" 0

run full sh -c "printf '%s\n' '$DEMO_PW' | XDG_DATA_HOME='$T_TMP/data-z' '$TTHC' --config '$T_TMP/rc-a' login --user xa-nam-son.cb01.taichinh --password-stdin"
status_is "a login that cannot be saved exits 6" 6
done_testing
