/* tthc rules: the procedure tables of core/proc, for people (show) and for
 * Graphviz (dot).  Everything printed comes from the tables, so the text
 * can never disagree with what the client and the server enforce. */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "commands.h"
#include "fee/rules.h"
#include "proc/proc.h"
#include "util/buf.h"
#include "util/i18n.h"

static void rules_help(FILE *f)
{
	cli_print(f, _("Usage: tthc rules show [PROCEDURE]\n"
		       "       tthc rules dot PROCEDURE\n"
		       "Show the states, actions, roles, fields and deadlines of a procedure (all of\n"
		       "them when none is named), or write its state machine in Graphviz form.\n\n"
		       "Procedures: fee, residence-comment, official-transfer, temporary-transfer,\n"
		       "account.\n\n"
		       "Exit status: 0 success, 1 unknown procedure, 2 usage error.\n"));
}

/* "Secretary, Clerk" from a role mask, MEMBER left out. */
static void put_roles(struct buf *b, unsigned roles)
{
	const char *sep = "";
	int r;

	for (r = 0; r < ROLE_COUNT; r++)
		if (r != ROLE_MEMBER && (roles & ROLE_BIT(r))) {
			buf_printf(b, "%s%s", sep, vocab_label(&vocab_roles, r));
			sep = ", ";
		}
}

static void put_who(struct buf *b, const struct proc_action *a)
{
	const char *rel = vocab_label(&vocab_relations, a->rel);

	buf_printf(b, "    %s ", _("who:"));
	if (a->flags & ACT_MEMBER) {
		buf_puts(b, _("the member himself"));
		if (a->delegates) {
			buf_puts(b, "; ");
			buf_puts(b, _("on his behalf:"));
			buf_putc(b, ' ');
			put_roles(b, a->delegates);
			buf_printf(b, _(" in %s"), rel);
		}
	} else {
		put_roles(b, a->roles);
		buf_printf(b, _(" in %s"), rel);
	}
	buf_putc(b, '\n');
}

static void put_shape(struct buf *b, const struct proc_field *f)
{
	const struct proc_choice *c;

	switch (f->type) {
	case FIELD_TEXT:
		buf_printf(b, _("text, %ld-%ld characters"), f->min, f->max);
		break;
	case FIELD_INT:
		buf_printf(b, _("whole number, %ld-%ld"), f->min, f->max);
		break;
	case FIELD_DATE:
		buf_puts(b, _("date YYYY-MM-DD"));
		if (f->flags & FIELD_NOT_FUTURE)
			buf_puts(b, _(", not after today"));
		break;
	case FIELD_PERIOD:
		buf_puts(b, _("month YYYY-MM"));
		break;
	case FIELD_ENUM:
		buf_puts(b, _("one of:"));
		for (c = f->choices; c->name; c++)
			buf_printf(b, "%s %s (%s)", c == f->choices ? "" : ",", c->name, _(c->label));
		break;
	case FIELD_TEXT_LIST:
		buf_printf(b, _("list of %ld-%ld texts"), f->min, f->max);
		break;
	}
}

static void put_fields(struct buf *b, const struct proc_field *f)
{
	if (!f->name)
		return;
	buf_printf(b, "    %s\n", _("fields:"));
	for (; f->name; f++) {
		buf_printf(b, "      %-18s %s; %s: ", f->name, _(f->label),
			   (f->flags & FIELD_REQUIRED) ? _("required") : _("optional"));
		put_shape(b, f);
		buf_putc(b, '\n');
	}
}

static void put_deadline(struct buf *b, const struct proc_deadline *d)
{
	buf_printf(b, d->unit == DEADLINE_WORKING_DAYS ? _("%d working days") : _("%d working hours"),
		   d->amount);
	buf_printf(b, ": %s (%s%s)", _(d->what), d->source, d->to_confirm ? _(", to confirm") : "");
}

/* The figures a guard takes from its table. */
static void put_guard_detail(struct buf *b, enum proc_guard g)
{
	static const enum proc_temp_kind kinds[] = { TEMP_WORK, TEMP_RESIDENCE, TEMP_STUDY };
	const struct proc_temp_limit *lim;
	char first[8];
	size_t i;

	if (g == GUARD_FEE_PERIOD) {
		period_format_vn(fee_first_period, first);
		buf_printf(b, _(" (from %s)"), first);
	} else if (g == GUARD_TEMP_DURATION || g == GUARD_TEMP_EXTENSION) {
		for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
			lim = proc_temp_limit(kinds[i]);
			buf_puts(b, i ? "; " : " (");
			buf_printf(b, lim->max_inclusive ? _("%s: %d to %d months")
							 : _("%s: %d to under %d months"),
				   lim->name, lim->min_months, lim->max_months);
		}
		buf_putc(b, ')');
	}
}

static void put_action(struct buf *b, const struct proc_machine *m, const struct proc_action *a)
{
	const struct proc_deadline *d = proc_action_deadline(a);
	const char *sep = "";
	int s, g;

	buf_printf(b, "  %s: %s\n    ", a->name, _(a->label));
	for (s = 0; s < m->n_states; s++)
		if (a->from & STATE_BIT(s)) {
			buf_printf(b, "%s%s", sep, m->states[s].name);
			sep = ", ";
		}
	buf_printf(b, " -> %s\n", a->to == PROC_SAME ? _("(unchanged)") : m->states[a->to].name);
	put_who(b, a);
	put_fields(b, a->fields);
	for (g = 0; g < GUARD_COUNT; g++)
		if (a->guards & (1u << g))
		{
			buf_printf(b, "    %s %s", _("check:"), _(proc_guard_label(g)));
			put_guard_detail(b, g);
			buf_putc(b, '\n');
		}
	if (d) {
		buf_printf(b, "    %s ", _("deadline:"));
		put_deadline(b, d);
		buf_putc(b, '\n');
	}
}

static void put_machine(struct buf *b, const struct proc_machine *m)
{
	int i;

	buf_printf(b, "%s (%s)\n%s %s\n\n%s\n", _(m->label), m->name, _("Source:"), m->source,
		   _("States:"));
	for (i = 0; i < m->n_states; i++)
		buf_printf(b, "  %-22s %s\n", m->states[i].name, _(m->states[i].label));
	buf_printf(b, "\n%s\n", _("Actions:"));
	for (i = 0; i < m->n_actions; i++)
		put_action(b, m, &m->actions[i]);
}

static int rules_show(const char *name)
{
	struct buf b = BUF_INIT;
	const struct proc_machine *m;
	int p;

	if (name) {
		m = proc_machine_find(name);
		if (!m) {
			cli_error(_("unknown procedure '%s'"), name);
			return EXIT_BAD_INPUT;
		}
		put_machine(&b, m);
	} else {
		for (p = 0; p < PROC_COUNT; p++) {
			put_machine(&b, proc_machine(p));
			buf_putc(&b, '\n');
		}
		put_machine(&b, proc_account_machine());
	}
	if (buf_failed(&b)) {
		buf_free(&b);
		cli_error("%s", _("out of memory"));
		return EXIT_BAD_INPUT;
	}
	cli_print(stdout, b.data);
	buf_free(&b);
	return EXIT_OK;
}

/* A Graphviz double-quoted string: '"' and '\' take a backslash, and a line
 * break is Graphviz's own "\n". */
static void put_quoted(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++) {
		if (*s == '\n') {
			fputs("\\n", f);
			continue;
		}
		if (*s == '"' || *s == '\\')
			putc('\\', f);
		putc(*s, f);
	}
	putc('"', f);
}

static int rules_dot(const char *name)
{
	const struct proc_machine *m = proc_machine_find(name);
	const struct proc_action *a;
	char label[512];
	int i, s;

	if (!m) {
		cli_error(_("unknown procedure '%s'"), name);
		return EXIT_BAD_INPUT;
	}
	printf("digraph ");
	put_quoted(stdout, m->name);
	printf(" {\n\trankdir=LR;\n\tnode [shape=box];\n");
	for (i = 0; i < m->n_states; i++) {
		putchar('\t');
		put_quoted(stdout, m->states[i].name);
		snprintf(label, sizeof label, "%s\n%s", m->states[i].name, _(m->states[i].label));
		printf(" [label=");
		put_quoted(stdout, label);
		printf("];\n");
	}
	for (i = 0; i < m->n_actions; i++) {
		a = &m->actions[i];
		for (s = 0; s < m->n_states; s++) {
			if (!(a->from & STATE_BIT(s)))
				continue;
			putchar('\t');
			put_quoted(stdout, m->states[s].name);
			printf(" -> ");
			put_quoted(stdout, m->states[a->to == PROC_SAME ? s : a->to].name);
			printf(" [label=");
			put_quoted(stdout, a->name);
			printf("];\n");
		}
	}
	printf("}\n");
	return EXIT_OK;
}

int cmd_rules(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (arg_is_help(argv[i])) {
			rules_help(stdout);
			return EXIT_OK;
		}
	if (argc < 2)
		return cli_usage_error("rules", "%s", _("a subcommand is needed: show or dot"));
	for (i = 2; i < argc; i++)
		if (argv[i][0] == '-')
			return cli_usage_error("rules", _("unknown option '%s'"), argv[i]);
	if (!strcmp(argv[1], "show")) {
		if (argc > 3)
			return cli_usage_error("rules", "%s", _("show takes at most one PROCEDURE"));
		return rules_show(argc == 3 ? argv[2] : NULL);
	}
	if (!strcmp(argv[1], "dot")) {
		if (argc != 3)
			return cli_usage_error("rules", "%s", _("dot takes one PROCEDURE"));
		return rules_dot(argv[2]);
	}
	return cli_usage_error("rules", _("unknown rules subcommand '%s'"), argv[1]);
}
