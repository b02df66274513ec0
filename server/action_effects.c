#include "action_effects.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/finance.h"
#include "rows.h"
#include "util/date.h"
#include "util/i18n.h"

/* The name of the incomplete-dossier notice's clock among a case's
 * deadlines (QĐ 338: due 8 working hours after the dossier is received). */
#define NOTICE_DEADLINE "notice"

static int nomem(struct tthc_err *e)
{
	return tthc_fail(e, TTHC_E_NOMEM, "actions", _("out of memory"));
}

/* Set (due != 0) or remove (due == 0) the deadline called name. */
static int deadline_set(struct model_case *c, const char *name, int64_t due,
			struct tthc_err *e)
{
	struct model_deadline *d;
	size_t i;

	for (i = 0; i < c->n_deadlines && strcmp(c->deadlines[i].name, name); i++)
		;
	if (i < c->n_deadlines && !due) {
		free(c->deadlines[i].name);
		c->deadlines[i] = c->deadlines[--c->n_deadlines];
		return 0;
	}
	if (!due)
		return 0;
	if (i == c->n_deadlines) {
		if (!(d = realloc(c->deadlines, (c->n_deadlines + 1) * sizeof *d)))
			return nomem(e);
		c->deadlines = d;
		if (!(d[i].name = strdup(name)))
			return nomem(e);
		c->n_deadlines++;
	}
	c->deadlines[i].due = due;
	return 0;
}

/* The payload's fields replace the dossier's fields of the same name: the
 * fixes of a notice, a reason, a meeting's date (core/proc has checked
 * them all). */
static int merge_fields(cJSON *fields, const cJSON *payload, struct tthc_err *e)
{
	const cJSON *item;
	cJSON *copy;

	cJSON_ArrayForEach(item, payload) {
		if (!(copy = cJSON_Duplicate(item, 1)))
			return nomem(e);
		if (cJSON_HasObjectItem(fields, item->string)) {
			if (!cJSON_ReplaceItemInObjectCaseSensitive(fields, item->string, copy)) {
				cJSON_Delete(copy);
				return nomem(e);
			}
		} else {
			cJSON_AddItemToObject(fields, item->string, copy);
		}
	}
	return 0;
}

/* Party fees: `pay` records the member's payment of the case's month (one
 * per fee case, so it takes the case's id); `return-amount` sends a wrong
 * payment back, so the record goes (the feed carries its tombstone). */
static int fee_effects(struct batch *b, const struct model_action *a,
		       const struct proc_case *pc, const struct model_case *mc,
		       struct tthc_err *e)
{
	const cJSON *p = a->payload;
	struct model_payment pay = { .id = mc->id, .member = mc->member, .period = pc->period };
	const char *method = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "method"));
	const char *paid_on = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "paid_on"));

	if (!strcmp(a->kind, "return-amount")) {
		if (rows_delete(b->tx, ENTITY_PAYMENT, mc->id, b->now, e) < 0 &&
		    e->code != TTHC_E_NOT_FOUND)
			return -1;
		return 0;
	}
	if (strcmp(a->kind, "pay"))
		return 0;
	pay.amount = (int64_t)cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(p, "amount"));
	pay.method = vocab_find(&vocab_payment_methods, method ? method : "");
	if (pay.method < 0 || date_parse(paid_on ? paid_on : "", &pay.paid_on, e) < 0)
		return tthc_fail(e, TTHC_E_INVALID, "payload",
				 _("the payment does not match the rules' checks"));
	return rows_put_payment(b->tx, &pay, b->now, NULL, e);
}

/* Who did what on which case, for whom, from which version to which; the
 * details name the action, the states and the client's time, never a
 * payload (it may hold personal remarks). */
static int audit(struct batch *b, const struct model_action *a, const char *from,
		 const struct model_case *mc, const struct proc_verdict *v, struct tthc_err *e)
{
	char action[MODEL_ID_MAX + 8], object[MODEL_ID_MAX + 8], client_time[21];
	cJSON *d = cJSON_CreateObject();
	char *details;
	int rc;

	cJSON_AddStringToObject(d, "id", a->id);
	cJSON_AddStringToObject(d, "procedure", vocab_name(&vocab_procedures, mc->procedure));
	cJSON_AddStringToObject(d, "from", from);
	cJSON_AddStringToObject(d, "to", mc->state);
	/* When the person acted, by the client's clock (offline work is pushed
	 * later); the entry's own time is the server's. */
	instant_format(a->client_time, client_time);
	cJSON_AddStringToObject(d, "client_time", client_time);
	if (v->notice_late)
		cJSON_AddTrueToObject(d, "late");
	details = cJSON_PrintUnformatted(d);
	cJSON_Delete(d);
	if (!details)
		return nomem(e);
	snprintf(action, sizeof action, "case.%s", a->kind);
	snprintf(object, sizeof object, "case:%s", mc->id);
	rc = audit_append(b->tx, &b->srv->key, b->now,
			  &(struct audit_entry){ .actor = b->who->name,
						 .on_behalf_of = a->on_behalf_of,
						 .action = action, .object = object,
						 .before_version = mc->version - 1,
						 .after_version = mc->version, .details = details },
			  e);
	cJSON_free(details);
	return rc;
}

int action_effects(struct batch *b, const struct model_action *a, const struct proc_case *pc,
		   const struct proc_verdict *v, struct model_case *mc, struct tthc_err *e)
{
	const struct proc_machine *m = proc_machine(pc->proc);
	int64_t received_at = pc->received_at, due;
	char *from = mc->state;
	int rc = -1;

	if (!(mc->state = strdup(m->states[v->to_state].name))) {
		mc->state = from;
		return nomem(e);
	}
	if (merge_fields(mc->fields, a->payload, e) < 0)
		goto out;
	/* The dossier is handed over now: the notice's 8 working hours start
	 * (a date the calendar cannot count leaves the clock unset). */
	if (v->starts_clock) {
		received_at = b->now;
		if (proc_notice_deadline(received_at, NULL, &due, NULL) == 0 &&
		    deadline_set(mc, NOTICE_DEADLINE, due, e) < 0)
			goto out;
	}
	if (v->is_notice && deadline_set(mc, NOTICE_DEADLINE, 0, e) < 0)
		goto out;
	if (pc->proc == PROC_FEE && fee_effects(b, a, pc, mc, e) < 0)
		goto out;
	if (rows_put_case(b->tx, mc, received_at, b->now, e) < 0 ||
	    audit(b, a, from, mc, v, e) < 0)
		goto out;
	rc = 0;
out:
	free(from);
	return rc;
}
