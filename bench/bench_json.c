/* The cost of strictness: reading a batch of 1,000 actions (the most one
 * POST /api/v1/actions may carry) with bare cJSON, with json_parse() (UTF-8,
 * escapes, numbers, depth, duplicate keys, NFC), and with the full decode
 * into struct model_actions_request.  Figures are ratios to bare cJSON in
 * the same run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/action.h"
#include "util/buf.h"
#include "lib/clock.h"

#define ROUNDS 200

static char *batch(size_t *len)
{
	struct buf b = BUF_INIT;
	int i;

	buf_puts(&b, "{\"actions\":[");
	for (i = 0; i < MODEL_ACTIONS_MAX; i++)
		buf_printf(&b, "%s{\"id\":\"6f1c2a4e-8b3d-4c5e-9f70-%012d\","
			   "\"kind\":\"return-incomplete\",\"case\":\"c-%d\",\"base_version\":%d,"
			   "\"payload\":{\"fixes\":[\"Thiếu bản tự kiểm điểm của đảng viên\","
			   "\"Thiếu quyết định điều động công tác\"],\"note\":\"Nguyễn Văn An, "
			   "chi bộ thôn Đông Hà\"},\"on_behalf_of\":\"m-%d\","
			   "\"client_time\":\"2026-11-21T03:00:00Z\"}",
			   i ? "," : "", i, i, i % 7 + 1, i);
	buf_puts(&b, "]}");
	*len = b.len;
	return buf_detach(&b);
}

static double bare(const char *doc, size_t len)
{
	double t = bench_wall();
	int i;

	for (i = 0; i < ROUNDS; i++)
		cJSON_Delete(cJSON_ParseWithLengthOpts(doc, len + 1, NULL, 1));
	return bench_wall() - t;
}

static double strict(const char *doc, size_t len)
{
	double t = bench_wall();
	int i;

	for (i = 0; i < ROUNDS; i++)
		cJSON_Delete(json_parse(doc, len, NULL, NULL));
	return bench_wall() - t;
}

static double decoded(const char *doc, size_t len)
{
	struct model_actions_request r;
	double t = bench_wall();
	int i;

	for (i = 0; i < ROUNDS; i++) {
		if (model_actions_request_parse(doc, len, JSON_STRICT, &r, NULL))
			return -1;
		model_actions_request_free(&r);
	}
	return bench_wall() - t;
}

int main(void)
{
	size_t len;
	char *doc = batch(&len);
	double base, s, d;

	if (!doc)
		return 1;
	base = bare(doc, len);
	s = strict(doc, len);
	d = decoded(doc, len);
	free(doc);
	if (d < 0) {
		fprintf(stderr, "bench_json: the batch was refused\n");
		return 1;
	}
	printf("batch of %d actions, %zu bytes, %d rounds\n", MODEL_ACTIONS_MAX, len, ROUNDS);
	printf("bare cJSON parse        %8.3f ms/batch  (baseline 1.00)\n", base * 1e3 / ROUNDS);
	printf("json_parse (strict)     %8.3f ms/batch  ratio %.2f\n", s * 1e3 / ROUNDS, s / base);
	printf("parse + decode structs  %8.3f ms/batch  ratio %.2f\n", d * 1e3 / ROUNDS, d / base);
	return 0;
}
