# SIGKILL at every fault point of queuing an action, of pushing a batch and
# of pulling a page (core/util/fault.h; the asan build compiles them in),
# then a restart and a sync: the server holds each action exactly once and
# the outbox is empty.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || exit 1
e2e_client a tinh.taichinh || { not_ok "client a logs in"; done_testing; exit 1; }
e2e_client b xa-nam-son.taichinh || { not_ok "client b logs in"; done_testing; exit 1; }
# a acts on cases outside b's scope, b on its own: they never meet except
# where the test wants a conflict.
CLIENT=b e2e_cases due >"$T_TMP/due-b"
CLIENT=a e2e_cases due | grep -v -F -f "$T_TMP/due-b" >"$T_TMP/due-a"
kills=0

# next_case: the next due case no one has touched, as "ID MEMBER" in $next
# (not printed: a $(...) subshell would not count it as used).
used=0
next_case() {
	used=$((used + 1))
	next=$(sed -n "${used}p" "$T_TMP/due-a")
}
used_b=0
next_case_b() {
	used_b=$((used_b + 1))
	next=$(sed -n "${used_b}p" "$T_TMP/due-b")
}

killed() {  # killed POINT: $status says the process died by SIGKILL there
	if [ "$status" = 137 ]; then ok "$1: killed there"; kills=$((kills + 1))
	else not_ok "$1: killed there" "status $status" "$err"; fi
}

outbox_count() { tc outbox | grep -c ' pay ' ; }

CLIENT=a
for p in store.queue.after-begin store.queue.after-insert store.queue.after-mark \
	 store.queue.before-commit store.queue.after-commit; do
	next_case; set -- $next
	TTHC_FAULT=$p run pay "$1" "$2"
	killed "$p"
	queued=$(outbox_count)
	case $p in
	*after-commit) is "$p: the committed action is queued" "$queued" 1 ;;
	*) is "$p: nothing half-queued" "$queued" 0 ;;
	esac
	run tc sync
	status_is "$p: sync after the kill exits 0" 0
	is "$p: the server holds the action as often as it was queued" "$(e2e_audit_count "$1")" "$queued"
	is "$p: the outbox is empty" "$(outbox_count)" 0
done

for p in store.take.after-mark store.take.after-commit sync.push.after-take \
	 sync.push.after-send sync.push.answered store.push.after-remove store.push.after-case \
	 store.push.before-commit store.push.after-commit; do
	next_case; set -- $next
	run pay "$1" "$2"
	is "$p: queued" "$(outbox_count)" 1
	TTHC_FAULT=$p run tc sync
	killed "$p"
	run tc sync
	status_is "$p: sync after the kill exits 0" 0
	is "$p: the server holds the action exactly once" "$(e2e_audit_count "$1")" 1
	is "$p: the outbox is empty" "$(outbox_count)" 0
	is "$p: the local copy shows the case paid" \
	   "$(tc cases --json | grep -o "\"id\":\"$1\",[^}]*\"state\":\"paid\"" | wc -l)" 1
done

# A conflict answered: killed while it moves to the needs-attention list.
next_case_b; set -- $next
CLIENT=b; pay "$1" "$2" >/dev/null 2>&1
CLIENT=a; pay "$1" "$2" >/dev/null 2>&1; tc sync >/dev/null 2>&1
CLIENT=b
p=store.push.after-attention
TTHC_FAULT=$p run tc sync
killed "$p"
run tc sync
status_is "$p: sync after the kill exits 0" 0
is "$p: the server holds the first action only" "$(e2e_audit_count "$1")" 1
is "$p: the conflict is listed once" "$(tc conflicts | grep -c " conflict ")" 1
is "$p: the outbox is empty" "$(outbox_count)" 0

# Pulling: b changes a case a sees; a is killed while taking the page in.
for p in sync.pull.answered store.page.after-row store.page.after-markers \
	 store.page.after-cursor store.page.after-commit; do
	next_case_b; set -- $next
	CLIENT=b; pay "$1" "$2" >/dev/null 2>&1; tc sync >/dev/null 2>&1
	CLIENT=a
	TTHC_FAULT=$p run tc sync --pull-only
	killed "$p"
	run tc sync
	status_is "$p: sync after the kill exits 0" 0
	is "$p: the pulled change is in the local copy" \
	   "$(tc cases --json | grep -o "\"id\":\"$1\",[^}]*\"state\":\"paid\"" | wc -l)" 1
done
echo "# $kills kill points, each reached and survived"
is "every kill point was reached" "$kills" 20
done_testing
