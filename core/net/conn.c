/* One connection object per server: its options, and the libcurl handles
 * that every request on it reuses. */
#include "net/internal.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/config.h"
#include "util/i18n.h"

void net_options_from_config(struct net_options *o, const struct config *cfg)
{
	o->base_url = config_string(cfg, CONFIG_SERVER);
	o->ca_file = config_string(cfg, CONFIG_CA_FILE);
	o->pin = config_string(cfg, CONFIG_PIN);
	o->connect_timeout_ms = config_number(cfg, CONFIG_CONNECT_TIMEOUT) * 1000;
	o->timeout_ms = config_number(cfg, CONFIG_TIMEOUT) * 1000;
}

static int nomem(struct tthc_err *err)
{
	return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
}

/* Verification is always on (DESIGN.md section 8), so there is no plain
 * http; core/config checks the setting, but a conn may be made from flags
 * or by tests, so check again where the URL is used. */
static int check_base_url(const char *url, struct tthc_err *err)
{
	CURLU *u = curl_url();
	char *scheme = NULL;
	bool https;

	if (!u)
		return nomem(err);
	https = url && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
		curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
		!strcasecmp(scheme, "https");
	curl_free(scheme);
	curl_url_cleanup(u);
	if (!https)
		return tthc_fail(err, TTHC_E_INVALID, "server", _("'%s' is not an https:// address"),
				 url ? url : "");
	return 0;
}

static char *dup_or_null(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

int net_conn_set_token(struct net_conn *c, const char *token, struct tthc_err *err)
{
	static const char prefix[] = "Authorization: Bearer ";
	char *h;
	const char *p;

	if (!token || !*token) {
		free(c->auth_header);
		c->auth_header = NULL;
		return 0;
	}
	/* A token goes in a header line: a space, CR or LF in it would end the
	 * header early or start another one. */
	for (p = token; *p; p++)
		if (*p < 0x21 || *p > 0x7e)
			return tthc_fail(err, TTHC_E_INVALID, "token", "%s",
					 _("the login token is damaged: log in again"));
	h = malloc(sizeof prefix + strlen(token));
	if (!h)
		return nomem(err);
	strcpy(h, prefix);
	strcat(h, token);
	free(c->auth_header);
	c->auth_header = h;
	return 0;
}

static int conn_init(struct net_conn *c, const struct net_options *o, struct tthc_err *err)
{
	size_t len;

	if (check_base_url(o->base_url, err) < 0)
		return -1;
	c->base_url = strdup(o->base_url);
	c->ca_file = dup_or_null(o->ca_file);
	c->pin = dup_or_null(o->pin);
	if (!c->base_url || (o->ca_file && *o->ca_file && !c->ca_file) ||
	    (o->pin && *o->pin && !c->pin))
		return nomem(err);
	len = strlen(c->base_url);
	while (len > 0 && c->base_url[len - 1] == '/')
		c->base_url[--len] = '\0';
	c->connect_timeout_ms = o->connect_timeout_ms;
	c->timeout_ms = o->timeout_ms;
	c->max_response = o->max_response ? o->max_response : NET_DEFAULT_MAX_RESPONSE;
	if (net_conn_set_token(c, o->token, err) < 0)
		return -1;
	c->multi = curl_multi_init();
	c->easy = curl_easy_init();
	if (!c->multi || !c->easy)
		return nomem(err);
	return net_trust_apply(c->easy, c, err);
}

struct net_conn *net_conn_new(const struct net_options *o, struct tthc_err *err)
{
	struct net_conn *c;

	/* Reference counted by libcurl: balanced in net_conn_free.  libsodium
	 * gives the retry jitter. */
	if (sodium_init() < 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		nomem(err);
		return NULL;
	}
	c = calloc(1, sizeof *c);
	if (!c) {
		nomem(err);
		curl_global_cleanup();
		return NULL;
	}
	if (conn_init(c, o, err) < 0) {
		net_conn_free(c);
		return NULL;
	}
	return c;
}

void net_conn_free(struct net_conn *c)
{
	if (!c)
		return;
	if (c->busy)
		net_request_cancel(c->busy);
	if (c->easy)
		curl_easy_cleanup(c->easy);
	if (c->multi)
		curl_multi_cleanup(c->multi);
	free(c->base_url);
	free(c->ca_file);
	free(c->pin);
	free(c->auth_header);
	free(c);
	curl_global_cleanup();
}
