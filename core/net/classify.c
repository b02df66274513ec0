/* From what libcurl reports to a class the sync layer can act on, and to
 * a message a branch secretary understands, with curl's words appended. */
#include "net/internal.h"

#include <stdio.h>
#include <string.h>

#include "util/i18n.h"

static const char *const class_names[] = {
#define X(id, name) name,
	NET_CLASSES(X)
#undef X
};

const char *net_class_name(enum net_class cls)
{
	return (unsigned)cls < NET_CLASS_COUNT ? class_names[cls] : "unknown";
}

/* X509 verification results from OpenSSL's x509_vfy.h (libcurl here is
 * built on OpenSSL; CURLINFO_SSL_VERIFYRESULT hands them on).  Numbers, so
 * that core/ needs no OpenSSL headers; they are part of OpenSSL's ABI. */
enum {
	X509_OK = 0,
	CURL_NAME_MISMATCH = 1,  /* libcurl's own mark: !X509_V_OK (vtls/openssl.c) */
	X509_NOT_YET_VALID = 9,
	X509_HAS_EXPIRED = 10,
	X509_HOSTNAME_MISMATCH = 62
};

static enum net_class verify_class(CURL *e)
{
	long v = -1;

	if (curl_easy_getinfo(e, CURLINFO_SSL_VERIFYRESULT, &v) != CURLE_OK)
		return NET_TLS_OTHER;
	if (v == X509_NOT_YET_VALID || v == X509_HAS_EXPIRED)
		return NET_TLS_EXPIRED;
	/* libcurl checks the name itself once the chain has passed, and marks
	 * a mismatch with !X509_V_OK; OpenSSL's own check would say 62. */
	if (v == X509_OK || v == CURL_NAME_MISMATCH || v == X509_HOSTNAME_MISMATCH)
		return NET_TLS_HOSTNAME;
	return NET_TLS_UNTRUSTED;
}

static enum net_class curl_class(CURL *e, CURLcode rc, enum net_sent sent)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
		return NET_OFFLINE;
	case CURLE_OPERATION_TIMEDOUT:
		return NET_TIMEOUT;
	case CURLE_PEER_FAILED_VERIFICATION:
		return verify_class(e);
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
		return NET_TLS_PIN;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_USE_SSL_FAILED:
		return NET_TLS_OTHER;
	case CURLE_FILESIZE_EXCEEDED:
		return NET_TOO_LARGE;
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		/* Lost before a byte of the request was written: as good as
		 * never reached. */
		return sent == NET_SENT_NO ? NET_OFFLINE : NET_INDETERMINATE;
	default:
		return NET_FAILED;
	}
}

/* Over all the attempts of a request: an attempt that surely never left
 * does not undo an earlier one that may have reached the server, and the
 * sync layer must know that before it lets an action be taken back. */
void net_note_sent(struct net_result *res, enum net_sent sent)
{
	if (sent > res->sent)
		res->sent = sent;
}

void net_classify(struct net_request *r, CURLcode rc)
{
	struct net_result *res = &r->res;
	CURL *e = r->conn->easy;

	enum net_sent sent;

	res->status = 0;
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &res->status);
	sent = res->status > 0 ? NET_SENT_YES : r->prereq_seen ? NET_SENT_MAYBE : NET_SENT_NO;
	net_note_sent(res, sent);
	snprintf(res->detail, sizeof res->detail, "%s",
		 r->errbuf[0] ? r->errbuf : rc != CURLE_OK ? curl_easy_strerror(rc) : "");
	if (r->over_cap)
		res->cls = NET_TOO_LARGE;
	else if (rc != CURLE_OK)
		res->cls = curl_class(e, rc, sent);
	else
		res->cls = res->status >= 200 && res->status < 300 ? NET_OK : NET_HTTP;
	net_class_message(res, r->url);
}

static const char *http_message(long status)
{
	if (status == 401)
		return _("the server did not accept your login: log in again");
	if (status == 403)
		return _("the server refused: your account may not do this");
	if (status == 404)
		return _("the server does not know this address: check the server setting");
	if (status == 429 || status == 503)
		return _("the server is busy: try again in a few minutes");
	if (status >= 500)
		return _("the server had a problem: try again later, or tell your province IT office");
	return _("the server refused the request");
}

static const char *class_message(const struct net_result *res)
{
	switch (res->cls) {
	case NET_OFFLINE:
		return _("cannot reach the server: check the network connection; you can "
			 "keep working offline and sync later");
	case NET_TIMEOUT:
		return _("the server took too long to answer: the connection may be slow; "
			 "try again later");
	case NET_TLS_UNTRUSTED:
		return _("the server's certificate is not trusted: ask your province IT office "
			 "for the CA file and set ca-file");
	case NET_TLS_HOSTNAME:
		return _("the server's certificate is for another name: check the server "
			 "address with your province IT office");
	case NET_TLS_EXPIRED:
		return _("the server's certificate has expired or is not yet valid: check this "
			 "computer's date, then tell your province IT office");
	case NET_TLS_PIN:
		return _("the server's key does not match the pin: do not go on; ask your "
			 "province IT office whether the key was changed");
	case NET_TLS_OTHER:
		return _("a secure connection to the server could not be made");
	case NET_HTTP:
		return http_message(res->status);
	case NET_CANCELLED:
		return _("cancelled");
	case NET_TOO_LARGE:
		return _("the server's answer is too large");
	case NET_INDETERMINATE:
		return _("the connection was lost after the request was sent: the server may "
			 "or may not have received it; sync again to find out");
	case NET_FAILED:
	case NET_OK:
	case NET_CLASS_COUNT:
		break;
	}
	return _("the request to the server failed");
}

static enum tthc_code class_code(enum net_class cls)
{
	switch (cls) {
	case NET_OK:
		return TTHC_E_OK;
	case NET_TLS_UNTRUSTED:
	case NET_TLS_HOSTNAME:
	case NET_TLS_EXPIRED:
	case NET_TLS_PIN:
	case NET_TLS_OTHER:
		return TTHC_E_TLS;
	case NET_HTTP:
		return TTHC_E_HTTP;
	case NET_CANCELLED:
		return TTHC_E_CANCELLED;
	case NET_TOO_LARGE:
		return TTHC_E_TOO_LARGE;
	default:
		return TTHC_E_NETWORK;
	}
}

void net_class_message(struct net_result *res, const char *where)
{
	if (res->cls == NET_OK) {
		tthc_err_clear(&res->err);
		return;
	}
	if (res->cls == NET_HTTP)
		tthc_fail(&res->err, class_code(res->cls), where, "%s (HTTP %ld)",
			  class_message(res), res->status);
	else if (res->detail[0] && res->cls != NET_CANCELLED)
		tthc_fail(&res->err, class_code(res->cls), where, "%s (%s)", class_message(res),
			  res->detail);
	else
		tthc_fail(&res->err, class_code(res->cls), where, "%s", class_message(res));
}
