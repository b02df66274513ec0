/* The form of an action (issue 7): one line per field of core/proc's table,
 * typed as wide characters and kept NFC, "on behalf of" when the action is
 * one staff take for a member; ^X checks with core/proc and shows its
 * messages by field, then queues for every case of the set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "logic/keys.h"
#include "text/nfc.h"
#include "util/date.h"
#include "views/bulk.h"

#define MAX_FIELDS 16
#define FIELD_LEN 200

struct form {
	struct case_set *set;
	const struct proc_action *pa;
	const struct proc_field *f[MAX_FIELDS];
	int n;                          /* fields, then "on behalf of" if any */
	bool behalf;
	int text[MAX_FIELDS + 1][FIELD_LEN];
	int len[MAX_FIELDS + 1];
	char msg[MAX_FIELDS + 1][160];
	int cur;
};

static void *form_open(struct app *app, const void *arg)
{
	const struct form_arg *fa = arg;
	struct form *fm = calloc(1, sizeof *fm);

	(void)app;
	if (!fm || !(fm->set = case_set_copy(fa->set))) {
		free(fm);
		return NULL;
	}
	fm->pa = fa->pa;
	for (const struct proc_field *f = fa->pa->fields; f && f->name && fm->n < MAX_FIELDS; f++)
		fm->f[fm->n++] = f;
	fm->behalf = (fa->pa->delegates & decider_roles(app->dec)) != 0;
	/* Staff act on behalf of the case's member (QĐ 338: the member's own
	 * act, recorded with who keyed it in). */
	for (const char *p = fa->member; fm->behalf && p && *p && fm->len[fm->n] < FIELD_LEN; p++)
		fm->text[fm->n][fm->len[fm->n]++] = (unsigned char)*p;
	return fm;
}

static const char *form_title(void *self)
{
	return _(((struct form *)self)->pa->label);
}

static int rows(const struct form *fm)
{
	return fm->n + (fm->behalf ? 1 : 0);
}

/* What the current field takes, when typing alone would not say. */
static bool hint(const struct proc_field *f, char *out, size_t size)
{
	size_t len;

	switch (f->type) {
	case FIELD_ENUM:
		snprintf(out, size, "%s", _("one of:"));
		for (const struct proc_choice *c = f->choices; c && c->name; c++) {
			len = strlen(out);
			snprintf(out + len, size - len, " %s (%s)", c->name, _(c->label));
		}
		return true;
	case FIELD_DATE:
		snprintf(out, size, "%s", _("a date: dd/mm/yyyy"));
		return true;
	case FIELD_TEXT_LIST:
		snprintf(out, size, "%s", _("several items, separated by ';'"));
		return true;
	default:
		return false;
	}
}

static void form_draw(struct app *app, void *self, int y0, int h, int w)
{
	struct form *fm = self;
	char line[512];
	int y = y0;

	for (int i = 0; i < rows(fm) && y < y0 + h; i++) {
		const char *label = i < fm->n ? _(fm->f[i]->label) : _("On behalf of (member id)");
		char *v = app_wide_to_utf8(fm->text[i], fm->len[i]);
		int used;

		used = app_put(stdscr, y, 2, label, w / 2, false);
		app_put(stdscr, y, 2 + used, ": ", 2, false);
		if (i == fm->cur)
			wattron(stdscr, app_attr_cursor(app));
		app_put(stdscr, y, 4 + used, v ? v : "", w - used - 6, true);
		wattroff(stdscr, app_attr_cursor(app));
		free(v);
		y++;
		if (i == fm->cur && i < fm->n && y < y0 + h && hint(fm->f[i], line, sizeof line))
			app_put(stdscr, y++, 6, line, w - 8, true);
		if (fm->msg[i][0] && y < y0 + h) {
			wattron(stdscr, app_attr_warn(app));
			app_put(stdscr, y++, 6, fm->msg[i], w - 8, true);
			wattroff(stdscr, app_attr_warn(app));
		}
	}
}

/* People write dd/mm/yyyy (DESIGN.md section 8), the wire YYYY-MM-DD: a
 * date typed the Vietnamese way is turned round in place; anything else
 * goes as typed, for core/proc to judge. */
static const char *iso_date(const char *s, char out[11])
{
	struct date d;

	if (sscanf(s, "%2d/%2d/%4d", &d.d, &d.m, &d.y) != 3 || !date_valid(d))
		return s;
	date_format_iso(d, out);
	return out;
}

static cJSON *payload(struct form *fm)
{
	cJSON *p = cJSON_CreateObject();

	for (int i = 0; p && i < fm->n; i++) {
		char *v = app_wide_to_utf8(fm->text[i], fm->len[i]);
		char *nfc = v ? text_nfc(v, strlen(v), NULL, NULL) : NULL;
		char iso[11];

		if (nfc && *nfc) {
			if (fm->f[i]->type == FIELD_INT)
				cJSON_AddNumberToObject(p, fm->f[i]->name, strtod(nfc, NULL));
			else if (fm->f[i]->type == FIELD_DATE)
				cJSON_AddStringToObject(p, fm->f[i]->name, iso_date(nfc, iso));
			else if (fm->f[i]->type == FIELD_TEXT_LIST) {
				cJSON *a = cJSON_AddArrayToObject(p, fm->f[i]->name);

				/* One item per ';', as the command line takes them. */
				for (char *s = strtok(nfc, ";"); s; s = strtok(NULL, ";"))
					cJSON_AddItemToArray(a, cJSON_CreateString(s));
			} else
				cJSON_AddStringToObject(p, fm->f[i]->name, nfc);
		}
		free(nfc);
		free(v);
	}
	return p;
}

/* True when the action was queued: the form has done its work. */
static bool submit(struct app *app, struct form *fm)
{
	char *behalf = fm->behalf ? app_wide_to_utf8(fm->text[fm->n], fm->len[fm->n]) : NULL;
	struct proc_verdict v;
	struct tthc_err err = { 0 };
	cJSON *p = payload(fm);
	bool queued = false;

	for (int i = 0; i <= fm->n; i++)
		fm->msg[i][0] = '\0';
	if (decider_check(app->dec, fm->set->ids[0], fm->pa->name, p,
			  behalf && *behalf ? behalf : NULL, &v, &err) < 0) {
		app_error(app, &err);
	} else if (v.outcome != PROC_ALLOWED) {
		/* core/proc's messages under the fields they name. */
		for (size_t r = 0; r < v.n_reasons; r++) {
			int at = fm->n;

			for (int i = 0; i < fm->n; i++)
				if (strstr(v.reasons[r].path, fm->f[i]->name))
					at = i;
			snprintf(fm->msg[at], sizeof fm->msg[at], "%s", v.reasons[r].message);
		}
		app_message(app, "%s", v.n_reasons ? v.reasons[0].message : _("Not allowed now."));
	} else {
		queued = bulk_act(app, fm->set->ids, fm->set->names, fm->set->n, fm->pa->name,
				  _(fm->pa->label), p, behalf && *behalf ? behalf : NULL);
	}
	cJSON_Delete(p);
	free(behalf);
	return queued;
}

static enum view_result form_handle(struct app *app, void *self, enum action a)
{
	struct form *fm = self;

	switch (a) {
	case ACT_MOVE_DOWN:
		if (fm->cur + 1 < rows(fm))
			fm->cur++;
		break;
	case ACT_MOVE_UP:
		if (fm->cur > 0)
			fm->cur--;
		break;
	case ACT_BACK:
		return VIEW_CLOSE;
	case ACT_SUBMIT:
		return submit(app, fm) ? VIEW_CLOSE : VIEW_STAY;
	default:
		break;
	}
	return VIEW_STAY;
}

static bool form_input(struct app *app, void *self, int key)
{
	struct form *fm = self;
	int i = fm->cur;

	(void)app;
	if (rows(fm) == 0)
		return false;
	if (key == KEY_OF(TK_BACKSPACE) || key == 127 || key == 8) {
		if (fm->len[i] > 0)
			fm->len[i]--;
		return true;
	}
	if (key < 0x20 || key >= KEY_SPECIAL || fm->len[i] == FIELD_LEN)
		return false;
	fm->text[i][fm->len[i]++] = key;
	return true;
}

static void form_close(void *self)
{
	struct form *fm = self;

	case_set_free(fm->set);
	free(fm);
}

static const enum action form_keys[] = {
	ACT_HELP, ACT_SUBMIT, ACT_MOVE_DOWN, ACT_MOVE_UP, ACT_BACK, ACT_NONE,
};

const struct view_ops view_form = {
	VIEW_FORM, form_open, form_title, form_draw, form_handle, form_input, NULL, form_keys,
	form_close,
};
