/* The organisation tree view's one service to the others. */
#ifndef TTHC_TUI_ORGS_H
#define TTHC_TUI_ORGS_H

#include "store/store.h"

/* The code of the first top organisation the store holds (one whose
 * parent the caller does not see: his own), for the reports; NULL with
 * *err (TTHC_E_NOT_FOUND before the first sync).  The caller frees it. */
char *orgs_top(struct store *st, struct tthc_err *err);

#endif
