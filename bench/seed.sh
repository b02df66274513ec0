#!/bin/sh
# tthcd seed: time for 10,000 and 100,000 members (issue 5's goal: 100,000
# in under a minute), members and rows per second, and as the baseline a
# bare sqlite3 loop inserting the same number of rows (one INSERT statement
# each, WAL, synchronous=FULL as tthcd runs) in the same number of
# transactions.  The demo password is hashed at the real argon2id cost.
set -u
cd "$(dirname "$0")/.." || exit 2
export LANGUAGE=en      # the summary line is parsed
make --no-print-directory build/tthcd >/dev/null || exit 1
TTHCD=build/tthcd
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tthc-bench-seed.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }

# Every row seed writes, in every table it writes to.
rows() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM orgs) + (SELECT count(*) FROM accounts)
		+ (SELECT count(*) FROM account_roles) + (SELECT count(*) FROM members)
		+ (SELECT count(*) FROM cases) + (SELECT count(*) FROM case_orgs)
		+ (SELECT count(*) FROM fee_periods) + (SELECT count(*) FROM payments)
		+ (SELECT count(*) FROM bank_accounts)
		+ (SELECT count(*) FROM changes) + (SELECT count(*) FROM change_orgs)
		+ (SELECT count(*) FROM audit)"
}

# baseline ROWS TRANSACTIONS: seconds for sqlite3 to insert ROWS rows of a
# member-sized body, each by its own INSERT statement.
baseline() {
	db="$tmp/base.db"
	rm -f "$db" "$db-wal" "$db-shm"
	sqlite3 "$db" 'PRAGMA journal_mode = WAL' \
		'CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,
		 org_id INTEGER NOT NULL, body TEXT NOT NULL, version INTEGER NOT NULL)' >/dev/null
	awk -v n="$1" -v tx="$2" 'BEGIN {
		print "PRAGMA synchronous = FULL;"
		per = int((n + tx - 1) / tx)
		for (i = 0; i < n; i++) {
			if (i % per == 0) print (i ? "COMMIT;" : "") "BEGIN;"
			printf "INSERT INTO t (code, org_id, body, version) VALUES " \
			       "(%cm%07d%c, %d, %c{\"id\":\"m%07d\",\"name\":\"Nguyễn Văn An\"," \
			       "\"category\":\"salary\",\"base\":8000000}%c, 1);\n",
			       39, i, 39, i % 2000, 39, i, 39
		}
		print "COMMIT;"
	}' >"$tmp/base.sql"
	t0=$(now)
	sqlite3 "$db" <"$tmp/base.sql"
	t1=$(now)
	echo "$t1 - $t0" | bc -l
}

for n in 10000 100000; do
	d="$tmp/d$n"
	printf 'bench-admin-password\n' | "$TTHCD" init --dir "$d" >/dev/null || exit 1
	t0=$(now)
	"$TTHCD" seed --dir "$d" --members "$n" --seed 1 >"$tmp/out" || exit 1
	t1=$(now)
	secs=$(echo "$t1 - $t0" | bc -l)
	nrows=$(rows "$d/tthcd.db")
	ntx=$(sed -n 's/.*, \([0-9]*\) transaction.*/\1/p' "$tmp/out")
	rm -rf "$d"
	base=$(baseline "$nrows" "$ntx")
	rm -f "$tmp/base.db" "$tmp/base.db-wal" "$tmp/base.sql"
	printf 'seed --members %d: %.2f s, %.0f members/s, %d rows in %d transaction(s), %.0f rows/s\n' \
		"$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$nrows" "$ntx" \
		"$(echo "$nrows / $secs" | bc -l)"
	printf '  baseline (bare sqlite3, same rows and transactions): %.2f s, %.0f rows/s\n' \
		"$base" "$(echo "$nrows / $base" | bc -l)"
	printf '  ratio seed/baseline rows per second: %.2f\n' "$(echo "$base / $secs" | bc -l)"
done
echo "goal: --members 100000 in under 60 s"
