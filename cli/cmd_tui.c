/* tthc tui [--config FILE] [--store FILE]: the full-screen interface, also
 * what `tthc` alone opens on a terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "logic/keymap.h"
#include "store/store.h"
#include "sync_live.h"
#include "tui.h"

static void usage(FILE *f)
{
	cli_print(f, _("Usage: tthc tui [--config FILE] [--store FILE]\n"
		       "Open the full-screen interface on the local store.\n\n"
		       "  --config FILE  read this tthcrc instead of the usual one\n"
		       "  --store FILE   use this store file (also $TTHC_STORE) instead of the\n"
		       "                 one of the configured server and user\n"));
}

/* The client of the configured server and user, whose store the
 * interface works on and whose session it syncs with. */
static struct sync_client *configured_client(const struct config *cfg, struct tthc_err *err)
{
	struct net_options o = { 0 };
	const char *user = config_string(cfg, CONFIG_USER);

	net_options_from_config(&o, cfg);
	if (!*o.base_url || !*user) {
		tthc_fail(err, TTHC_E_USAGE, "tthcrc",
			  "%s", _("no store: set server and user in tthcrc, or give --store FILE"));
		return NULL;
	}
	return sync_client_open(&o, user, err);
}

/* The user's tthcrc.  `set language` is known only once it is read: then
 * the catalog changes and the file is read again, so that its errors are
 * shown in that language (config.h). */
static int load_config(struct config **cfg, const char *path, struct tthc_err *err)
{
	config_set_binding_check(*cfg, keymap_check, NULL);
	if (config_load_user(*cfg, path, err) < 0)
		return -1;
	if (!*config_string(*cfg, CONFIG_LANGUAGE))
		return 0;
	i18n_init(config_string(*cfg, CONFIG_LANGUAGE));
	config_free(*cfg);
	if (!(*cfg = config_new()))
		return tthc_fail(err, TTHC_E_NOMEM, "tthcrc", "%s", _("out of memory"));
	config_set_binding_check(*cfg, keymap_check, NULL);
	return config_load_user(*cfg, path, err);
}

static int run(const char *config_path, const char *store_path)
{
	struct config *cfg = config_new();
	struct tthc_err err = { 0 };
	struct store *st = NULL;
	struct sync_client *client = NULL;
	struct sync_hook *live = NULL;
	int rc = EXIT_BAD_INPUT;

	if (!cfg) {
		cli_error("%s", _("out of memory"));
		return EXIT_BAD_INPUT;
	}
	if (load_config(&cfg, config_path, &err) < 0)
		goto fail;
	if (!store_path)
		store_path = getenv("TTHC_STORE");
	if (store_path && *store_path) {
		if (!(st = store_open_path(store_path, &err)))
			goto fail;
	} else {
		if (!(client = configured_client(cfg, &err)) ||
		    !(live = sync_live_new(client, cfg, &err)))
			goto fail;
		st = sync_client_store(client);
	}
	if (tui_run(st, cfg, live ? live : &sync_hook_offline, &err) < 0)
		goto fail;
	rc = EXIT_OK;
	goto done;
fail:
	cli_error_err(&err);
done:
	sync_live_free(live);
	if (client)
		sync_client_close(client);
	else
		store_close(st);
	config_free(cfg);
	return rc;
}

int cmd_tui(int argc, char **argv)
{
	const char *config_path = NULL, *store_path = NULL;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--config") && i + 1 < argc) {
			config_path = argv[++i];
		} else if (!strcmp(argv[i], "--store") && i + 1 < argc) {
			store_path = argv[++i];
		} else {
			return cli_usage_error("tui", _("unknown argument '%s'"), argv[i]);
		}
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cli_usage_error("tui", "%s", _("the interface needs a terminal"));
	return run(config_path, store_path);
}
