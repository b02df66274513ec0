#include "password.h"

#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"
#include "util/i18n.h"

static sem_t slots;
static unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
static size_t mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
static char dummy[crypto_pwhash_STRBYTES];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_rc = -1;

static void init_once(void)
{
	const char *cost = getenv("TTHCD_HASH_COST");
	char pw[PW_GENERATED_LEN + 1];

	if (sodium_init() < 0 || sem_init(&slots, 0, PW_MAX_CONCURRENT) < 0)
		return;
	if (cost && !strcmp(cost, "min")) {
		ops = crypto_pwhash_OPSLIMIT_MIN;
		mem = crypto_pwhash_MEMLIMIT_MIN;
	}
	pw_generate(pw);
	if (crypto_pwhash_str(dummy, pw, strlen(pw), ops, mem) == 0)
		init_rc = 0;
	sodium_memzero(pw, sizeof pw);
}

int pw_init(struct tthc_err *e)
{
	pthread_once(&once, init_once);
	return init_rc == 0 ? 0 : tthc_fail(e, TTHC_E_NOMEM, "password",
					    _("cannot set up password hashing"));
}

int pw_hash(const char *password, char out[crypto_pwhash_STRBYTES], struct tthc_err *e)
{
	int rc;

	while (sem_wait(&slots) < 0)
		;
	rc = crypto_pwhash_str(out, password, strlen(password), ops, mem);
	sem_post(&slots);
	return rc == 0 ? 0 : tthc_fail(e, TTHC_E_NOMEM, "password",
				       _("not enough memory to hash the password"));
}

bool pw_verify(const char *hash, const char *password)
{
	int rc;

	while (sem_wait(&slots) < 0)
		;
	rc = crypto_pwhash_str_verify(hash ? hash : dummy, password, strlen(password));
	sem_post(&slots);
	return hash && rc == 0;
}

void pw_generate(char out[PW_GENERATED_LEN + 1])
{
	unsigned char raw[PW_GENERATED_LEN * 3 / 4];

	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, PW_GENERATED_LEN + 1, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

int pw_acceptable(const char *password, struct tthc_err *e)
{
	size_t len = strlen(password);

	if (len < PW_MIN_LEN)
		return tthc_fail(e, TTHC_E_INVALID, "",
				 _("the password must have at least %d bytes"), PW_MIN_LEN);
	if (len > PW_MAX_LEN)
		return tthc_fail(e, TTHC_E_TOO_LARGE, "",
				 _("the password must have at most %d bytes"), PW_MAX_LEN);
	if (!utf8_valid(password, len, NULL))
		return tthc_fail(e, TTHC_E_BAD_UTF8, "", _("invalid UTF-8"));
	return 0;
}
