/* See net_fixture.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "net_fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct net_fixture NF;

static void read_line(const char *name, char *out, size_t size)
{
	char path[192];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", NF.dir, name);
	f = fopen(path, "r");
	out[0] = '\0';
	if (f) {
		if (fgets(out, (int)size, f))
			out[strcspn(out, "\n")] = '\0';
		fclose(f);
	}
}

static struct test_server *serve(const char *name)
{
	char cert[192], key[192];

	snprintf(cert, sizeof cert, "%s/%s.pem", NF.dir, name);
	snprintf(key, sizeof key, "%s/%s.key", NF.dir, name);
	return test_server_start(cert, key);
}

int net_fixture_setup(void **state)
{
	char cmd[512];
	const char *build = getenv("TTHC_BUILD");

	(void)state;
	/* The tests talk to loopback: a proxy from the environment of the
	 * machine running them would stand in the way (the proxy test sets
	 * its own). */
	unsetenv("https_proxy");
	unsetenv("HTTPS_PROXY");
	unsetenv("all_proxy");
	unsetenv("ALL_PROXY");
	unsetenv("no_proxy");
	unsetenv("NO_PROXY");
	snprintf(NF.dir, sizeof NF.dir, "%s/tthc-net.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(NF.dir))
		return -1;
	/* scripts/run-tests.sh names the build directory; by hand, run from
	 * the top of the tree. */
	snprintf(cmd, sizeof cmd, "sh '%s%stests/lib/make-test-pki.sh' '%s'", build ? build : "",
		 build ? "/../" : "", NF.dir);
	if (system(cmd) != 0)
		return -1;
	snprintf(NF.ca, sizeof NF.ca, "%s/ca.pem", NF.dir);
	read_line("good.pin", NF.good_pin, sizeof NF.good_pin);
	read_line("wrong-host.pin", NF.wrong_pin, sizeof NF.wrong_pin);
	NF.good = serve("good");
	NF.wrong_host = serve("wrong-host");
	NF.expired = serve("expired");
	NF.untrusted = serve("untrusted");
	return NF.good && NF.wrong_host && NF.expired && NF.untrusted &&
	       NF.good_pin[0] && NF.wrong_pin[0] ? 0 : -1;
}

int net_fixture_teardown(void **state)
{
	char cmd[128];

	(void)state;
	test_server_stop(NF.good);
	test_server_stop(NF.wrong_host);
	test_server_stop(NF.expired);
	test_server_stop(NF.untrusted);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", NF.dir);
	return system(cmd) == 0 ? 0 : -1;
}

void net_target(struct net_target *t, const char *host, int port, const char *ca_file)
{
	snprintf(t->url, sizeof t->url, "https://%s:%d", host, port);
	memset(&t->o, 0, sizeof t->o);
	t->o.base_url = t->url;
	t->o.ca_file = ca_file;
	t->o.connect_timeout_ms = 20000;
	t->o.timeout_ms = 60000;
}

int net_closed_port(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	close(fd);
	return ntohs(a.sin_port);
}

void net_call(struct net_call *k, const struct net_options *o, enum net_method m,
	      const char *path, const char *body, size_t len, const struct net_retry *retry)
{
	memset(k, 0, sizeof *k);
	k->conn = net_conn_new(o, &k->err);
	if (!k->conn)
		fail_msg("net_conn_new: %s", k->err.msg);
	k->req = net_request_new(k->conn, m, path, body, len, &k->err);
	assert_non_null(k->req);
	if (retry)
		net_request_set_retry(k->req, retry);
	k->rc = net_request_run(k->req, &k->err);
	k->res = net_request_result(k->req);
}

void net_call_end(struct net_call *k)
{
	net_request_free(k->req);
	net_conn_free(k->conn);
}

void net_expect(const struct net_result *res, enum net_class cls)
{
	if (res->cls != cls)
		fail_msg("got %s (status %ld, %s), want %s", net_class_name(res->cls), res->status,
			 res->err.msg, net_class_name(cls));
}
