/* The dossier fields a decision reads (proc_case_fields), shared by the
 * server's stored cases and the client's cached ones so both decide on
 * the same facts. */
#include <string.h>

#include "proc/proc.h"

/* A dossier field "YYYY-MM-DD"; {0} when absent or not a date (the
 * decision then reports what the case lacks). */
static struct date field_date(const cJSON *fields, const char *name)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(fields, name));
	struct date d = { 0, 0, 0 };

	if (s && date_parse(s, &d, NULL) < 0)
		memset(&d, 0, sizeof d);
	return d;
}

static enum proc_temp_kind field_temp_kind(const cJSON *fields)
{
	static const enum proc_temp_kind known[] = { TEMP_WORK, TEMP_RESIDENCE, TEMP_STUDY };
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(fields, "kind"));
	size_t i;

	for (i = 0; s && i < sizeof known / sizeof known[0]; i++)
		if (!strcmp(proc_temp_limit(known[i])->name, s))
			return known[i];
	return TEMP_NONE;
}

void proc_case_fields(const cJSON *fields, struct proc_case *out)
{
	const char *period;

	out->decision_date = field_date(fields, "decision_date");
	out->intro_date = field_date(fields, "issued_on");
	out->temp_kind = field_temp_kind(fields);
	out->temp_from = field_date(fields, "from_date");
	out->temp_to = field_date(fields, "to_date");
	period = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(fields, "period"));
	if (period && period_parse(period, &out->period, NULL) < 0)
		memset(&out->period, 0, sizeof out->period);
}
