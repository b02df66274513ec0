/* Field lists shared by several procedures, and the constants the guards
 * use, each with its source. */
#include "proc/table.h"

const struct proc_field proc_fields_none[] = { END };

/* QĐ 338: one notice lists every fix at once, never piecemeal. */
const struct proc_field proc_fields_fixes[] = {
	{ "fixes", FIELD_TEXT_LIST, FIELD_REQUIRED, 1, 50, NULL, N_("Every fix the dossier needs") },
	END
};

const struct proc_field proc_fields_reason[] = {
	{ "reason", FIELD_TEXT, FIELD_REQUIRED, 1, 1000, NULL, N_("Reason") },
	END
};

const struct proc_field proc_fields_note[] = {
	{ "note", FIELD_TEXT, 0, 0, 1000, NULL, N_("Note") },
	END
};

const struct proc_field proc_fields_meeting[] = {
	{ "meeting_date", FIELD_DATE, FIELD_REQUIRED | FIELD_NOT_FUTURE, 0, 0, NULL,
	  N_("Date of the meeting that decided") },
	END
};

const struct proc_deadline proc_deadline_notice = {
	N_("incomplete-dossier notice after the dossier is received"), 8,
	DEADLINE_WORKING_HOURS, "QĐ 338-QĐ/TW", false
};

const struct proc_deadline proc_deadline_filing = {
	N_("official-transfer request after the decision"), 60,
	DEADLINE_WORKING_DAYS, "QĐ 294-QĐ/TW, HD 06-HD/TW", false
};

const struct proc_deadline proc_deadline_presenting = {
	N_("introduction paper presented to the receiving organisation"), 30,
	DEADLINE_WORKING_DAYS, "QĐ 294-QĐ/TW, HD 06-HD/TW", false
};

/* HD 06-HD/TW: a residence or work change of 3 months to under 1 year; study
 * of 3 months up to 2 years. */
static const struct proc_temp_limit temp_limits[] = {
	{ TEMP_WORK, "work", 3, 12, false },
	{ TEMP_RESIDENCE, "residence", 3, 12, false },
	{ TEMP_STUDY, "study", 3, 24, true },
};

const struct proc_temp_limit *proc_temp_limit(enum proc_temp_kind kind)
{
	size_t i;

	for (i = 0; i < sizeof temp_limits / sizeof temp_limits[0]; i++)
		if (temp_limits[i].kind == kind)
			return &temp_limits[i];
	return NULL;
}

