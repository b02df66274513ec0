/* core/text/detect: files made here in each encoding, told apart. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/detect.h"
#include "text/encoding.h"

/* The kind of text tthc imports: sentences from procedures and a list of
 * members.  No capital carries a tone, so that TCVN3 can hold it all. */
static const char sentences[] =
	"Đảng viên có trách nhiệm nộp đảng phí hằng tháng cho chi bộ nơi sinh hoạt.\n"
	"Hồ sơ chuyển sinh hoạt đảng chính thức gồm giấy giới thiệu và phiếu đảng viên.\n"
	"Chi bộ xem xét, đề nghị cấp ủy cấp trên quyết định kết nạp đảng viên mới.\n"
	"Mức đóng đảng phí của đảng viên hưởng lương bằng một phần trăm tiền lương.\n";

static const char names[] =
	"Nguyễn Văn An\nTrần Thị Bích Ngọc\nLê Hoàng Long\nPhạm Thị Hương\n"
	"Đỗ Đức Thắng\nVũ Minh Tuấn\nHoàng Thị Thu Hà\nBùi Quốc Khánh\n"
	"Đặng Thùy Dương\nNgô Quang Huy\nDương Văn Sỹ\nHuỳnh Thị Mỹ Duyên\n";

/* Capitals with tones: only TCVN5712-1 of the TCVN family holds them. */
static const char upper_names[] =
	"NGUYỄN VĂN ĐỨC\nTRẦN THỊ ÁNH\nLÊ QUỐC HƯNG\nPHẠM THỊ HỒNG NHUNG\n"
	"ĐẶNG VĂN LỢI\nVŨ THỊ NGỌC ẨN\nBÙI VĂN KHẢI\nNGÔ THỊ YẾN\n";

static struct text_guess detect_as(enum text_enc enc, const char *utf8)
{
	struct text_guess g;
	size_t n;
	char *bytes = text_enc_encode(enc, utf8, strlen(utf8), TEXT_FALLBACK_NONE,
				      &n, NULL, NULL);

	assert_non_null(bytes);
	assert_int_equal(text_detect_encoding(bytes, n, &g, NULL), 0);
	free(bytes);
	return g;
}

static void assert_detected(enum text_enc made, const char *utf8, enum text_enc want)
{
	struct text_guess g = detect_as(made, utf8);

	assert_false(g.ambiguous);
	assert_string_equal(text_enc_name(g.enc), text_enc_name(want));
	/* Above the bar `convert --from auto` sets. */
	assert_true(g.confidence > 0.5);
	assert_true(g.confidence <= 1.0);
}

static void sentences_are_detected_in_each_encoding(void **state)
{
	(void)state;
	assert_detected(TEXT_ENC_UTF8, sentences, TEXT_ENC_UTF8);
	assert_detected(TEXT_ENC_TCVN3, sentences, TEXT_ENC_TCVN3);
	assert_detected(TEXT_ENC_VNI, sentences, TEXT_ENC_VNI);
	assert_detected(TEXT_ENC_VISCII, sentences, TEXT_ENC_VISCII);
	assert_detected(TEXT_ENC_CP1258, sentences, TEXT_ENC_CP1258);
}

static void name_lists_are_detected_in_each_encoding(void **state)
{
	(void)state;
	assert_detected(TEXT_ENC_UTF8, names, TEXT_ENC_UTF8);
	assert_detected(TEXT_ENC_TCVN3, names, TEXT_ENC_TCVN3);
	assert_detected(TEXT_ENC_VNI, names, TEXT_ENC_VNI);
	assert_detected(TEXT_ENC_VISCII, names, TEXT_ENC_VISCII);
	assert_detected(TEXT_ENC_CP1258, names, TEXT_ENC_CP1258);
	assert_detected(TEXT_ENC_VNI, upper_names, TEXT_ENC_VNI);
	assert_detected(TEXT_ENC_VISCII, upper_names, TEXT_ENC_VISCII);
}

static void toned_capitals_in_tcvn5712_1_are_told_from_tcvn3(void **state)
{
	(void)state;
	assert_detected(TEXT_ENC_TCVN5712_1, upper_names, TEXT_ENC_TCVN5712_1);
}

/* Both read the bytes to the same text: the common name, not "ambiguous"
 * (DESIGN.md section 8). */
static void tcvn5712_1_without_toned_capitals_is_named_tcvn3(void **state)
{
	(void)state;
	assert_detected(TEXT_ENC_TCVN5712_1, sentences, TEXT_ENC_TCVN3);
}

static void plain_ascii_is_utf8_not_anything_exotic(void **state)
{
	const char *s = "Nguyen Van An\nTran Thi Binh\nHello, world.\n";
	struct text_guess g;

	(void)state;
	assert_int_equal(text_detect_encoding(s, strlen(s), &g, NULL), 0);
	assert_false(g.ambiguous);
	assert_int_equal(g.enc, TEXT_ENC_UTF8);
	assert_true(g.confidence == 1.0);
	assert_int_equal(text_detect_encoding("", 0, &g, NULL), 0);
	assert_int_equal(g.enc, TEXT_ENC_UTF8);
}

/* 0xB5 is à in TCVN3 and ộ in VISCII: "tài" and "tội" are both words. */
static void two_plausible_readings_are_ambiguous(void **state)
{
	struct text_guess g;
	size_t i;
	bool tcvn3 = false, viscii = false;

	(void)state;
	assert_int_equal(text_detect_encoding("t\xB5i", 3, &g, NULL), 0);
	assert_true(g.ambiguous);
	assert_true(g.n >= 2);
	for (i = 0; i < g.n; i++) {
		tcvn3 |= g.candidates[i] == TEXT_ENC_TCVN3;
		viscii |= g.candidates[i] == TEXT_ENC_VISCII;
	}
	assert_true(tcvn3 && viscii);
}

/* Forty times 0xB5: a "word" far longer than any syllable, in every
 * reading.  Nothing is plausible, so nothing is chosen. */
static void a_word_longer_than_any_syllable_reads_as_nothing(void **state)
{
	char bytes[40];
	struct text_guess g;

	(void)state;
	memset(bytes, 0xB5, sizeof bytes);
	assert_int_equal(text_detect_encoding(bytes, sizeof bytes, &g, NULL), 0);
	assert_true(g.ambiguous);
}

static void more_text_gives_more_confidence(void **state)
{
	struct text_guess one, all;
	size_t n;
	char *bytes = text_enc_encode(TEXT_ENC_VNI, sentences, strlen(sentences),
				      TEXT_FALLBACK_NONE, &n, NULL, NULL);

	(void)state;
	assert_non_null(bytes);
	/* "Ñaûng": the first word alone. */
	assert_int_equal(text_detect_encoding(bytes, 5, &one, NULL), 0);
	assert_int_equal(text_detect_encoding(bytes, n, &all, NULL), 0);
	assert_int_equal(one.enc, TEXT_ENC_VNI);
	assert_int_equal(all.enc, TEXT_ENC_VNI);
	assert_true(one.confidence < all.confidence);
	free(bytes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sentences_are_detected_in_each_encoding),
		cmocka_unit_test(name_lists_are_detected_in_each_encoding),
		cmocka_unit_test(toned_capitals_in_tcvn5712_1_are_told_from_tcvn3),
		cmocka_unit_test(tcvn5712_1_without_toned_capitals_is_named_tcvn3),
		cmocka_unit_test(plain_ascii_is_utf8_not_anything_exotic),
		cmocka_unit_test(two_plausible_readings_are_ambiguous),
		cmocka_unit_test(a_word_longer_than_any_syllable_reads_as_nothing),
		cmocka_unit_test(more_text_gives_more_confidence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
