# POST /api/v1/orgs over real HTTPS: a new organisation under a parent in
# the caller's administration scope, strict input with paths, the audit
# entry, and the role table.
. "$(dirname "$0")/../lib/orgtree.sh"
tree_serve

org() {  # org CODE PARENT [TYPE]
	printf '{"code":"%s","name":"Chi bộ thôn Bắc","type":"%s","parent":"%s"}' "$1" "${3:-sub-branch}" "$2"
}

as qt
api POST /orgs "$(org cb4 xa1)"
is "an admin adds a branch in its subtree" "$code" 201
is "and gets it back" "$(jget '$.org.code') $(jget '$.org.parent') $(jget '$.org.type')" "cb4 xa1 sub-branch"
is "named as sent" "$(jget '$.org.name')" "Chi bộ thôn Bắc"
api GET /orgs
like "which GET /orgs now lists" "$body" '"code":"cb4","name":"Chi bộ thôn Bắc","type":"sub-branch","parent":"xa1"'
api POST /orgs "$(org db1 xa1 sub-committee)"
is "a sub-committee too" "$code" 201
api POST /orgs "$(org cb6 db1)"
is "and a branch below what it added" "$code" 201
api POST /orgs "$(org cb9 xa2)"
is "but not under another commune" "$code|$(jget '$.error.code')" "403|forbidden"
api POST /orgs "$(org cb9 province)"
is "nor under the province above it" "$code" 403

while IFS='|' read -r what json want path; do
	api POST /orgs "$json"
	is "$what" "$code|$(jget '$.error.path')" "$want|$path"
done <<EOF2
a taken code|$(org cb4 xa1)|409|code
an unknown parent|$(org cb9 nowhere)|404|parent.nowhere
an unknown type|$(org cb9 xa1 village)|400|type
an upper-case code|$(org CB9 xa1)|400|code
a missing parent|{"code":"cb9","name":"A","type":"sub-branch"}|400|parent
an unknown field|{"code":"cb9","name":"A","type":"sub-branch","parent":"xa1","x":1}|400|x
an empty name|{"code":"cb9","name":"","type":"sub-branch","parent":"xa1"}|400|name
a second province|$(org cb9 xa1 province)|400|type
a commune under a commune|$(org cb9 xa1 base-committee)|400|type
a branch under a branch|$(org cb9 cb1)|400|type
EOF2

is "each new organisation is in the audit log" \
	"$(sqlite3 "$sd/tthcd.db" "SELECT group_concat(object, ' ') FROM audit WHERE action = 'org.add' AND actor = 'qt'")" \
	"org:cb4 org:db1 org:cb6"
run "$TTHCD" verify-audit --dir "$sd"
status_is "the audit chain verifies" 0

# Only administrators add organisations (a branch under xa1, in scope).
n=0
for pair in $TREE_ROLES; do
	who=${pair%%:*}
	n=$((n + 1))
	as "$who"
	api POST /orgs "$(org "r$n" xa1)"
	if [ "$who" = qt ]; then want=201; else want=403; fi
	is "roles: $who adds under xa1" "$code" "$want"
done
done_testing
