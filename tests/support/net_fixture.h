/* Shared by the tests of core/net: a test PKI made with the openssl CLI
 * (make-test-pki.sh), HTTPS test servers for each certificate, and a call
 * helper that runs one request to its end. */
#ifndef TTHC_TEST_NET_FIXTURE_H
#define TTHC_TEST_NET_FIXTURE_H

#include "https_server.h"
#include "net/net.h"

struct net_fixture {
	char dir[64];
	char ca[128];               /* the CA given as ca-file */
	char good_pin[128];         /* pin of good.pem's key */
	char wrong_pin[128];        /* pin of another key (wrong-host.pem's) */
	struct test_server *good, *wrong_host, *expired, *untrusted;
};

extern struct net_fixture NF;

/* cmocka group setup and teardown. */
int net_fixture_setup(void **state);
int net_fixture_teardown(void **state);

/* Options for https://HOST:PORT with ca_file, generous timeouts. */
struct net_target {
	char url[96];
	struct net_options o;
};
void net_target(struct net_target *t, const char *host, int port, const char *ca_file);

/* A port on which nothing listens (bound, then closed). */
int net_closed_port(void);

struct net_call {
	struct net_conn *conn;
	struct net_request *req;
	const struct net_result *res;
	int rc;                     /* of net_request_run */
	struct tthc_err err;
};

/* Run one request to its end through net_request_run. */
void net_call(struct net_call *k, const struct net_options *o, enum net_method m,
	      const char *path, const char *body, size_t len, const struct net_retry *retry);
void net_call_end(struct net_call *k);

/* Fail the test, naming what came, unless res has class cls. */
void net_expect(const struct net_result *res, enum net_class cls);

#endif
