/* The settings of tthcrc as one table: everything else (the lookup by name,
 * the validation, the defaults, the check that man/tthcrc.5 documents each
 * one) is derived from it, so adding a setting is adding one line. */
#ifndef TTHC_CONFIG_SETTINGS_H
#define TTHC_CONFIG_SETTINGS_H

#include "util/i18n.h"

enum config_type {
	CONFIG_TEXT,     /* any text */
	CONFIG_URL,      /* an https:// URL */
	CONFIG_PATH,     /* a readable file; ~ expanded, relative to the rc file */
	CONFIG_PINS,     /* sha256//BASE64 public-key pins joined by ';' */
	CONFIG_CHOICE,   /* one of the words of `choices` */
	CONFIG_SECONDS,  /* a duration; a bare number counts seconds */
	CONFIG_MILLIS    /* a duration; a bare number counts milliseconds */
};

/* X(ID, NAME, TYPE, DEFAULT, MIN, MAX, CHOICES, HELP)
 *
 * DEFAULT is written as a user would write it and goes through the same
 * validation; "" means "not set" (then `language` falls back to $LANGUAGE and
 * `charset` to the locale, DESIGN.md section 8).  MIN and MAX bound the
 * durations, in the unit of their type.  The order is the order of the
 * SETTINGS section of man/tthcrc.5. */
#define TTHC_SETTINGS(X) \
	X(SERVER,          "server",          URL,     "",        0, 0, NULL, \
	  N_("Address of the tthcd server; https only")) \
	X(USER,            "user",            TEXT,    "",        0, 0, NULL, \
	  N_("User name to log in with")) \
	X(CA_FILE,         "ca-file",         PATH,    "",        0, 0, NULL, \
	  N_("File of extra certificate authorities to trust (PEM)")) \
	X(PIN,             "pin",             PINS,    "",        0, 0, NULL, \
	  N_("Public-key pins the server's key must match")) \
	X(CHARSET,         "charset",         TEXT,    "",        0, 0, NULL, \
	  N_("Terminal character set, instead of the locale's")) \
	X(KEYMAP,          "keymap",          CHOICE,  "default", 0, 0, "default|vi|fkeys", \
	  N_("Set of key bindings to start from")) \
	X(LANGUAGE,        "language",        CHOICE,  "",        0, 0, "vi|en", \
	  N_("Language of the interface")) \
	X(SYNC_INTERVAL,   "sync-interval",   SECONDS, "5m",      30, 86400, NULL, \
	  N_("Time between background syncs")) \
	X(PUSH_DELAY,      "push-delay",      SECONDS, "30s",     0, 3600, NULL, \
	  N_("Time a queued action waits before it is pushed, so it can be undone")) \
	X(CONNECT_TIMEOUT, "connect-timeout", SECONDS, "30s",     1, 600, NULL, \
	  N_("Longest wait for a connection to the server")) \
	X(TIMEOUT,         "timeout",         SECONDS, "2m",      1, 3600, NULL, \
	  N_("Longest time one request to the server may take")) \
	X(ESCAPE_DELAY,    "escape-delay",    MILLIS,  "25ms",    0, 1000, NULL, \
	  N_("Time to wait after ESC for the rest of a key sequence"))

enum config_id {
#define X(id, name, type, def, min, max, choices, help) CONFIG_##id,
	TTHC_SETTINGS(X)
#undef X
	CONFIG_COUNT
};

struct config_setting {
	const char *name;
	enum config_type type;
	const char *def;
	long min, max;
	const char *choices;    /* "a|b|c" for CONFIG_CHOICE, else NULL */
	const char *help;       /* msgid: translate with _() when shown */
};

extern const struct config_setting config_settings[CONFIG_COUNT];

/* The id of the setting called name, or -1. */
int config_setting_find(const char *name);

#endif
