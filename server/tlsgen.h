/* Certificates for `tthcd init` with GnuTLS: a self-signed CA and a server
 * certificate signed by it, whose subject alternative names hold localhost,
 * 127.0.0.1 and ::1 plus the given hosts (DESIGN.md section 8, "Trust"). */
#ifndef TTHCD_TLSGEN_H
#define TTHCD_TLSGEN_H

#include <stddef.h>

#include "util/err.h"

/* Write DIR/ca.pem, DIR/ca.key, DIR/server.pem and DIR/server.key (keys
 * mode 0600). */
int tls_generate(const char *dir, const char *const *hosts, size_t n_hosts,
		 struct tthc_err *e);

/* The pin of a PEM certificate's public key, as libcurl's
 * CURLOPT_PINNEDPUBLICKEY takes it: "sha256//BASE64". */
int tls_pin(const char *cert_pem, char *out, size_t size, struct tthc_err *e);

#endif
