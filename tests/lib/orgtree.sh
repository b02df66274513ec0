# A small organisation tree with one account per role, for the tables of
# role checks (docs/API.md "Roles and scope").  Sourcing it sources tap.sh
# and server.sh too:
#
#   . "$(dirname "$0")/../lib/orgtree.sh"
#   tree_serve                 # $sd, $db: init, the tree, the accounts; serve
#   as tc                      # log in as the finance officer of xa1
#   jget '$.total.members'     # a value of the last answer ($T_TMP/body)
#
#   province ─ xa1 (base-committee) ─ cb1, cb2 (sub-branch)
#            └ xa2 (base-committee) ─ cb3 (sub-branch)
#
# Accounts (all active, password "password-NAME"), each with one role at xa1:
# qt admin, bt secretary, pbt deputy-secretary, uv committee-member,
# tc finance, vt clerk, pc assigned-staff, dv member.  So cb1 and cb2 are in
# their scope and cb3 is not.

. "$(dirname "${BASH_SOURCE[0]}")/tap.sh"
. "$(dirname "${BASH_SOURCE[0]}")/server.sh"

TREE_ROLES="qt:admin bt:secretary pbt:deputy-secretary uv:committee-member tc:finance
vt:clerk pc:assigned-staff dv:member"
declare -A TREE_TOKEN

tree_init() {  # tree_init DIR
	local dir=$1 pair
	srv_init "$dir"
	tree_org "$dir" xa1 "Đảng bộ xã Một" base-committee province
	tree_org "$dir" xa2 "Đảng bộ xã Hai" base-committee province
	tree_org "$dir" cb1 "Chi bộ thôn Đông" sub-branch xa1
	tree_org "$dir" cb2 "Chi bộ thôn Tây" sub-branch xa1
	tree_org "$dir" cb3 "Chi bộ thôn Nam" sub-branch xa2
	for pair in $TREE_ROLES; do
		printf 'password-%s\n' "${pair%%:*}" | "$TTHCD" user add --dir "$dir" \
			--name "${pair%%:*}" --role "${pair#*:}" --org xa1 --active >/dev/null
	done
}

tree_serve() {  # the tree in sd=$T_TMP/srv (database: $db), served
	sd="$T_TMP/srv"
	db="$sd/tthcd.db"
	tree_init "$sd" && srv_start "$sd"
}

tree_org() {  # tree_org DIR CODE NAME TYPE PARENT
	"$TTHCD" org add --dir "$1" --code "$2" --name "$3" --type "$4" --parent "$5"
}

as() {  # as NAME: the token of NAME (logged in once), or of admin
	if [ -z "${TREE_TOKEN[$1]:-}" ]; then
		if [ "$1" = admin ]; then login admin "$ADMIN_PW"; else login "$1" "password-$1"; fi
		TREE_TOKEN[$1]=$TOKEN
	fi
	TOKEN=${TREE_TOKEN[$1]}
}

jlen() {  # jlen JSON-PATH: the length of that array of the last answer
	sqlite3 :memory: "SELECT json_array_length(readfile('$T_TMP/body'), '$1')"
}

jget() {  # jget JSON-PATH: that value of the last answer, by SQLite's JSON functions
	sqlite3 :memory: "SELECT json_extract(readfile('$T_TMP/body'), '$1')"
}
