/* NFC + fold throughput on 50 MB of generated Vietnamese text, as a ratio
 * to a bare loop calling utf8proc's NFC on the same lines (issue 3's goal:
 * ours/bare >= 0.5).  Ours is what an entry point and a search index do per
 * line: text_nfc (validation, ASCII shortcut, utf8proc), then text_fold.
 * Each loop runs three times, interleaved; the best time counts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "lib/corpus.h"
#include "text/fold.h"
#include "text/nfc.h"
#include "util/buf.h"
#include "lib/clock.h"

#define CORPUS_BYTES (50u << 20)
#define SEED 20261125u
#define ROUNDS 3

struct line {
	const char *s;
	size_t len;
};

/* A pass returns the total NFC bytes and puts the total key bytes in
 * *folded: the results are used, ours must give as many NFC bytes as bare
 * utf8proc, and keys folded from the raw NFC/NFD lines as many as keys
 * folded after NFC. */
typedef size_t (*pass_fn)(const struct line *lines, size_t n, size_t *folded);

static size_t bare_nfc(const struct line *lines, size_t n, size_t *folded)
{
	utf8proc_uint8_t *out;
	utf8proc_ssize_t k;
	size_t i, total = 0;

	for (i = 0; i < n; i++) {
		out = NULL;
		k = utf8proc_map((const utf8proc_uint8_t *)lines[i].s,
				 (utf8proc_ssize_t)lines[i].len, &out,
				 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (k < 0) {
			fprintf(stderr, "bench: utf8proc_map failed on line %zu\n", i + 1);
			exit(1);
		}
		total += (size_t)k;
		free(out);
	}
	*folded = 0;
	return total;
}

static size_t ours_nfc_fold(const struct line *lines, size_t n, size_t *folded)
{
	struct tthc_err err = { 0 };
	size_t i, total = 0, nfc_len, key_len;
	char *nfc, *key;

	*folded = 0;
	for (i = 0; i < n; i++) {
		nfc = text_nfc(lines[i].s, lines[i].len, &nfc_len, &err);
		key = nfc ? text_fold(nfc, nfc_len, &key_len, &err) : NULL;
		if (!key) {
			fprintf(stderr, "bench: line %zu: %s\n", i + 1, err.msg);
			exit(1);
		}
		total += nfc_len;
		*folded += key_len;
		free(nfc);
		free(key);
	}
	return total;
}

/* Folding alone, straight from the mixed NFC/NFD lines, into one reused
 * buffer: how much of ours is the fold. */
static size_t fold_only(const struct line *lines, size_t n, size_t *folded)
{
	struct buf key = BUF_INIT;
	size_t i;

	*folded = 0;
	for (i = 0; i < n; i++) {
		buf_reset(&key);
		if (text_fold_append(&key, lines[i].s, lines[i].len, NULL)) {
			fprintf(stderr, "bench: text_fold failed on line %zu\n", i + 1);
			exit(1);
		}
		*folded += key.len;
	}
	buf_free(&key);
	return 0;
}

static double run(pass_fn fn, const struct line *lines, size_t n, size_t *nfc_bytes,
		  size_t *folded)
{
	double t0 = bench_wall();

	*nfc_bytes = fn(lines, n, folded);
	return bench_wall() - t0;
}

int main(void)
{
	struct corpus c;
	struct line *lines;
	size_t n = 0, i, start = 0, bare_out = 0, ours_out = 0, folded = 0, ignored;
	double t, bare = 1e30, ours = 1e30, fold = 1e30, mb, t0 = bench_wall();
	size_t fold_keys = 0;
	int r;

	if (corpus_make(&c, CORPUS_BYTES, SEED)) {
		fprintf(stderr, "bench: out of memory for the corpus\n");
		return 1;
	}
	lines = malloc(c.lines * sizeof *lines);
	if (!lines) {
		fprintf(stderr, "bench: out of memory for the line index\n");
		return 1;
	}
	for (i = 0; i < c.len; i++)
		if (c.text[i] == '\n') {
			lines[n].s = c.text + start;
			lines[n++].len = i - start;
			start = i + 1;
		}
	mb = (double)c.len / (1 << 20);
	printf("corpus: %.1f MB, %zu lines (%.0f%% decomposed, %.1f%% pure ASCII), "
	       "generated in %.2f s\n", mb, c.lines, 100.0 * (double)c.nfd_lines / (double)c.lines,
	       100.0 * (double)c.ascii_lines / (double)c.lines, bench_wall() - t0);

	for (r = 0; r < ROUNDS; r++) {
		t = run(bare_nfc, lines, n, &bare_out, &ignored);
		if (t < bare)
			bare = t;
		t = run(ours_nfc_fold, lines, n, &ours_out, &folded);
		if (t < ours)
			ours = t;
		t = run(fold_only, lines, n, &ignored, &fold_keys);
		if (t < fold)
			fold = t;
	}
	if (bare_out != ours_out || fold_keys != folded) {
		fprintf(stderr, "bench: NFC %zu bytes, utf8proc %zu; keys %zu bytes, from NFD %zu\n",
			ours_out, bare_out, folded, fold_keys);
		return 1;
	}
	printf("bare utf8proc NFC:           %7.1f MB/s  (best of %d: %.3f s)\n",
	       mb / bare, ROUNDS, bare);
	printf("ours text_nfc + text_fold:   %7.1f MB/s  (best of %d: %.3f s)\n",
	       mb / ours, ROUNDS, ours);
	printf("text_fold alone:             %7.1f MB/s  (best of %d: %.3f s)\n",
	       mb / fold, ROUNDS, fold);
	printf("ratio ours/bare: %.2f  (goal >= 0.5)\n", bare / ours);
	printf("NFC output %zu bytes, folded keys %zu bytes\n", ours_out, folded);
	free(lines);
	corpus_free(&c);
	return 0;
}
