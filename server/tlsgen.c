#include "tlsgen.h"

#include <arpa/inet.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "files.h"
#include "util/i18n.h"

#define TEN_YEARS (10L * 365 * 86400)

static int gtls_fail(struct tthc_err *e, int rc, const char *where)
{
	return tthc_fail(e, TTHC_E_INVALID, where, "GnuTLS: %s", gnutls_strerror(rc));
}

/* ECDSA P-256: short keys that every TLS client verifies. */
static int new_key(gnutls_x509_privkey_t *key, struct tthc_err *e)
{
	int rc = gnutls_x509_privkey_init(key);

	if (rc == 0)
		rc = gnutls_x509_privkey_generate(*key, GNUTLS_PK_ECDSA,
						  GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0);
	return rc < 0 ? gtls_fail(e, rc, "key") : 0;
}

static int base_cert(gnutls_x509_crt_t crt, gnutls_x509_privkey_t key, const char *cn)
{
	unsigned char serial[16];
	time_t now = time(NULL);
	int rc;

	randombytes_buf(serial, sizeof serial);
	serial[0] &= 0x7f;      /* a positive serial number (RFC 5280 4.1.2.2) */
	if ((rc = gnutls_x509_crt_set_version(crt, 3)) < 0 ||
	    (rc = gnutls_x509_crt_set_serial(crt, serial, sizeof serial)) < 0 ||
	    (rc = gnutls_x509_crt_set_activation_time(crt, now - 3600)) < 0 ||
	    (rc = gnutls_x509_crt_set_expiration_time(crt, now + TEN_YEARS)) < 0 ||
	    (rc = gnutls_x509_crt_set_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 0, cn,
						 (unsigned)strlen(cn))) < 0 ||
	    (rc = gnutls_x509_crt_set_key(crt, key)) < 0)
		return rc;
	return 0;
}

static int add_san(gnutls_x509_crt_t crt, const char *host)
{
	unsigned char ip[16];

	if (inet_pton(AF_INET, host, ip) == 1)
		return gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_IPADDRESS, ip, 4,
							    GNUTLS_FSAN_APPEND);
	if (inet_pton(AF_INET6, host, ip) == 1)
		return gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_IPADDRESS, ip, 16,
							    GNUTLS_FSAN_APPEND);
	return gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_DNSNAME, host,
						    (unsigned)strlen(host), GNUTLS_FSAN_APPEND);
}

static int save(const char *dir, const char *name, gnutls_datum_t *d, mode_t mode,
		struct tthc_err *e)
{
	char path[4096];
	int rc = path_join(path, sizeof path, dir, name, e);

	if (rc == 0)
		rc = file_write_new(path, d->data, d->size, mode, e);
	gnutls_memset(d->data, 0, d->size);
	gnutls_free(d->data);
	d->data = NULL;
	return rc;
}

static int save_pair(const char *dir, const char *stem, gnutls_x509_crt_t crt,
		     gnutls_x509_privkey_t key, struct tthc_err *e)
{
	gnutls_datum_t d = { NULL, 0 };
	char name[32];
	int rc;

	if ((rc = gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, &d)) < 0)
		return gtls_fail(e, rc, stem);
	snprintf(name, sizeof name, "%s.pem", stem);
	if (save(dir, name, &d, 0644, e) < 0)
		return -1;
	if ((rc = gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM, &d)) < 0)
		return gtls_fail(e, rc, stem);
	snprintf(name, sizeof name, "%s.key", stem);
	return save(dir, name, &d, 0600, e);
}

int tls_generate(const char *dir, const char *const *hosts, size_t n_hosts,
		 struct tthc_err *e)
{
	static const char *const always[] = { "localhost", "127.0.0.1", "::1" };
	gnutls_x509_privkey_t ca_key = NULL, key = NULL;
	gnutls_x509_crt_t ca = NULL, crt = NULL;
	unsigned char kid[64];
	size_t kid_len = sizeof kid, i;
	int rc = -1, g = 0;

	if (new_key(&ca_key, e) < 0 || new_key(&key, e) < 0)
		goto out;
	if ((g = gnutls_x509_crt_init(&ca)) < 0 || (g = gnutls_x509_crt_init(&crt)) < 0 ||
	    (g = base_cert(ca, ca_key, "tthcd local CA")) < 0 ||
	    (g = gnutls_x509_crt_set_basic_constraints(ca, 1, 0)) < 0 ||
	    (g = gnutls_x509_crt_set_key_usage(ca, GNUTLS_KEY_KEY_CERT_SIGN |
					       GNUTLS_KEY_CRL_SIGN)) < 0 ||
	    (g = gnutls_x509_crt_get_key_id(ca, 0, kid, &kid_len)) < 0 ||
	    (g = gnutls_x509_crt_set_subject_key_id(ca, kid, kid_len)) < 0 ||
	    (g = gnutls_x509_crt_sign2(ca, ca, ca_key, GNUTLS_DIG_SHA256, 0)) < 0) {
		gtls_fail(e, g, "ca");
		goto out;
	}
	if ((g = base_cert(crt, key, n_hosts ? hosts[0] : "localhost")) < 0 ||
	    (g = gnutls_x509_crt_set_basic_constraints(crt, 0, -1)) < 0 ||
	    (g = gnutls_x509_crt_set_key_usage(crt, GNUTLS_KEY_DIGITAL_SIGNATURE)) < 0 ||
	    (g = gnutls_x509_crt_set_key_purpose_oid(crt, GNUTLS_KP_TLS_WWW_SERVER, 0)) < 0 ||
	    (g = gnutls_x509_crt_set_authority_key_id(crt, kid, kid_len)) < 0) {
		gtls_fail(e, g, "server");
		goto out;
	}
	for (i = 0; i < 3 + n_hosts; i++)
		if ((g = add_san(crt, i < 3 ? always[i] : hosts[i - 3])) < 0) {
			gtls_fail(e, g, i < 3 ? always[i] : hosts[i - 3]);
			goto out;
		}
	if ((g = gnutls_x509_crt_sign2(crt, ca, ca_key, GNUTLS_DIG_SHA256, 0)) < 0) {
		gtls_fail(e, g, "server");
		goto out;
	}
	if (save_pair(dir, "ca", ca, ca_key, e) == 0 && save_pair(dir, "server", crt, key, e) == 0)
		rc = 0;
out:
	gnutls_x509_crt_deinit(ca);
	gnutls_x509_crt_deinit(crt);
	gnutls_x509_privkey_deinit(ca_key);
	gnutls_x509_privkey_deinit(key);
	return rc;
}

int tls_pin(const char *cert_pem, char *out, size_t size, struct tthc_err *e)
{
	gnutls_x509_crt_t crt = NULL;
	gnutls_pubkey_t pub = NULL;
	gnutls_datum_t pem = { (unsigned char *)cert_pem, (unsigned)strlen(cert_pem) };
	gnutls_datum_t der = { NULL, 0 };
	unsigned char h[crypto_hash_sha256_BYTES];
	char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES,
					   sodium_base64_VARIANT_ORIGINAL)];
	int g;

	if ((g = gnutls_x509_crt_init(&crt)) < 0 ||
	    (g = gnutls_x509_crt_import(crt, &pem, GNUTLS_X509_FMT_PEM)) < 0 ||
	    (g = gnutls_pubkey_init(&pub)) < 0 ||
	    (g = gnutls_pubkey_import_x509(pub, crt, 0)) < 0 ||
	    (g = gnutls_pubkey_export2(pub, GNUTLS_X509_FMT_DER, &der)) < 0) {
		gnutls_pubkey_deinit(pub);
		gnutls_x509_crt_deinit(crt);
		return gtls_fail(e, g, "certificate");
	}
	/* The hash of the DER SubjectPublicKeyInfo, which is what libcurl pins. */
	crypto_hash_sha256(h, der.data, der.size);
	gnutls_free(der.data);
	gnutls_pubkey_deinit(pub);
	gnutls_x509_crt_deinit(crt);
	sodium_bin2base64(b64, sizeof b64, h, sizeof h, sodium_base64_VARIANT_ORIGINAL);
	if ((size_t)snprintf(out, size, "sha256//%s", b64) >= size)
		return tthc_fail(e, TTHC_E_TOO_LARGE, "pin", _("buffer too small"));
	return 0;
}
