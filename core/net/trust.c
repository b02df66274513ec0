/* TLS and protocol options set once on a conn's easy handle.
 *
 * DESIGN.md section 8, "Trust": verification of the certificate chain and
 * of the host name is always on; there is deliberately no option to turn
 * it off.  ca-file is added to the system's CAs rather than replacing them:
 * CURLOPT_CAINFO takes the file while CURLOPT_CAPATH keeps libcurl's
 * default directory (Debian: /etc/ssl/certs), so a province CA and a public
 * one both work.  The pin is checked by libcurl after the chain and the name
 * have passed, so it adds to them; and libcurl pins the leaf's key, which is
 * why a pin alone (without a trusted chain) still fails. */
#include "net/internal.h"

#include "util/i18n.h"

static int set_failed(struct tthc_err *err, const char *what, CURLcode rc)
{
	return tthc_fail(err, TTHC_E_INVALID, what, _("the network library refused a setting: %s"),
			 curl_easy_strerror(rc));
}

#define SET(easy, opt, val, what) \
	do { \
		CURLcode rc_ = curl_easy_setopt(easy, opt, val); \
		if (rc_ != CURLE_OK) \
			return set_failed(err, what, rc_); \
	} while (0)

int net_trust_apply(CURL *easy, const struct net_conn *c, struct tthc_err *err)
{
	SET(easy, CURLOPT_SSL_VERIFYPEER, 1L, "verify");
	SET(easy, CURLOPT_SSL_VERIFYHOST, 2L, "verify");
	/* https only, also for a redirect (none is followed) and whatever the
	 * URL says: a token must never travel in clear. */
	SET(easy, CURLOPT_PROTOCOLS_STR, "https", "server");
	SET(easy, CURLOPT_REDIR_PROTOCOLS_STR, "https", "server");
	SET(easy, CURLOPT_FOLLOWLOCATION, 0L, "server");
	if (c->ca_file)
		SET(easy, CURLOPT_CAINFO, c->ca_file, "ca-file");
	if (c->pin)
		SET(easy, CURLOPT_PINNEDPUBLICKEY, c->pin, "pin");
	return 0;
}
