/* A sorted array: membership for drawing a screen of rows is a binary
 * search, and tagging a whole search is one sort and one merge. */
#include "idset.h"

#include <stdlib.h>
#include <string.h>

/* The index of id, or where it would go; *found when it is there. */
static size_t find(const struct idset *s, const char *id, bool *found)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->v[mid], id);

		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

bool idset_has(const struct idset *s, const char *id)
{
	bool found;

	find(s, id, &found);
	return found;
}

int idset_toggle(struct idset *s, const char *id)
{
	bool found;
	size_t at = find(s, id, &found);
	char *copy;

	if (found) {
		free(s->v[at]);
		memmove(&s->v[at], &s->v[at + 1], (s->n - at - 1) * sizeof *s->v);
		s->n--;
		return 0;
	}
	if (s->n == s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 16;
		char **more = realloc(s->v, ncap * sizeof *more);

		if (!more)
			return -1;
		s->v = more;
		s->cap = ncap;
	}
	if (!(copy = strdup(id)))
		return -1;
	memmove(&s->v[at + 1], &s->v[at], (s->n - at) * sizeof *s->v);
	s->v[at] = copy;
	s->n++;
	return 0;
}

static int by_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int idset_merge(struct idset *s, struct store_strings *ids, bool invert)
{
	size_t i = 0, j = 0, n = 0, cap = s->n + ids->n;
	char **out = malloc((cap ? cap : 1) * sizeof *out);

	if (!out)
		return -1;
	qsort(ids->v, ids->n, sizeof *ids->v, by_strcmp);
	while (i < s->n || j < ids->n) {
		int c = i == s->n ? 1 : j == ids->n ? -1 : strcmp(s->v[i], ids->v[j]);

		if (c < 0) {
			out[n++] = s->v[i++];
		} else if (c > 0) {
			out[n++] = ids->v[j++];
		} else {
			/* In both: kept once when adding, out when toggling. */
			if (invert)
				free(s->v[i]);
			else
				out[n++] = s->v[i];
			free(ids->v[j]);
			i++;
			j++;
		}
	}
	free(s->v);
	s->v = out;
	s->n = n;
	s->cap = cap;
	free(ids->v);
	ids->v = NULL;
	ids->n = 0;
	return 0;
}

void idset_free(struct idset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}
