/* Whether a word reads as one Vietnamese syllable: initial consonant, vowel
 * nucleus, final consonant, at most one tone mark, placed on the vowel that
 * carries it (old or new style for oa, oe, uy), and only sắc or nặng before
 * a stop (c, ch, p, t).  Encoding detection counts such words; it is a test
 * of spelling, not a dictionary. */
#ifndef TTHC_TEXT_SYLLABLE_H
#define TTHC_TEXT_SYLLABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* cps: the word's code points (NFC).  Its case must be a word's: all
 * small, all capitals, or one capital first ("phÝ" is a wrong table). */
bool vn_syllable_plausible(const int32_t *cps, size_t n);

/* Whether `lower` (NFC UTF-8, small letters) is one of the syllables that
 * fill ordinary text (common_syllables.c). */
bool vn_syllable_common(const char *lower);

#endif
