/* VNI-Windows (the VNI-Times fonts of VNI Software): the font encoding as
 * published in the Vietnamese Unicode FAQ's charset tables
 * (vietunicode.sourceforge.net/charset/, "VNI Windows") and as used by the
 * xvnkb input method's vni.h (Đào Hải Lâm, 2002).
 *
 * VNI writes most toned letters as two glyphs: the ASCII base letter and a
 * mark byte ("ấ" = 'a' 0xE1, "ớ" = 0xF4 0xF9), so these are sequences and
 * decoding takes the longest match.  Single bytes: ơ 0xF4, ư 0xF6, đ 0xF1,
 * the toned i's (í 0xED, ì 0xEC, ỉ 0xE6, ĩ 0xF3, ị 0xF2) and ỵ 0xEE.
 * Capitals are the same codes 0x20 lower (Latin-1's case offset), the base
 * an ASCII capital. */
#include "text/enc_table.h"

static const struct enc_seq vni_seqs[] = {
	{ 0x00C0, "A\xD8" },   /* À */
	{ 0x00C1, "A\xD9" },   /* Á */
	{ 0x00C2, "A\xC2" },   /* Â */
	{ 0x00C3, "A\xD5" },   /* Ã */
	{ 0x00C8, "E\xD8" },   /* È */
	{ 0x00C9, "E\xD9" },   /* É */
	{ 0x00CA, "E\xC2" },   /* Ê */
	{ 0x00CC, "\xCC" },    /* Ì */
	{ 0x00CD, "\xCD" },    /* Í */
	{ 0x00D2, "O\xD8" },   /* Ò */
	{ 0x00D3, "O\xD9" },   /* Ó */
	{ 0x00D4, "O\xC2" },   /* Ô */
	{ 0x00D5, "O\xD5" },   /* Õ */
	{ 0x00D9, "U\xD8" },   /* Ù */
	{ 0x00DA, "U\xD9" },   /* Ú */
	{ 0x00DD, "Y\xD9" },   /* Ý */
	{ 0x00E0, "a\xF8" },   /* à */
	{ 0x00E1, "a\xF9" },   /* á */
	{ 0x00E2, "a\xE2" },   /* â */
	{ 0x00E3, "a\xF5" },   /* ã */
	{ 0x00E8, "e\xF8" },   /* è */
	{ 0x00E9, "e\xF9" },   /* é */
	{ 0x00EA, "e\xE2" },   /* ê */
	{ 0x00EC, "\xEC" },    /* ì */
	{ 0x00ED, "\xED" },    /* í */
	{ 0x00F2, "o\xF8" },   /* ò */
	{ 0x00F3, "o\xF9" },   /* ó */
	{ 0x00F4, "o\xE2" },   /* ô */
	{ 0x00F5, "o\xF5" },   /* õ */
	{ 0x00F9, "u\xF8" },   /* ù */
	{ 0x00FA, "u\xF9" },   /* ú */
	{ 0x00FD, "y\xF9" },   /* ý */
	{ 0x0102, "A\xCA" },   /* Ă */
	{ 0x0103, "a\xEA" },   /* ă */
	{ 0x0110, "\xD1" },    /* Đ */
	{ 0x0111, "\xF1" },    /* đ */
	{ 0x0128, "\xD3" },    /* Ĩ */
	{ 0x0129, "\xF3" },    /* ĩ */
	{ 0x0168, "U\xD5" },   /* Ũ */
	{ 0x0169, "u\xF5" },   /* ũ */
	{ 0x01A0, "\xD4" },    /* Ơ */
	{ 0x01A1, "\xF4" },    /* ơ */
	{ 0x01AF, "\xD6" },    /* Ư */
	{ 0x01B0, "\xF6" },    /* ư */
	{ 0x1EA0, "A\xCF" },   /* Ạ */
	{ 0x1EA1, "a\xEF" },   /* ạ */
	{ 0x1EA2, "A\xDB" },   /* Ả */
	{ 0x1EA3, "a\xFB" },   /* ả */
	{ 0x1EA4, "A\xC1" },   /* Ấ */
	{ 0x1EA5, "a\xE1" },   /* ấ */
	{ 0x1EA6, "A\xC0" },   /* Ầ */
	{ 0x1EA7, "a\xE0" },   /* ầ */
	{ 0x1EA8, "A\xC5" },   /* Ẩ */
	{ 0x1EA9, "a\xE5" },   /* ẩ */
	{ 0x1EAA, "A\xC3" },   /* Ẫ */
	{ 0x1EAB, "a\xE3" },   /* ẫ */
	{ 0x1EAC, "A\xC4" },   /* Ậ */
	{ 0x1EAD, "a\xE4" },   /* ậ */
	{ 0x1EAE, "A\xC9" },   /* Ắ */
	{ 0x1EAF, "a\xE9" },   /* ắ */
	{ 0x1EB0, "A\xC8" },   /* Ằ */
	{ 0x1EB1, "a\xE8" },   /* ằ */
	{ 0x1EB2, "A\xDA" },   /* Ẳ */
	{ 0x1EB3, "a\xFA" },   /* ẳ */
	{ 0x1EB4, "A\xDC" },   /* Ẵ */
	{ 0x1EB5, "a\xFC" },   /* ẵ */
	{ 0x1EB6, "A\xCB" },   /* Ặ */
	{ 0x1EB7, "a\xEB" },   /* ặ */
	{ 0x1EB8, "E\xCF" },   /* Ẹ */
	{ 0x1EB9, "e\xEF" },   /* ẹ */
	{ 0x1EBA, "E\xDB" },   /* Ẻ */
	{ 0x1EBB, "e\xFB" },   /* ẻ */
	{ 0x1EBC, "E\xD5" },   /* Ẽ */
	{ 0x1EBD, "e\xF5" },   /* ẽ */
	{ 0x1EBE, "E\xC1" },   /* Ế */
	{ 0x1EBF, "e\xE1" },   /* ế */
	{ 0x1EC0, "E\xC0" },   /* Ề */
	{ 0x1EC1, "e\xE0" },   /* ề */
	{ 0x1EC2, "E\xC5" },   /* Ể */
	{ 0x1EC3, "e\xE5" },   /* ể */
	{ 0x1EC4, "E\xC3" },   /* Ễ */
	{ 0x1EC5, "e\xE3" },   /* ễ */
	{ 0x1EC6, "E\xC4" },   /* Ệ */
	{ 0x1EC7, "e\xE4" },   /* ệ */
	{ 0x1EC8, "\xC6" },    /* Ỉ */
	{ 0x1EC9, "\xE6" },    /* ỉ */
	{ 0x1ECA, "\xD2" },    /* Ị */
	{ 0x1ECB, "\xF2" },    /* ị */
	{ 0x1ECC, "O\xCF" },   /* Ọ */
	{ 0x1ECD, "o\xEF" },   /* ọ */
	{ 0x1ECE, "O\xDB" },   /* Ỏ */
	{ 0x1ECF, "o\xFB" },   /* ỏ */
	{ 0x1ED0, "O\xC1" },   /* Ố */
	{ 0x1ED1, "o\xE1" },   /* ố */
	{ 0x1ED2, "O\xC0" },   /* Ồ */
	{ 0x1ED3, "o\xE0" },   /* ồ */
	{ 0x1ED4, "O\xC5" },   /* Ổ */
	{ 0x1ED5, "o\xE5" },   /* ổ */
	{ 0x1ED6, "O\xC3" },   /* Ỗ */
	{ 0x1ED7, "o\xE3" },   /* ỗ */
	{ 0x1ED8, "O\xC4" },   /* Ộ */
	{ 0x1ED9, "o\xE4" },   /* ộ */
	{ 0x1EDA, "\xD4\xD9" },/* Ớ */
	{ 0x1EDB, "\xF4\xF9" },/* ớ */
	{ 0x1EDC, "\xD4\xD8" },/* Ờ */
	{ 0x1EDD, "\xF4\xF8" },/* ờ */
	{ 0x1EDE, "\xD4\xDB" },/* Ở */
	{ 0x1EDF, "\xF4\xFB" },/* ở */
	{ 0x1EE0, "\xD4\xD5" },/* Ỡ */
	{ 0x1EE1, "\xF4\xF5" },/* ỡ */
	{ 0x1EE2, "\xD4\xCF" },/* Ợ */
	{ 0x1EE3, "\xF4\xEF" },/* ợ */
	{ 0x1EE4, "U\xCF" },   /* Ụ */
	{ 0x1EE5, "u\xEF" },   /* ụ */
	{ 0x1EE6, "U\xDB" },   /* Ủ */
	{ 0x1EE7, "u\xFB" },   /* ủ */
	{ 0x1EE8, "\xD6\xD9" },/* Ứ */
	{ 0x1EE9, "\xF6\xF9" },/* ứ */
	{ 0x1EEA, "\xD6\xD8" },/* Ừ */
	{ 0x1EEB, "\xF6\xF8" },/* ừ */
	{ 0x1EEC, "\xD6\xDB" },/* Ử */
	{ 0x1EED, "\xF6\xFB" },/* ử */
	{ 0x1EEE, "\xD6\xD5" },/* Ữ */
	{ 0x1EEF, "\xF6\xF5" },/* ữ */
	{ 0x1EF0, "\xD6\xCF" },/* Ự */
	{ 0x1EF1, "\xF6\xEF" },/* ự */
	{ 0x1EF2, "Y\xD8" },   /* Ỳ */
	{ 0x1EF3, "y\xF8" },   /* ỳ */
	{ 0x1EF4, "\xCE" },    /* Ỵ */
	{ 0x1EF5, "\xEE" },    /* ỵ */
	{ 0x1EF6, "Y\xDB" },   /* Ỷ */
	{ 0x1EF7, "y\xFB" },   /* ỷ */
	{ 0x1EF8, "Y\xD5" },   /* Ỹ */
	{ 0x1EF9, "y\xF5" },   /* ỹ */
};

const struct enc_table enc_vni = {
	vni_seqs, sizeof vni_seqs / sizeof vni_seqs[0], NULL,
};
