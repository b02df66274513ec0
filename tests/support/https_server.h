/* A small HTTPS server for the tests of core/net, in a thread of the test
 * itself (GnuTLS), on a free loopback port it picks.  HTTP/1.1 with
 * keep-alive; each path is a behaviour the client must cope with:
 *
 *   /echo           200 JSON: method, Authorization, body length, Accept-Encoding
 *   /gzip           200, TEST_GZIP_TEXT gzip-encoded when the client accepts gzip
 *   /big/N          200, N bytes with a Content-Length
 *   /chunked/N      200, N bytes in chunks, with no length known in advance
 *   /stall          200 with a long Content-Length, 1000 bytes, then nothing until
 *                   the client goes away
 *   /hang           reads the request and never answers
 *   /drop           reads the request and closes the connection
 *   /status/NNN     that status with a JSON error; 503 carries Retry-After: 7
 */
#ifndef TTHC_TEST_HTTPS_SERVER_H
#define TTHC_TEST_HTTPS_SERVER_H

#include <stdbool.h>

/* Highly compressible, as API answers are. */
#define TEST_GZIP_REPEAT 2000
#define TEST_GZIP_LINE "{\"name\":\"Nguyễn Văn An\",\"state\":\"confirmed\"}\n"

struct test_server;

/* NULL (and a message on stderr) when the certificate cannot be loaded or
 * no port can be had. */
struct test_server *test_server_start(const char *cert_file, const char *key_file);
void test_server_stop(struct test_server *s);

int test_server_port(const struct test_server *s);
unsigned test_server_connections(const struct test_server *s);  /* TCP accepted */
unsigned test_server_requests(const struct test_server *s);     /* read whole */

/* Wait until a /stall or /hang answer has ended; true when it ended because
 * the client closed the connection (not because the server stopped). */
bool test_server_wait_client_gone(struct test_server *s);

#endif
