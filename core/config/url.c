/* The server address.  Certificate and host verification are always on
 * (DESIGN.md section 8, "Trust"), so plain http is refused outright rather
 * than allowed with a warning.  libcurl parses it, as core/net will. */
#include "config/check.h"

#include <curl/curl.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "util/i18n.h"

/* True when part is present in u (curl_url_get fails for an absent part). */
static bool has_part(CURLU *u, CURLUPart part)
{
	char *v = NULL;
	bool present = curl_url_get(u, part, &v, 0) == CURLUE_OK && v && *v;

	curl_free(v);
	return present;
}

static int not_https(const char *s, struct tthc_err *err)
{
	return tthc_fail(err, TTHC_E_INVALID, NULL, _("'%s' is not an https:// address"), s);
}

static int check_parsed(CURLU *u, const char *s, struct tthc_err *err)
{
	char *scheme = NULL;
	bool https, http;

	if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK)
		return not_https(s, err);
	https = !strcasecmp(scheme, "https");
	http = !strcasecmp(scheme, "http");
	curl_free(scheme);
	if (http)
		return tthc_fail(err, TTHC_E_REFUSED, NULL, "%s",
				 _("plain http is refused: certificates are always verified, "
				   "use an https:// address"));
	if (!https)
		return not_https(s, err);
	/* A password in a config file is a password on disk; the user name has
	 * its own setting. */
	if (has_part(u, CURLUPART_USER) || has_part(u, CURLUPART_PASSWORD))
		return tthc_fail(err, TTHC_E_REFUSED, NULL, "%s",
				 _("a user name or password does not belong in the server "
				   "address: use 'set user'"));
	/* The client appends /api/v1/... to the address: a query or a
	 * fragment would end up in the middle of every request. */
	if (has_part(u, CURLUPART_QUERY) || has_part(u, CURLUPART_FRAGMENT))
		return tthc_fail(err, TTHC_E_INVALID, NULL, "%s",
				 _("the server address cannot have a query (?) or a fragment (#)"));
	return 0;
}

int check_https_url(const char *s, struct tthc_err *err)
{
	CURLU *u;
	CURLUcode rc;
	int ret;

	/* Without a scheme libcurl's reason ("bad scheme") would not say what
	 * is missing. */
	if (!strstr(s, "://"))
		return not_https(s, err);
	u = curl_url();
	if (!u)
		return tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	rc = curl_url_set(u, CURLUPART_URL, s, CURLU_NON_SUPPORT_SCHEME);
	if (rc == CURLUE_OUT_OF_MEMORY)
		ret = tthc_fail(err, TTHC_E_NOMEM, NULL, "%s", _("out of memory"));
	else if (rc != CURLUE_OK)
		ret = tthc_fail(err, TTHC_E_INVALID, NULL, _("'%s' is not a URL (%s)"), s,
				curl_url_strerror(rc));
	else
		ret = check_parsed(u, s, err);
	curl_url_cleanup(u);
	return ret;
}
