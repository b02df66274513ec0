# /api/v1/orgs/CODE/bank-accounts over real HTTPS: list, create, replace
# with a base version, strict input with paths, and the role table.
. "$(dirname "$0")/../lib/orgtree.sh"
tree_serve

account() {  # account ID ORG NUMBER [EXTRA-FIELDS]
	printf '{"id":"%s","org":"%s","bank":"Ngân hàng Nông nghiệp","number":"%s",' "$1" "$2" "$3"
	printf '"holder":"Đảng ủy xã Một"%s}' "${4:-}"
}

as tc
api GET /orgs/cb1/bank-accounts
is "an organisation without accounts lists none" "$code|$(jlen '$.bank_accounts')" "200|0"
api POST /orgs/cb1/bank-accounts "$(account tk1 cb1 3700205123456)"
is "the finance officer adds one" "$code|$(jget '$.version')|$(jget '$.bank_account.number')" \
	"201|1|3700205123456"
api POST /orgs/cb1/bank-accounts "$(account tk2 cb1 3700205000002)"
api GET /orgs/cb1/bank-accounts
is "the list holds both, by id" "$(jget '$.bank_accounts[0].bank_account.id') $(jget '$.bank_accounts[1].bank_account.id')" "tk1 tk2"
is "with their versions" "$(jget '$.bank_accounts[1].version')" 1
api GET /orgs/cb2/bank-accounts
is "another organisation's list is its own" "$(jlen '$.bank_accounts')" 0

api POST /orgs/cb1/bank-accounts "$(account tk1 cb1 1)"
is "a taken id is a conflict" "$code|$(jget '$.error.path')" "409|id"
api POST /orgs/cb1/bank-accounts "$(account tk3 cb2 1)"
is "the body's org must be the path's" "$code|$(jget '$.error.path')" "400|org"
api POST /orgs/nowhere/bank-accounts "$(account tk3 nowhere 1)"
is "an unknown organisation is not found" "$code" 404
while IFS='|' read -r what json path; do
	api POST /orgs/cb1/bank-accounts "$json"
	is "$what" "$code|$(jget '$.error.path')" "400|$path"
done <<EOF2
an unknown field|$(account tk3 cb1 1 ',"iban":"x"')|iban
a number with a space|$(account tk3 cb1 "12 34")|number
a number past 34 characters|$(account tk3 cb1 12345678901234567890123456789012345)|number
a missing holder|{"id":"tk3","org":"cb1","bank":"B","number":"1"}|holder
an empty bank name|{"id":"tk3","org":"cb1","bank":"","number":"1","holder":"H"}|bank
EOF2

api PUT /orgs/cb1/bank-accounts/tk1 "{\"base_version\":1,\"bank_account\":$(account tk1 cb1 3700205999999)}"
is "put replaces it" "$code|$(jget '$.version')|$(jget '$.bank_account.number')" "200|2|3700205999999"
api PUT /orgs/cb1/bank-accounts/tk1 "{\"base_version\":1,\"bank_account\":$(account tk1 cb1 1)}"
is "a stale put is a conflict" "$code|$(jget '$.error.path')" "409|base_version"
is "with the account as it stands" "$(jget '$.current.version')|$(jget '$.current.bank_account.number')" \
	"2|3700205999999"
api PUT /orgs/cb1/bank-accounts/tk1 "{\"base_version\":2,\"bank_account\":$(account tk1 cb2 1)}"
is "an account cannot move to another organisation" "$code|$(jget '$.error.path')" "400|bank_account.org"
api PUT /orgs/cb1/bank-accounts/tk9 "{\"base_version\":1,\"bank_account\":$(account tk9 cb1 1)}"
is "put on an unknown account is not found" "$code" 404
api PUT /orgs/cb2/bank-accounts/tk1 "{\"base_version\":2,\"bank_account\":$(account tk1 cb2 1)}"
is "nor through another organisation's path" "$code" 404

is "audit entries" "$(sqlite3 "$db" "SELECT group_concat(action || ':' || after_version, ' ') FROM audit WHERE object = 'bank-account:tk1'")" \
	"bank-account.add:1 bank-account.update:2"
is "change rows at the organisation" "$(sqlite3 "$db" "SELECT c.version || ' ' || o.code FROM changes c JOIN orgs o ON o.id = c.org_after WHERE c.kind = 'bank-account' AND c.code = 'tk1'")" "2 cb1"

# Roles, in scope (cb1) and out of it (cb3): list, create, put.
as admin
api POST /orgs/cb3/bank-accounts "$(account tk30 cb3 30)"
is "the province's admin writes anywhere" "$code" 201
while read -r who l_in l_out c_in c_out p_in; do
	as "$who"
	api GET /orgs/cb1/bank-accounts; got=$code
	api GET /orgs/cb3/bank-accounts; got="$got $code"
	api POST /orgs/cb1/bank-accounts "$(account "n-$who" cb1 1)"; got="$got $code"
	api POST /orgs/cb3/bank-accounts "$(account "o-$who" cb3 1)"; got="$got $code"
	v=$(sqlite3 "$db" "SELECT version FROM bank_accounts WHERE code = 'tk2'")
	api PUT /orgs/cb1/bank-accounts/tk2 "{\"base_version\":$v,\"bank_account\":$(account tk2 cb1 "$who")}"
	got="$got $code"
	is "roles: $who" "$got" "$l_in $l_out $c_in $c_out $p_in"
done <<EOF2
qt  200 403 201 403 200
tc  200 403 201 403 200
bt  200 403 403 403 403
pbt 200 403 403 403 403
uv  200 403 403 403 403
vt  403 403 403 403 403
pc  403 403 403 403 403
dv  403 403 403 403 403
EOF2
done_testing
