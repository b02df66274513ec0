/* Shared pieces of the procedure tables (table_*.c); internal to core/proc. */
#ifndef TTHC_PROC_TABLE_H
#define TTHC_PROC_TABLE_H

#include "proc/proc.h"
#include "util/i18n.h"

#define R(id) ROLE_BIT(ROLE_##id)
#define G(id) (1u << GUARD_##id)
#define S(id) STATE_BIT(id)

/* The cấp ủy's leaders, and with them the clerk who handles papers. */
#define LEADERS   (R(SECRETARY) | R(DEPUTY_SECRETARY))
#define OFFICE    (LEADERS | R(CLERK))
#define COMMITTEE (LEADERS | R(COMMITTEE_MEMBER))
/* Staff who may act for a member who cannot (QĐ 338: delegation). */
#define HELPERS   (OFFICE | R(ASSIGNED_STAFF))

#define END { 0 }

extern const struct proc_field proc_fields_none[];
extern const struct proc_field proc_fields_fixes[];     /* return-incomplete */
extern const struct proc_field proc_fields_reason[];    /* a required reason */
extern const struct proc_field proc_fields_note[];      /* an optional note */
extern const struct proc_field proc_fields_meeting[];   /* a meeting's date */

extern const struct proc_machine proc_machine_fee, proc_machine_residence,
	proc_machine_official, proc_machine_temporary, proc_machine_account;

#endif
