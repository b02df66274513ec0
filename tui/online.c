/* Opening the online screens' client and telling people why one could not
 * reach the server (online.h).  No curses and no app.h here: this is the
 * one TUI file that sees core/sync's client. */
#include <stdio.h>
#include <stdlib.h>

#include "online.h"
#include "sync/sync.h"
#include "util/i18n.h"

struct sync_client *online_open(const struct config *cfg, struct tthc_err *err)
{
	struct net_options o = { 0 };
	char *last_server = NULL, *last_user = NULL;
	const char *user = config_string(cfg, CONFIG_USER);
	struct sync_client *c = NULL;
	struct tthc_err ignored;

	net_options_from_config(&o, cfg);
	/* As the commands do: without a server or user, the last login's. */
	if ((!*o.base_url || !*user) &&
	    sync_current_load(&last_server, &last_user, &ignored) == 0) {
		if (!*o.base_url)
			o.base_url = last_server;
		if (!*user)
			user = last_user;
	}
	if (*o.base_url && *user)
		c = sync_client_open(&o, user, err);
	else
		tthc_fail(err, TTHC_E_USAGE, "tthcrc", "%s",
			  _("no server: set server and user in tthcrc, then log in"));
	free(last_server);
	free(last_user);
	return c;
}

void online_close(struct sync_client *c)
{
	sync_client_close(c);
}

void online_message(char *out, size_t size, const char *what, const struct tthc_err *err)
{
	if (err->code == TTHC_E_CANCELLED)
		snprintf(out, size, _("%s: cancelled (Esc); ask again when you need it."), what);
	else if (err->code == TTHC_E_NETWORK || err->code == TTHC_E_UNAUTHENTICATED ||
	    err->code == TTHC_E_USAGE || err->code == TTHC_E_TLS)
		snprintf(out, size, _("%s needs a connection to the server: %s"), what, err->msg);
	else
		snprintf(out, size, "%s: %s", what, err->msg);
}
