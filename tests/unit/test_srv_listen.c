/* server/listen.c and the HTTP status of each error code. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <cmocka.h>

#include "../server/http.h"
#include "../server/listen.h"

static void ipv4_and_ipv6_addresses_parse(void **state)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;

	(void)state;
	assert_int_equal(listen_parse("127.0.0.1:8443", &ss, NULL), 0);
	assert_int_equal(v4->sin_family, AF_INET);
	assert_int_equal(ntohs(v4->sin_port), 8443);
	assert_int_equal(ntohl(v4->sin_addr.s_addr), 0x7f000001);
	assert_int_equal(listen_parse("[::1]:0", &ss, NULL), 0);
	assert_int_equal(v6->sin6_family, AF_INET6);
	assert_int_equal(ntohs(v6->sin6_port), 0);
	assert_true(IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr));
}

static void bad_addresses_are_usage_errors(void **state)
{
	static const char *bad[] = { "127.0.0.1", "localhost:8443", "127.0.0.1:", "127.0.0.1:x",
				     "127.0.0.1:65536", "127.0.0.1:-1", "::1:8443", "[::1]",
				     "[::1:8443", ":8443", "" };
	struct sockaddr_storage ss;
	struct tthc_err e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&e, 0, sizeof e);
		if (listen_parse(bad[i], &ss, &e) != -1 || e.code != TTHC_E_USAGE)
			fail_msg("'%s' was accepted", bad[i]);
	}
}

static void error_codes_map_to_statuses(void **state)
{
	(void)state;
	assert_int_equal(http_status_of(TTHC_E_NOT_NFC), 400);
	assert_int_equal(http_status_of(TTHC_E_UNKNOWN_FIELD), 400);
	assert_int_equal(http_status_of(TTHC_E_AUTH), 401);
	assert_int_equal(http_status_of(TTHC_E_UNAUTHENTICATED), 401);
	assert_int_equal(http_status_of(TTHC_E_FORBIDDEN), 403);
	assert_int_equal(http_status_of(TTHC_E_ACCOUNT_REVOKED), 403);
	assert_int_equal(http_status_of(TTHC_E_NOT_FOUND), 404);
	assert_int_equal(http_status_of(TTHC_E_CONFLICT), 409);
	assert_int_equal(http_status_of(TTHC_E_LOCKED_OUT), 429);
	assert_int_equal(http_status_of(TTHC_E_DB), 500);
	assert_int_equal(http_status_of(TTHC_E_NOMEM), 500);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ipv4_and_ipv6_addresses_parse),
		cmocka_unit_test(bad_addresses_are_usage_errors),
		cmocka_unit_test(error_codes_map_to_statuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
