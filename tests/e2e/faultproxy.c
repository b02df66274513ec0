/* A TCP proxy on loopback for the end-to-end tests: it passes TLS through
 * untouched between tthc and tthcd and, once armed by SIGUSR1, breaks the
 * first connection whose request has been forwarded whole:
 *
 *   faultproxy TARGET_PORT MODE THRESHOLD [DELAY_MS]
 *
 * It prints "port N" when it listens on 127.0.0.1:N.  A connection accepted
 * after the arming "has sent its request" once more than THRESHOLD bytes
 * went from the client to the server (the handshake is well under it, a
 * batch of actions well over).  Then, at the server's first answer bytes:
 *   drop      the answer is thrown away and both sides closed: the server
 *             applied the batch, the client never hears of it
 *   truncate  half of those bytes are passed on, then both sides closed
 *   delay     the answer is held DELAY_MS before it is passed on
 * Only one connection is broken per arming; "fired" goes to stderr.
 *
 * Built by the test that uses it (tests/e2e/proxy.sh), not by make: it has
 * its own main. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_PAIRS 32

enum mode { PASS, DROP, TRUNCATE, DELAY };

struct pair {
	int cl, sv;             /* -1: free */
	long long up;           /* bytes client -> server */
	int watched;            /* accepted after the arming */
};

static volatile sig_atomic_t armed;
static struct pair pairs[MAX_PAIRS];

static void on_usr1(int sig)
{
	(void)sig;
	armed = 1;
}

static int listen_any(int *port)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(fd, 16) < 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &len) < 0)
		return -1;
	*port = ntohs(a.sin_port);
	return fd;
}

static int connect_to(int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static void close_pair(struct pair *p)
{
	if (p->cl >= 0)
		close(p->cl);
	if (p->sv >= 0)
		close(p->sv);
	p->cl = p->sv = -1;
}

static int write_all(int fd, const char *b, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, b, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		b += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Server bytes on a pair whose request went through: the fault. */
static void fire(struct pair *p, enum mode m, const char *b, size_t n, long delay_ms)
{
	struct timespec ts = { delay_ms / 1000, (delay_ms % 1000) * 1000000L };

	fprintf(stderr, "fired\n");
	armed = 0;
	p->watched = 0;
	if (m == DELAY) {
		nanosleep(&ts, NULL);
		if (write_all(p->cl, b, n) < 0)
			close_pair(p);
		return;
	}
	if (m == TRUNCATE)
		write_all(p->cl, b, n / 2);
	close_pair(p);
}

static void pump(struct pair *p, int from_client, enum mode m, long long threshold,
		 long delay_ms)
{
	char b[16384];
	ssize_t n = read(from_client ? p->cl : p->sv, b, sizeof b);

	if (n <= 0) {
		close_pair(p);
		return;
	}
	if (from_client) {
		p->up += n;
		if (write_all(p->sv, b, (size_t)n) < 0)
			close_pair(p);
		return;
	}
	if (armed && p->watched && p->up > threshold && m != PASS) {
		fire(p, m, b, (size_t)n, delay_ms);
		return;
	}
	if (write_all(p->cl, b, (size_t)n) < 0)
		close_pair(p);
}

static void accept_one(int lfd, int target)
{
	int cl = accept(lfd, NULL, NULL), sv;

	if (cl < 0)
		return;
	sv = connect_to(target);
	for (int i = 0; sv >= 0 && i < MAX_PAIRS; i++)
		if (pairs[i].cl < 0) {
			pairs[i] = (struct pair){ cl, sv, 0, armed };
			return;
		}
	close(cl);
	if (sv >= 0)
		close(sv);
}

static enum mode parse_mode(const char *s)
{
	return !strcmp(s, "drop") ? DROP : !strcmp(s, "truncate") ? TRUNCATE
	     : !strcmp(s, "delay") ? DELAY : PASS;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	struct pollfd fds[1 + 2 * MAX_PAIRS];
	int lfd, port, target;
	long long threshold;
	long delay_ms;
	enum mode m;

	if (argc < 4) {
		fprintf(stderr, "usage: faultproxy TARGET_PORT MODE THRESHOLD [DELAY_MS]\n");
		return 2;
	}
	target = atoi(argv[1]);
	m = parse_mode(argv[2]);
	threshold = atoll(argv[3]);
	delay_ms = argc > 4 ? atol(argv[4]) : 0;
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	for (int i = 0; i < MAX_PAIRS; i++)
		pairs[i].cl = pairs[i].sv = -1;
	lfd = listen_any(&port);
	if (lfd < 0) {
		perror("faultproxy");
		return 1;
	}
	printf("port %d\n", port);
	fflush(stdout);
	for (;;) {
		nfds_t n = 0;

		fds[n++] = (struct pollfd){ lfd, POLLIN, 0 };
		for (int i = 0; i < MAX_PAIRS; i++)
			if (pairs[i].cl >= 0) {
				fds[n++] = (struct pollfd){ pairs[i].cl, POLLIN, 0 };
				fds[n++] = (struct pollfd){ pairs[i].sv, POLLIN, 0 };
			}
		if (poll(fds, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		if (fds[0].revents)
			accept_one(lfd, target);
		for (nfds_t k = 1; k < n; k++) {
			if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			for (int i = 0; i < MAX_PAIRS; i++) {
				if (pairs[i].cl >= 0 && fds[k].fd == pairs[i].cl)
					pump(&pairs[i], 1, m, threshold, delay_ms);
				else if (pairs[i].sv >= 0 && fds[k].fd == pairs[i].sv)
					pump(&pairs[i], 0, m, threshold, delay_ms);
			}
		}
	}
}
