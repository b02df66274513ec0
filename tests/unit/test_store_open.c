/* core/store: the file name scheme, the file's mode, the pragmas and the
 * schema's migrations, on real files in a mkdtemp directory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "store/query.h"
#include "store/store.h"
#include "../support/store_fixture.h"

static void assert_name(const char *host, int port, const char *user, const char *want)
{
	struct tthc_err err = { 0 };
	char *name = store_file_name(host, port, user, &err);

	assert_non_null(name);
	assert_string_equal(name, want);
	free(name);
}

static void assert_no_name(const char *host, int port, const char *user, const char *where)
{
	struct tthc_err err = { 0 };

	assert_null(store_file_name(host, port, user, &err));
	assert_int_equal(err.code, TTHC_E_INVALID);
	assert_string_equal(err.where, where);
}

static void file_name_is_host_port_user(void **state)
{
	(void)state;
	assert_name("Tinh-Uy.Example.VN", 8443, "nguyen.an", "tinh-uy.example.vn_8443_nguyen.an.db");
}

static void file_name_cannot_leave_the_directory(void **state)
{
	(void)state;
	assert_name("../../etc", 443, "a/b", "%2E.%2F..%2Fetc_443_a%2Fb.db");
	assert_name("h", 443, ".hidden", "h_443_%2Ehidden.db");
	/* '_' is encoded, so the parts cannot run into each other. */
	assert_name("a_1", 2, "b", "a%5F1_2_b.db");
	assert_name("a", 1, "2_b", "a_1_2%5Fb.db");
	assert_name("[::1]", 443, "Đức", "%5B%3A%3A1%5D_443_%C4%90%E1%BB%A9c.db");
}

static void file_name_refuses_empty_parts_and_bad_ports(void **state)
{
	char long_user[200];

	(void)state;
	assert_no_name("", 443, "u", "host");
	assert_no_name("h", 443, "", "user");
	assert_no_name("h", 0, "u", "port");
	assert_no_name("h", 65536, "u", "port");
	memset(long_user, '/', sizeof long_user - 1);
	long_user[sizeof long_user - 1] = '\0';
	assert_no_name("h", 443, long_user, "");
}

static mode_t mode_of(const char *path)
{
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	return sb.st_mode & 07777;
}

static void open_creates_private_files_under_the_data_dir(void **state)
{
	char *dir = fx_tmpdir();
	char *data = fx_path(dir, "data");
	char *file = fx_path(dir, "data/tthc/example.vn_443_an.db");
	char *wal = fx_path(dir, "data/tthc/example.vn_443_an.db-wal");
	char *tdir = fx_path(dir, "data/tthc");
	struct tthc_err err = { 0 };
	struct store_status s;
	struct store *st;
	mode_t old = umask(0);          /* the modes must not come from the umask */

	(void)state;
	setenv("XDG_DATA_HOME", data, 1);
	st = store_open("Example.VN", 443, "an", &err);
	umask(old);
	assert_non_null(st);
	fx_seed_cases(st, 2);
	assert_int_equal(mode_of(file), 0600);
	assert_int_equal(mode_of(wal), 0600);
	assert_int_equal(mode_of(tdir), 0700);
	assert_int_equal(store_status(st, &s, &err), 0);
	assert_string_equal(s.server, "Example.VN:443");
	assert_string_equal(s.user, "an");
	store_status_free(&s);
	store_close(st);
	unsetenv("XDG_DATA_HOME");
	free(tdir);
	free(wal);
	free(file);
	free(data);
	fx_rmtree(dir);
}

static void new_store_is_wal_at_the_latest_schema(void **state)
{
	char *dir = fx_tmpdir(), *path = fx_path(dir, "t.db");
	struct tthc_err err = { 0 };
	struct store *st = fx_open(path);
	char *mode = fx_text(path, "PRAGMA journal_mode");

	(void)state;
	assert_true(store_schema_version >= 1);
	assert_int_equal(store_version(st, &err), store_schema_version);
	assert_int_equal(fx_count(path, "PRAGMA user_version"), store_schema_version);
	assert_string_equal(mode, "wal");
	free(mode);
	store_close(st);
	free(path);
	fx_rmtree(dir);
}

static void reopening_keeps_the_rows(void **state)
{
	char *dir = fx_tmpdir(), *path = fx_path(dir, "t.db");
	struct store *st = fx_open(path);
	struct store_case_query q = { .procedure = -1 };
	struct store_case_list l;
	struct tthc_err err = { 0 };

	(void)state;
	fx_seed_cases(st, 5);
	store_close(st);
	st = fx_open(path);
	assert_int_equal(store_cases(st, &q, &l, &err), 0);
	assert_int_equal(l.n, 5);
	store_case_list_free(&l);
	store_close(st);
	free(path);
	fx_rmtree(dir);
}

static void set_user_version(const char *path, int v)
{
	sqlite3 *db;
	char sql[64];

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", v);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void newer_schema_is_refused(void **state)
{
	char *dir = fx_tmpdir(), *path = fx_path(dir, "t.db");
	struct tthc_err err = { 0 };

	(void)state;
	store_close(fx_open(path));
	set_user_version(path, store_schema_version + 1);
	assert_null(store_open_path(path, &err));
	assert_int_equal(err.code, TTHC_E_REFUSED);
	assert_string_equal(err.where, path);
	assert_non_null(strstr(err.msg, "newer tthc"));
	/* Refused means untouched. */
	assert_int_equal(fx_count(path, "PRAGMA user_version"), store_schema_version + 1);
	free(path);
	fx_rmtree(dir);
}

static void older_schema_is_migrated(void **state)
{
	char *dir = fx_tmpdir(), *path = fx_path(dir, "t.db");
	sqlite3 *db;

	(void)state;
	/* A file at version 0 (as a crash before the first migration
	 * committed would leave it) is brought up to date. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_close(db);
	store_close(fx_open(path));
	assert_int_equal(fx_count(path, "PRAGMA user_version"), store_schema_version);
	assert_int_equal(fx_count(path, "SELECT count(*) FROM sqlite_master WHERE name = 'outbox'"), 1);
	free(path);
	fx_rmtree(dir);
}

static void a_file_that_is_not_a_database_is_refused(void **state)
{
	char *dir = fx_tmpdir(), *path = fx_path(dir, "t.db");
	struct tthc_err err = { 0 };
	FILE *f = fopen(path, "w");

	(void)state;
	assert_non_null(f);
	fputs("this is a letter, not a database; it is long enough to have a header\n", f);
	fclose(f);
	assert_null(store_open_path(path, &err));
	assert_int_equal(err.code, TTHC_E_IO);
	assert_string_equal(err.msg, "this file is not a tthc database");
	free(path);
	fx_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(file_name_is_host_port_user),
		cmocka_unit_test(file_name_cannot_leave_the_directory),
		cmocka_unit_test(file_name_refuses_empty_parts_and_bad_ports),
		cmocka_unit_test(open_creates_private_files_under_the_data_dir),
		cmocka_unit_test(new_store_is_wal_at_the_latest_schema),
		cmocka_unit_test(reopening_keeps_the_rows),
		cmocka_unit_test(newer_schema_is_refused),
		cmocka_unit_test(older_schema_is_migrated),
		cmocka_unit_test(a_file_that_is_not_a_database_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
