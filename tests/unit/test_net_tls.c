/* core/net trust: verification always on, ca-file, host names, expiry, and
 * the pin as an extra check, against real TLS servers with a PKI the test
 * makes with the openssl CLI (tests/lib/make-test-pki.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "config/config.h"
#include "net/net.h"
#include "../support/net_fixture.h"
#include "util/i18n.h"

static void refused(struct test_server *srv, const char *host, const char *ca, const char *pin,
		    enum net_class cls, const char *advice)
{
	struct net_target t;
	struct net_call k;

	net_target(&t, host, test_server_port(srv), ca);
	t.o.pin = pin;
	net_call(&k, &t.o, NET_GET, "/echo", NULL, 0, NULL);
	net_expect(k.res, cls);
	assert_int_equal(k.rc, -1);
	/* Refused during the handshake: the request never left. */
	assert_int_equal(k.res->sent, NET_SENT_NO);
	assert_int_equal(k.res->status, 0);
	assert_int_equal(k.err.code, TTHC_E_TLS);
	if (!strstr(k.err.msg, advice))
		fail_msg("message '%s' lacks '%s'", k.err.msg, advice);
	/* curl's own words follow the advice, for the IT office. */
	assert_true(k.res->detail[0] != '\0');
	assert_non_null(strstr(k.err.msg, k.res->detail));
	assert_non_null(strstr(k.err.where, t.url));
	net_call_end(&k);
}

static void good_certificate_with_ca_file_is_accepted(void **state)
{
	struct net_target t;
	struct net_call k;

	(void)state;
	net_target(&t, "127.0.0.1", test_server_port(NF.good), NF.ca);
	net_call(&k, &t.o, NET_GET, "/echo", NULL, 0, NULL);
	net_expect(k.res, NET_OK);
	assert_int_equal(k.rc, 0);
	assert_int_equal(k.res->status, 200);
	assert_int_equal(k.res->sent, NET_SENT_YES);
	assert_non_null(strstr(k.res->body, "\"method\":\"GET\""));
	net_call_end(&k);
	/* The name in the certificate's SAN works as well as its address. */
	net_target(&t, "localhost", test_server_port(NF.good), NF.ca);
	net_call(&k, &t.o, NET_GET, "/echo", NULL, 0, NULL);
	net_expect(k.res, NET_OK);
	net_call_end(&k);
}

static void certificate_of_an_unknown_ca_is_untrusted(void **state)
{
	(void)state;
	refused(NF.untrusted, "127.0.0.1", NF.ca, NULL, NET_TLS_UNTRUSTED, "set ca-file");
}

static void without_ca_file_a_province_ca_is_untrusted(void **state)
{
	(void)state;
	refused(NF.good, "127.0.0.1", NULL, NULL, NET_TLS_UNTRUSTED, "set ca-file");
}

static void certificate_for_another_host_is_refused(void **state)
{
	(void)state;
	refused(NF.wrong_host, "127.0.0.1", NF.ca, NULL, NET_TLS_HOSTNAME, "another name");
}

static void expired_certificate_is_refused(void **state)
{
	(void)state;
	refused(NF.expired, "127.0.0.1", NF.ca, NULL, NET_TLS_EXPIRED, "expired");
}

static void matching_pin_on_top_of_the_ca_is_accepted(void **state)
{
	struct net_target t;
	struct net_call k;

	(void)state;
	net_target(&t, "127.0.0.1", test_server_port(NF.good), NF.ca);
	t.o.pin = NF.good_pin;
	net_call(&k, &t.o, NET_GET, "/echo", NULL, 0, NULL);
	net_expect(k.res, NET_OK);
	net_call_end(&k);
}

static void pin_mismatch_is_refused_even_with_a_trusted_ca(void **state)
{
	(void)state;
	refused(NF.good, "127.0.0.1", NF.ca, NF.wrong_pin, NET_TLS_PIN, "pin");
}

/* DESIGN.md section 8: the pin adds to the CA, it does not replace it. */
static void matching_pin_without_a_trusted_ca_is_refused(void **state)
{
	(void)state;
	refused(NF.good, "127.0.0.1", NULL, NF.good_pin, NET_TLS_UNTRUSTED, "set ca-file");
}

static void plain_http_is_refused_before_any_connection(void **state)
{
	struct net_options o = { .base_url = "http://127.0.0.1:1" };
	struct tthc_err err = { 0 };

	(void)state;
	assert_null(net_conn_new(&o, &err));
	assert_int_equal(err.code, TTHC_E_INVALID);
	assert_non_null(strstr(err.msg, "https://"));
	o.base_url = "127.0.0.1";
	assert_null(net_conn_new(&o, &err));
	o.base_url = NULL;
	assert_null(net_conn_new(&o, &err));
}

static void refusal_reads_in_vietnamese(void **state)
{
	struct net_target t;
	struct net_call k;

	(void)state;
	i18n_init("vi");
	net_target(&t, "127.0.0.1", test_server_port(NF.untrusted), NF.ca);
	net_call(&k, &t.o, NET_GET, "/echo", NULL, 0, NULL);
	i18n_init("en");
	net_expect(k.res, NET_TLS_UNTRUSTED);
	if (!strstr(k.err.msg, "chứng chỉ") || !strstr(k.err.msg, "ca-file"))
		fail_msg("not the Vietnamese message: %s", k.err.msg);
	net_call_end(&k);
}

static void unreadable_ca_file_is_a_tls_failure_not_a_crash(void **state)
{
	char path[192];
	FILE *f;
	struct net_target t;
	struct net_call k;

	(void)state;
	snprintf(path, sizeof path, "%s/not-a-ca.pem", NF.dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n", f);
	fclose(f);
	net_target(&t, "127.0.0.1", test_server_port(NF.good), path);
	net_call(&k, &t.o, NET_GET, "/echo", NULL, 0, NULL);
	net_expect(k.res, NET_TLS_OTHER);
	assert_int_equal(k.res->sent, NET_SENT_NO);
	assert_non_null(strstr(k.err.msg, "secure connection"));
	net_call_end(&k);
}

/* The settings of tthcrc reach the connection: server, ca-file, pin and
 * the timeouts in seconds. */
static void config_settings_make_a_working_connection(void **state)
{
	struct config *cfg = config_new();
	struct net_options o = { 0 };
	struct net_conn *c;
	struct net_request *r;
	char url[64];

	(void)state;
	assert_non_null(cfg);
	snprintf(url, sizeof url, "https://localhost:%d/", test_server_port(NF.good));
	assert_int_equal(config_set(cfg, "server", url, NULL), 0);
	assert_int_equal(config_set(cfg, "ca-file", NF.ca, NULL), 0);
	assert_int_equal(config_set(cfg, "pin", NF.good_pin, NULL), 0);
	assert_int_equal(config_set(cfg, "connect-timeout", "7s", NULL), 0);
	assert_int_equal(config_set(cfg, "timeout", "1m", NULL), 0);
	net_options_from_config(&o, cfg);
	assert_string_equal(o.base_url, url);
	assert_int_equal(o.connect_timeout_ms, 7000);
	assert_int_equal(o.timeout_ms, 60000);
	c = net_conn_new(&o, NULL);
	assert_non_null(c);
	/* The trailing '/' of the setting does not double in the URL. */
	r = net_request_new(c, NET_GET, "/echo", NULL, 0, NULL);
	assert_int_equal(net_request_run(r, NULL), 0);
	assert_non_null(strstr(net_request_result(r)->body, "\"method\":\"GET\""));
	net_request_free(r);
	net_conn_free(c);
	config_free(cfg);
}

static void request_never_started_is_not_ok(void **state)
{
	struct net_target t;
	struct net_conn *c;
	struct net_request *r;

	(void)state;
	net_target(&t, "127.0.0.1", test_server_port(NF.good), NF.ca);
	c = net_conn_new(&t.o, NULL);
	assert_non_null(c);
	assert_null(net_request_new(c, NET_GET, "echo", NULL, 0, NULL));
	r = net_request_new(c, NET_GET, "/echo", NULL, 0, NULL);
	assert_int_equal(net_poll(r, 0, NULL, 0), NET_DONE);
	assert_int_equal(net_request_result(r)->cls, NET_FAILED);
	net_request_free(r);
	net_conn_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_certificate_with_ca_file_is_accepted),
		cmocka_unit_test(certificate_of_an_unknown_ca_is_untrusted),
		cmocka_unit_test(without_ca_file_a_province_ca_is_untrusted),
		cmocka_unit_test(certificate_for_another_host_is_refused),
		cmocka_unit_test(expired_certificate_is_refused),
		cmocka_unit_test(matching_pin_on_top_of_the_ca_is_accepted),
		cmocka_unit_test(pin_mismatch_is_refused_even_with_a_trusted_ca),
		cmocka_unit_test(matching_pin_without_a_trusted_ca_is_refused),
		cmocka_unit_test(plain_http_is_refused_before_any_connection),
		cmocka_unit_test(refusal_reads_in_vietnamese),
		cmocka_unit_test(unreadable_ca_file_is_a_tls_failure_not_a_crash),
		cmocka_unit_test(config_settings_make_a_working_connection),
		cmocka_unit_test(request_never_started_is_not_ok),
	};
	return cmocka_run_group_tests(tests, net_fixture_setup, net_fixture_teardown);
}
