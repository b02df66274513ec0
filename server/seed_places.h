/* Synthetic Vietnamese place and organisation names for `tthcd seed`, drawn
 * from tables of common syllables and common kinds of agencies: plausible,
 * not real (a drawn name may happen to exist somewhere, as "Tân Phú" does
 * in many provinces, but it names no real organisation's data). */
#ifndef TTHCD_SEED_PLACES_H
#define TTHCD_SEED_PLACES_H

#include <stddef.h>

#include "demo/rng.h"

/* A two-syllable place name ("Tân Phú", "Hòa Bình") into out. */
void seed_place_name(struct rng *r, char *out, size_t size);

/* A one-syllable village word ("Đông", "Thượng"), or NULL when i is past
 * the table (callers then number their villages). */
const char *seed_village_word(size_t i);

/* The i-th institution of a commune ("Công an", "Trường Tiểu học"), or NULL
 * past the table; the caller adds the commune's name. */
const char *seed_commune_institution(size_t i);

/* An agency or enterprise kind ("Bệnh viện Đa khoa khu vực"), drawn; the
 * caller adds a place name. */
const char *seed_agency_kind(struct rng *r);

/* A department of an agency ("Phòng Kế toán"), or NULL past the table. */
const char *seed_department(size_t i);

/* A base party branch's unit ("Trường THPT", "Chi cục Thuế khu vực"),
 * drawn; the caller adds a place name. */
const char *seed_unit_kind(struct rng *r);

#endif
