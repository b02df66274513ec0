/* The main menu: the four procedures, then what the session's roles may
 * see (issue 7), the outbox, needs-attention and settings. */
#include <stdlib.h>

#include "app.h"
#include "model/vocab.h"
#include "views/rows.h"

enum entry_kind { E_PROC, E_ACCOUNTS, E_ORGS, E_REPORTS, E_OUTBOX, E_ATTENTION, E_SETTINGS };

struct entry {
	enum entry_kind kind;
	int proc;
	const char *label;      /* msgid */
};

struct menu {
	struct entry e[16];
	size_t n, cur, top, page;
};

#define STAFF (ROLE_BIT(ROLE_SECRETARY) | ROLE_BIT(ROLE_DEPUTY_SECRETARY) | \
	       ROLE_BIT(ROLE_COMMITTEE_MEMBER) | ROLE_BIT(ROLE_FINANCE) | ROLE_BIT(ROLE_ADMIN))

static void add(struct menu *m, enum entry_kind k, int proc, const char *label)
{
	m->e[m->n++] = (struct entry){ k, proc, label };
}

static void *menu_open(struct app *app, const void *arg)
{
	static const char *const procs[] = {
#define X(id, name, label) label,
		TTHC_PROCEDURES(X)
#undef X
	};
	struct menu *m = calloc(1, sizeof *m);
	unsigned roles = decider_roles(app->dec);

	(void)arg;
	if (!m)
		return NULL;
	for (int p = 0; p < PROC_COUNT; p++)
		add(m, E_PROC, p, procs[p]);
	/* Accounts: administrators (API.md: only they may use the account
	 * endpoints). */
	if (roles & ROLE_BIT(ROLE_ADMIN))
		add(m, E_ACCOUNTS, 0, N_("Accounts"));
	if (roles & (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_SECRETARY)))
		add(m, E_ORGS, 0, N_("Organisation"));
	if (roles & STAFF)
		add(m, E_REPORTS, 0, N_("Reports"));
	add(m, E_OUTBOX, 0, N_("Outbox"));
	add(m, E_ATTENTION, 0, N_("Needs attention"));
	add(m, E_SETTINGS, 0, N_("Settings"));
	return m;
}

static const char *menu_title(void *self)
{
	(void)self;
	return _("Main menu");
}

static void menu_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct menu *m = self;

	m->page = (size_t)h;
	rows_scroll(m->cur, &m->top, m->page);
	for (size_t i = m->top; i < m->n && (int)(i - m->top) < h; i++) {
		int y = y0 + (int)(i - m->top);

		if (i == m->cur)
			wattron(stdscr, app_attr_cursor(app));
		app_put(stdscr, y, 2, _(m->e[i].label), w - 4, true);
		wattroff(stdscr, app_attr_cursor(app));
	}
}

static enum view_result menu_handle(struct app *app, void *self, enum action a)
{
	struct menu *m = self;
	const struct entry *e = &m->e[m->cur];

	if (rows_move(a, m->n, &m->cur, &m->top, m->page))
		return VIEW_STAY;
	if (a == ACT_BACK)
		return VIEW_CLOSE;
	if (a != ACT_SELECT)
		return VIEW_STAY;
	switch (e->kind) {
	case E_PROC:
		app_push(app, &view_index, &e->proc);
		break;
	case E_OUTBOX:
		app_push(app, &view_outbox, NULL);
		break;
	case E_ATTENTION:
		app_push(app, &view_attention, NULL);
		break;
	case E_SETTINGS:
		app_push(app, &view_settings, NULL);
		break;
	case E_ACCOUNTS:
		app_push(app, &view_accounts, NULL);
		break;
	case E_ORGS:
		app_push(app, &view_orgs, NULL);
		break;
	case E_REPORTS:
		app_push(app, &view_reports, NULL);
		break;
	}
	return VIEW_STAY;
}

static void menu_close(void *self)
{
	free(self);
}

static const enum action menu_keys[] = {
	ACT_SELECT, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_OUTBOX, ACT_SYNC, ACT_HELP,
	ACT_BACK, ACT_QUIT, ACT_UNDO, ACT_REDRAW, ACT_NONE,
};

const struct view_ops view_menu = {
	VIEW_MENU, menu_open, menu_title, menu_draw, menu_handle, NULL, NULL, menu_keys,
	menu_close,
};
