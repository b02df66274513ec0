/* The accounts an administrator manages (issue 7): the server's list, and
 * lock, unlock, revoke and a new password through the account API, each
 * confirmed first.  Online only: accounts are not cached (an admin's
 * changes must reach the server at once to mean anything). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "model/vocab.h"
#include "loading.h"
#include "online.h"
#include "views/rows.h"

struct accounts {
	struct sync_client *c;
	struct sync_accounts list;
	size_t cur, top, page;
};

static void say(struct app *app, const char *what, const struct tthc_err *err)
{
	char msg[512];

	online_message(msg, sizeof msg, what, err);
	app_message(app, "%s", msg);
	app->msg_error = true;
}

static int fetch(struct app *app, struct accounts *v)
{
	struct sync_accounts list;
	struct loading ld;
	struct tthc_err err = { 0 };
	int rc;

	loading_begin(&ld, app, v->c);
	rc = sync_accounts_fetch(v->c, &list, &err);
	loading_end(&ld);
	if (rc < 0) {
		say(app, _("The accounts"), &err);
		return -1;
	}
	sync_accounts_free(&v->list);
	v->list = list;
	if (v->cur >= v->list.n)
		v->cur = v->list.n ? v->list.n - 1 : 0;
	return 0;
}

static void *accounts_open(struct app *app, const void *arg)
{
	struct accounts *v = calloc(1, sizeof *v);
	struct tthc_err err = { 0 };

	(void)arg;
	if (!v)
		return NULL;
	if (!(v->c = online_open(app->cfg, &err))) {
		say(app, _("The accounts"), &err);
		free(v);
		return NULL;
	}
	if (fetch(app, v) < 0) {
		online_close(v->c);
		free(v);
		return NULL;
	}
	return v;
}

static const char *accounts_title(void *self)
{
	(void)self;
	return _("Accounts");
}

/* The status as people read it (core/model's vocabulary). */
static const char *status_label(const char *s)
{
	int k = vocab_find(&vocab_account_statuses, s);

	return k >= 0 ? _(vocab_label(&vocab_account_statuses, k)) : s;
}

static void accounts_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct accounts *v = self;
	char line[512];

	if (v->list.n == 0) {
		app_put(stdscr, y0, 1, _("No account is yours to manage."), w - 2, true);
		return;
	}
	v->page = (size_t)h;
	rows_scroll(v->cur, &v->top, v->page);
	for (size_t i = v->top; i < v->list.n && (int)(i - v->top) < h; i++) {
		const struct sync_account *a = &v->list.a[i];

		snprintf(line, sizeof line, "%-20s %-12s %s", a->name, status_label(a->status),
			 a->roles);
		if (i == v->cur)
			wattron(stdscr, app_attr_cursor(app));
		app_put(stdscr, y0 + (int)(i - v->top), 1, line, w - 2, true);
		wattroff(stdscr, app_attr_cursor(app));
	}
}

/* The verb of an action, and the question asked first (msgids). */
static const struct {
	enum action a;
	const char *verb, *question, *done;
} verbs[] = {
	{ ACT_LOCK, "lock", N_("Lock the account %s? It cannot log in until unlocked."),
	  N_("Account %s locked.") },
	{ ACT_UNLOCK, "unlock", N_("Unlock the account %s?"), N_("Account %s unlocked.") },
	{ ACT_REVOKE, "revoke", N_("Revoke the account %s for good?"), N_("Account %s revoked.") },
	{ ACT_RESET_PASSWORD, "reset-password", N_("Give the account %s a new password?"),
	  N_("New password for %s, shown once: %s") },
};

static void apply(struct app *app, struct accounts *v, size_t k)
{
	const char *name = v->list.a[v->cur].name;
	char question[256], *password = NULL;
	struct loading ld;
	struct tthc_err err = { 0 };
	int rc;

	snprintf(question, sizeof question, _(verbs[k].question), name);
	if (!app_confirm(app, question, NULL, 0)) {
		app_message(app, "%s", _("Nothing done."));
		return;
	}
	loading_begin(&ld, app, v->c);
	rc = sync_account_verb(v->c, name, verbs[k].verb, &password, &err);
	loading_end(&ld);
	if (rc < 0) {
		say(app, name, &err);
		return;
	}
	/* The message names the account before the list is fetched again. */
	if (password)
		app_message(app, _(verbs[k].done), name, password);
	else
		app_message(app, _(verbs[k].done), name);
	free(password);
	fetch(app, v);
}

static enum view_result accounts_handle(struct app *app, void *self, enum action a)
{
	struct accounts *v = self;

	if (rows_move(a, v->list.n, &v->cur, &v->top, v->page))
		return VIEW_STAY;
	if (a == ACT_BACK)
		return VIEW_CLOSE;
	for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
		if (verbs[k].a == a && v->list.n)
			apply(app, v, k);
	return VIEW_STAY;
}

static void accounts_close(void *self)
{
	struct accounts *v = self;

	sync_accounts_free(&v->list);
	online_close(v->c);
	free(v);
}

static const enum action accounts_keys[] = {
	ACT_LOCK, ACT_UNLOCK, ACT_REVOKE, ACT_RESET_PASSWORD, ACT_HELP, ACT_MOVE_DOWN,
	ACT_MOVE_UP, ACT_BACK, ACT_QUIT, ACT_NONE,
};

const struct view_ops view_accounts = {
	VIEW_ACCOUNTS, accounts_open, accounts_title, accounts_draw, accounts_handle, NULL, NULL,
	accounts_keys, accounts_close,
};
