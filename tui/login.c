/* The login form (login.h): a box in the middle of the screen. */
#include "login.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "logic/keys.h"

/* Bytes of a password: far more than anyone types. */
#define PASSWORD_MAX 256

/* Read the password into pw without showing it (not even its length:
 * a shoulder should learn nothing).  False when cancelled with ESC. */
static bool read_password(struct app *app, WINDOW *w, char *pw)
{
	int keys[PASSWORD_MAX / 4], n = 0, key;
	bool ok = false;

	for (;;) {
		wnoutrefresh(w);
		doupdate();
		key = app_read_key(app, -1);
		if (key == KEY_ESC_CODE)
			break;
		if (key == KEY_ENTER_CODE) {
			char *s = app_wide_to_utf8(keys, n);

			if (s) {
				snprintf(pw, PASSWORD_MAX, "%s", s);
				sodium_memzero(s, strlen(s));
				free(s);
				ok = true;
			}
			break;
		}
		if (key == KEY_OF(TK_BACKSPACE) || key == 127 || key == 8) {
			if (n > 0)
				n--;
		} else if (key >= 0x20 && key < KEY_SPECIAL && n < (int)(sizeof keys / sizeof keys[0])) {
			keys[n++] = key;
		}
	}
	sodium_memzero(keys, sizeof keys);
	return ok;
}

void login_form(struct app *app)
{
	int h = 6, wd = COLS < 60 ? COLS - 2 : 58;
	WINDOW *w;
	char pw[PASSWORD_MAX];
	struct tthc_err err = { 0 };

	app_draw(app);
	w = newwin(h, wd, (LINES - h) / 2, (COLS - wd) / 2);
	if (!w)
		return;
	box(w, 0, 0);
	app_put(w, 1, 2, _("Log in again"), wd - 4, false);
	app_put(w, 2, 2, app->sync->who(app->sync->ctx), wd - 4, false);
	app_put(w, 3, 2, _("Password (not shown):"), wd - 4, false);
	app_put(w, 4, 2, _("Enter logs in, Esc cancels"), wd - 4, false);
	if (read_password(app, w, pw)) {
		if (app->sync->login(app->sync->ctx, pw, &err) < 0)
			app_error(app, &err);
		else
			app_message(app, "%s", _("Logging in..."));
	}
	sodium_memzero(pw, sizeof pw);
	delwin(w);
	clearok(curscr, TRUE);
}
