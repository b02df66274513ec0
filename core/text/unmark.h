/* The letter under a character's marks, for places that cannot show the
 * marks: a terminal in ASCII or Latin-1, a legacy encoding that lacks the
 * letter.  "ễ" -> 'e', "Ư" -> 'U', đ -> d: all marks go, not only the tone,
 * because "Nguyên" for "Nguyễn" would be another real name while "Nguyen" is
 * plainly a name without its marks. */
#ifndef TTHC_TEXT_UNMARK_H
#define TTHC_TEXT_UNMARK_H

#include <stdint.h>

/* The base letter of cp; 0 when cp is itself a combining mark (drop it);
 * -1 when there is no letter under it (the caller shows '?'). */
int32_t text_unmark(int32_t cp);

#endif
