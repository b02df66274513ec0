/* Message catalogs.  Message ids are English; Vietnamese is the default
 * whatever the system locale says (DESIGN.md section 8). */
#ifndef TTHC_I18N_H
#define TTHC_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#define TTHC_TEXTDOMAIN "tthc"

/* Choose the catalog: `language` (from `set language`, may be NULL) >
 * $LANGUAGE > "vi".  Messages come back as UTF-8 whatever the locale's
 * charset; front ends convert them for the terminal through core/text.
 * Call once, early, after setlocale(LC_ALL, ""). */
void i18n_init(const char *language);

/* The language in force after i18n_init ("vi", "en"). */
const char *i18n_language(void);

#endif
