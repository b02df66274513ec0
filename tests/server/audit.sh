# The audit log: edits, deletions and reorderings found by the chain; a cut
# tail and a recomputed chain found by the signature of the head.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/server.sh"

base="$T_TMP/base"
srv_init "$base"
for i in 1 2 3; do
	"$TTHCD" org add --dir "$base" --code "xa$i" --name "Đảng bộ xã $i" \
		--type base-committee --parent province
done
run "$TTHCD" verify-audit --dir "$base"
status_is "an untouched log verifies" 0
is "and counts its entries" "$out" "audit ok: 5 entries"
run "$TTHCD" audit-head --dir "$base"
like "audit-head prints the signed head" "$out" $'^seq 5\nhash [0-9a-f]{64}\nsigned_at [0-9T:-]+Z\nsignature [0-9a-f]{128}\npublic_key [0-9a-f]{64}$'
is "whose public key is the one in audit.pub" "$(sed -n 's/^public_key //p' <<<"$out")" \
	"$(cat "$base/audit.pub")"

run sqlite3 "$base/tthcd.db" "UPDATE audit SET actor = 'mallory' WHERE seq = 3"
like "the database itself refuses updates of the log" "$err" 'append-only'

# Each case works on a copy, with the guard triggers dropped as an
# attacker with the file would.
tamper() {  # tamper NAME SQL
	rm -rf "$T_TMP/t"
	cp -r "$base" "$T_TMP/t"
	sqlite3 "$T_TMP/t/tthcd.db" \
		"DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; $2"
	run "$TTHCD" verify-audit --dir "$T_TMP/t"
}
tamper edit "UPDATE audit SET actor = 'mallory' WHERE seq = 3"
status_is "an edited entry fails verification" 1
is "naming it" "$out" "audit BROKEN: entry 3 was changed: its hash does not match its content"

tamper details "UPDATE audit SET details = '{}' WHERE seq = 2"
is "an edit of the details is found too" "$out" \
	"audit BROKEN: entry 2 was changed: its hash does not match its content"

tamper delete "DELETE FROM audit WHERE seq = 2"
status_is "a deleted entry fails verification" 1
is "naming the missing one" "$out" "audit BROKEN: entry 2 is missing"

tamper reorder "UPDATE audit SET seq = -seq WHERE seq IN (3, 4);
	UPDATE audit SET seq = 4 WHERE seq = -3; UPDATE audit SET seq = 3 WHERE seq = -4"
status_is "reordered entries fail verification" 1
is "naming the first out of place" "$out" \
	"audit BROKEN: entry 3 does not follow the entry before it (deleted or reordered entries)"

tamper cut "DELETE FROM audit WHERE seq >= 4"
status_is "a cut tail fails verification" 1
is "found through the signed head" "$out" \
	"audit BROKEN: entry 4 is missing: the signed head is at entry 5 (the tail was cut)"

# A forger who recomputes every hash after an edit, and moves the head to
# match, still cannot sign it.
rm -rf "$T_TMP/t"
cp -r "$base" "$T_TMP/t"
sqlite3 "$T_TMP/t/tthcd.db" "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;
	DELETE FROM audit WHERE seq = 5"
run "$TTHCD" verify-audit --dir "$T_TMP/t"
status_is "a tail cut with no head update is found" 1
head_hash=$(sqlite3 "$T_TMP/t/tthcd.db" "SELECT hash FROM audit WHERE seq = 4")
sqlite3 "$T_TMP/t/tthcd.db" "UPDATE audit_head SET seq = 4, hash = '$head_hash'"
run "$TTHCD" verify-audit --dir "$T_TMP/t"
status_is "moving the head onto the cut chain fails" 1
is "because the signature no longer verifies" "$out" \
	"audit BROKEN: the signature of the head does not verify (the chain was rewritten)"

tamper nohead "DELETE FROM audit_head"
status_is "a missing head fails verification" 1
is "and says so" "$out" "audit BROKEN: the signed head is missing"

# Signed by another key: a different audit.key is not this server's.
rm -rf "$T_TMP/t"
cp -r "$base" "$T_TMP/t"
srv_init "$T_TMP/other"
cp "$T_TMP/other/audit.key" "$T_TMP/t/audit.key"
run "$TTHCD" verify-audit --dir "$T_TMP/t"
status_is "a head signed by another key fails verification" 1

done_testing
