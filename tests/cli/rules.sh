# tthc rules: the procedure tables as text and as Graphviz.
. "$(dirname "$0")/../lib/tap.sh"

run "$TTHC" rules show official-transfer
status_is "show exits 0" 0
like "names the procedure" "$out" "^Official transfer \\(official-transfer\\)"
like "cites the regulation" "$out" "Source: QĐ 294-QĐ/TW"
like "lists states" "$out" "^  receiving-incomplete +Returned as incomplete by the receiving"
like "lists transitions" "$out" "^    filed, reviewed -> rejected$"
like "says who and where" "$out" "who: Secretary, Deputy secretary in the sending organisation"
like "says who may act for the member" "$out" "who: the member himself; on his behalf: Secretary, Deputy secretary, Clerk, Assigned staff in the receiving organisation"
like "lists fields" "$out" "fixes +Every fix the dossier needs; required: list of 1-50 texts"
like "gives the 60-day deadline" "$out" "deadline: 60 working days: official-transfer request after the decision"
like "gives the 8-hour deadline" "$out" "deadline: 8 working hours: incomplete-dossier notice"

run "$TTHC" rules show temporary-transfer
like "gives the duration limits" "$out" "study: 3 to 24 months"

run "$TTHC" rules show residence-comment
like "the ethics grades" "$out" "exemplary \\(Exemplary\\), ordinary \\(Ordinary\\), not-exemplary \\(Not exemplary\\)"

run "$TTHC" rules show
status_is "show without a procedure exits 0" 0
for p in fee residence-comment official-transfer temporary-transfer account; do
	like "show without a procedure includes $p" "$out" "\\($p\\)$"
done

LANGUAGE=vi run "$TTHC" rules show fee
like "Vietnamese by default" "$out" "^Thu, nộp đảng phí \\(fee\\)"
like "translated states" "$out" "settled +Cấp trên đã nhận"

run "$TTHC" rules show congress
status_is "an unknown procedure exits 1" 1
is "and says so" "$err" "tthc: unknown procedure 'congress'"

run "$TTHC" rules show fee account
status_is "two procedures is a usage error" 2
run "$TTHC" rules
status_is "no subcommand is a usage error" 2
run "$TTHC" rules dot
status_is "dot without a procedure is a usage error" 2
run "$TTHC" rules show --bogus
status_is "an unknown option is a usage error" 2
run "$TTHC" rules --help
status_is "--help exits 0" 0
like "--help shows the usage" "$out" "Usage: tthc rules show \\[PROCEDURE\\]"

# The Graphviz output: every line is one of the few forms we write, and
# every edge joins declared nodes.  `dot` itself checks it when installed.
check_dot() {  # check_dot PROCEDURE
	local p=$1 bad nodes missing
	run "$TTHC" rules dot "$p"
	status_is "dot $p exits 0" 0
	bad=$(printf '%s\n' "$out" | grep -vE \
		-e '^digraph "[a-z-]+" \{$' -e '^	rankdir=LR;$' -e '^	node \[shape=box\];$' \
		-e '^	"[a-z-]+" \[label="([^"\\]|\\.)*"\];$' \
		-e '^	"[a-z-]+" -> "[a-z-]+" \[label="[a-z-]+"\];$' -e '^\}$')
	is "dot $p: every line is well-formed" "$bad" ""
	nodes=$(printf '%s\n' "$out" | sed -nE 's/^	"([a-z-]+)" \[label=.*/\1/p' | sort -u)
	missing=$(printf '%s\n' "$out" | sed -nE 's/^	"([a-z-]+)" -> "([a-z-]+)".*/\1\n\2/p' |
		sort -u | comm -23 - <(printf '%s\n' "$nodes"))
	is "dot $p: edges join declared nodes" "$missing" ""
	if command -v dot >/dev/null 2>&1; then
		printf '%s\n' "$out" | dot -Tsvg >/dev/null 2>"$T_TMP/dot.err"
		is "dot $p: Graphviz accepts it" "$?" "0"
	fi
}
for p in fee residence-comment official-transfer temporary-transfer account; do
	check_dot "$p"
done

run "$TTHC" rules dot official-transfer
like "an edge per transition" "$out" '	"presented" -> "receiving-incomplete" \[label="return-incomplete"\];'
like "an unchanged state loops" "$(LANGUAGE=en "$TTHC" rules dot temporary-transfer)" \
	'	"active" -> "active" \[label="extend"\];'
run "$TTHC" rules dot nothing
status_is "dot of an unknown procedure exits 1" 1

done_testing
