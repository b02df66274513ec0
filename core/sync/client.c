/* A client of one server and user: its store, its cached token and its
 * connection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "config/paths.h"
#include "sync/internal.h"
#include "util/i18n.h"

/* Host and port of an https URL (443 when not given). */
static int url_host_port(const char *url, char **host, int *port, struct tthc_err *err)
{
	CURLU *u = curl_url();
	char *h = NULL, *p = NULL;
	int rc = -1;

	if (!u)
		return tthc_fail(err, TTHC_E_NOMEM, "server", _("out of memory"));
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &p, CURLU_DEFAULT_PORT) == CURLUE_OK) {
		*host = strdup(h);
		*port = atoi(p);
		rc = *host ? 0 : tthc_fail(err, TTHC_E_NOMEM, "server", _("out of memory"));
	} else {
		tthc_fail(err, TTHC_E_INVALID, "server", _("'%s' is not a server address"), url);
	}
	curl_free(h);
	curl_free(p);
	curl_url_cleanup(u);
	return rc;
}

/* data_dir/STEM.token, STEM being the store's file name without ".db". */
static char *token_path(const char *host, int port, const char *user, struct tthc_err *err)
{
	char *dir = NULL, *name = store_file_name(host, port, user, err), *p = NULL;
	size_t n;

	if (name)
		dir = paths_data_dir(err);
	if (dir) {
		name[strlen(name) - 3] = '\0';
		n = strlen(dir) + strlen(name) + sizeof "/.token";
		p = malloc(n);
		if (p)
			snprintf(p, n, "%s/%s.token", dir, name);
		else
			tthc_fail(err, TTHC_E_NOMEM, "token", _("out of memory"));
	}
	free(dir);
	free(name);
	return p;
}

static char *dup_or_null(const char *s, bool *ok)
{
	char *d;

	if (!s || !*s)
		return NULL;
	d = strdup(s);
	*ok &= d != NULL;
	return d;
}

struct sync_client *sync_client_open(const struct net_options *o, const char *user,
				     struct tthc_err *err)
{
	struct sync_client *c;
	struct tthc_err terr;
	char *host = NULL;
	int port = 0;
	bool ok = true;

	if (!o->base_url || !*o->base_url) {
		tthc_fail(err, TTHC_E_USAGE, "server",
			  _("no server: give --server or set server in tthcrc"));
		return NULL;
	}
	if (!user || !*user) {
		tthc_fail(err, TTHC_E_USAGE, "user",
			  _("no user: give --user or set user in tthcrc"));
		return NULL;
	}
	c = calloc(1, sizeof *c);
	if (!c) {
		tthc_fail(err, TTHC_E_NOMEM, "sync", _("out of memory"));
		return NULL;
	}
	c->opts = *o;
	c->server = dup_or_null(o->base_url, &ok);
	c->user = dup_or_null(user, &ok);
	c->ca_file = dup_or_null(o->ca_file, &ok);
	c->pin = dup_or_null(o->pin, &ok);
	c->opts.base_url = c->server;
	c->opts.ca_file = c->ca_file;
	c->opts.pin = c->pin;
	c->opts.token = NULL;
	if (!ok) {
		tthc_fail(err, TTHC_E_NOMEM, "sync", _("out of memory"));
		goto fail;
	}
	if (url_host_port(o->base_url, &host, &port, err) < 0)
		goto fail;
	c->token_path = token_path(host, port, user, err);
	if (!c->token_path)
		goto fail;
	c->st = store_open(host, port, user, err);
	if (!c->st)
		goto fail;
	/* A missing or damaged token file is "not logged in": the store can
	 * still be read and actions queued (DESIGN.md section 8). */
	if (sync_token_read(c->token_path, &c->tok, &terr) < 0)
		memset(&c->tok, 0, sizeof c->tok);
	if (!c->ca_file && c->tok.ca_file && !(c->ca_file = strdup(c->tok.ca_file)))
		ok = false;
	if (!c->pin && c->tok.pin && !(c->pin = strdup(c->tok.pin)))
		ok = false;
	c->opts.ca_file = c->ca_file;
	c->opts.pin = c->pin;
	free(host);
	if (!ok) {
		tthc_fail(err, TTHC_E_NOMEM, "sync", _("out of memory"));
		sync_client_close(c);
		return NULL;
	}
	return c;
fail:
	free(host);
	sync_client_close(c);
	return NULL;
}

void sync_client_close(struct sync_client *c)
{
	if (!c)
		return;
	net_conn_free(c->conn);
	store_close(c->st);
	sync_token_free(&c->tok);
	free(c->token_path);
	free(c->server);
	free(c->user);
	free(c->ca_file);
	free(c->pin);
	free(c);
}

struct store *sync_client_store(struct sync_client *c)
{
	return c->st;
}

const struct sync_token *sync_client_token(const struct sync_client *c)
{
	return c->tok.token ? &c->tok : NULL;
}

const char *sync_client_token_path(const struct sync_client *c)
{
	return c->token_path;
}

struct net_conn *sync_client_conn(struct sync_client *c, struct tthc_err *err)
{
	if (!c->conn)
		c->conn = net_conn_new(&c->opts, err);
	if (c->conn && net_conn_set_token(c->conn, c->tok.token, err) < 0)
		return NULL;
	return c->conn;
}

int sync_client_need_token(const struct sync_client *c, struct tthc_err *err)
{
	if (c->tok.token && c->tok.expires_at > (int64_t)time(NULL))
		return 0;
	return tthc_fail(err, TTHC_E_UNAUTHENTICATED, c->user,
			 c->tok.token ? _("the session has expired: log in again with 'tthc login'; "
					  "queued actions are kept")
				      : _("not logged in: log in with 'tthc login'; queued actions "
					  "are kept"));
}
