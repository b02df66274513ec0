# A member's own account (tied to him on the server) pays his own fee in
# his own name, offline first; another member's fee is refused to him.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"
. "$(dirname "$0")/../lib/client.sh"

e2e_server || exit 1
e2e_client a xa-nam-son.cb01.taichinh || { not_ok "staff logs in"; done_testing; exit 1; }
set -- $(e2e_cases due | head -1)
case1=$1 member1=$2
set -- $(e2e_cases due | awk -v m="$member1" '$2 != m' | head -1)
case2=$1
"$TTHCD" fixture --dir "$T_TMP/d" link xa-nam-son.cb01.dangvien "$member1" >/dev/null 2>&1 ||
	{ not_ok "the account is tied to the member"; done_testing; exit 1; }

CLIENT=m
e2e_client m xa-nam-son.cb01.dangvien || { not_ok "the member logs in"; done_testing; exit 1; }
run tc act pay "$case1" --field amount=50000 --field paid_on=2026-11-20 --field method=cash
status_is "the member pays his own fee in his own name" 0
run tc act pay "$case2" --field amount=50000 --field paid_on=2026-11-20 --field method=cash
status_is "another member's fee is refused to him" 1
like "as only the member himself may" "$err" "\[member-only\]"
run tc sync
like "his payment is applied" "$out" "^sync: 1 actions applied, 0 need attention"
is "once, on the server" "$(e2e_audit_count "$case1")" 1
is "recorded as his own act" \
   "$(sqlite3 "$T_TMP/d/tthcd.db" "SELECT actor || ' ' || coalesce(on_behalf_of, '-') FROM audit WHERE object = 'case:$case1' AND action = 'case.pay'")" \
   "xa-nam-son.cb01.dangvien -"
done_testing
