/* Public holidays by year, as data.  Rules: Labour Code 2019 (45/2019/QH14)
 * Art. 112 (1/1; Tết 5 days; Hùng Kings 10/3 lunar; 30/4; 1/5; 2/9 and one
 * day next to it) and Art. 111(3) (a holiday on a weekend is taken on the
 * next working day).  The exact days each year are fixed by the government's
 * announcement for civil servants; rows not yet announced are computed from
 * the rule and the lunar calendar and marked to_confirm.  An official
 * correction is a one-row change here (DESIGN.md section 7). */
#include "proc/workdays.h"

#include "util/i18n.h"

#define LAW  "Labour Code 2019 Art. 111-112"
#define LIEU "Labour Code 2019 Art. 111(3)"
#define T25  "MoHA announcement, Tết Ất Tỵ 2025: 25/01-02/02/2025"
#define S25  "MoHA announcement, 30/4-1/5/2025: 30/04-04/05, work 26/04"
#define T26  "MoHA announcement, Tết Bính Ngọ 2026: 14/02-22/02/2026"
#define T27  "Estimated from Art. 112: 30 Tết + mùng 1-4, weekend days in lieu"

#define OFF(y, m, d, name, src, tbc)  { { y, m, d }, HOLIDAY_OFF, name, src, tbc }
#define WORK(y, m, d, name, src, tbc) { { y, m, d }, HOLIDAY_SWAP_WORK, name, src, tbc }

static const struct holiday table[] = {
	OFF(2025, 1, 1, N_("New Year's Day"), LAW, false),
	OFF(2025, 1, 27, N_("Lunar New Year"), T25, false),
	OFF(2025, 1, 28, N_("Lunar New Year"), T25, false),
	OFF(2025, 1, 29, N_("Lunar New Year"), T25, false),
	OFF(2025, 1, 30, N_("Lunar New Year"), T25, false),
	OFF(2025, 1, 31, N_("Lunar New Year"), T25, false),
	OFF(2025, 4, 7, N_("Hung Kings Commemoration Day"), LAW, false),
	WORK(2025, 4, 26, N_("Working Saturday in exchange for 2 May"), S25, true),
	OFF(2025, 4, 30, N_("Reunification Day"), LAW, false),
	OFF(2025, 5, 1, N_("International Labour Day"), LAW, false),
	OFF(2025, 5, 2, N_("Day off in exchange for 26 April"), S25, true),
	OFF(2025, 9, 1, N_("National Day"), LAW, false),
	OFF(2025, 9, 2, N_("National Day"), LAW, false),

	OFF(2026, 1, 1, N_("New Year's Day"), LAW, false),
	OFF(2026, 2, 16, N_("Lunar New Year"), T26, false),
	OFF(2026, 2, 17, N_("Lunar New Year"), T26, false),
	OFF(2026, 2, 18, N_("Lunar New Year"), T26, false),
	OFF(2026, 2, 19, N_("Lunar New Year"), T26, false),
	OFF(2026, 2, 20, N_("Lunar New Year"), T26, false),
	/* 10/3 Bính Ngọ is Sunday 26/04/2026. */
	OFF(2026, 4, 27, N_("Hung Kings Commemoration Day (in lieu)"), LIEU, false),
	OFF(2026, 4, 30, N_("Reunification Day"), LAW, false),
	OFF(2026, 5, 1, N_("International Labour Day"), LAW, false),
	OFF(2026, 9, 2, N_("National Day"), LAW, false),
	/* The day next to 2/9 is the Prime Minister's choice; 2020 (also a
	 * Wednesday) took the Thursday. */
	OFF(2026, 9, 3, N_("National Day"), LAW, true),

	OFF(2027, 1, 1, N_("New Year's Day"), LAW, false),
	/* Mùng 1 Đinh Mùi is Saturday 06/02/2027. */
	OFF(2027, 2, 5, N_("Lunar New Year"), T27, true),
	OFF(2027, 2, 8, N_("Lunar New Year"), T27, true),
	OFF(2027, 2, 9, N_("Lunar New Year"), T27, true),
	OFF(2027, 2, 10, N_("Lunar New Year"), T27, true),
	OFF(2027, 2, 11, N_("Lunar New Year"), T27, true),
	OFF(2027, 4, 16, N_("Hung Kings Commemoration Day"), LAW, true),
	OFF(2027, 4, 30, N_("Reunification Day"), LAW, false),
	/* 1/5/2027 is a Saturday. */
	OFF(2027, 5, 3, N_("International Labour Day (in lieu)"), LIEU, false),
	OFF(2027, 9, 2, N_("National Day"), LAW, false),
	OFF(2027, 9, 3, N_("National Day"), LAW, true),
};

/* The years the table covers, in full. */
enum { FIRST_YEAR = 2025, LAST_YEAR = 2027 };

const struct holiday *holidays_table(size_t *count)
{
	*count = sizeof table / sizeof table[0];
	return table;
}

bool holidays_cover(int year)
{
	return year >= FIRST_YEAR && year <= LAST_YEAR;
}
