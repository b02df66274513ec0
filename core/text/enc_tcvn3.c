/* TCVN3 ("ABC", the .VnTime/.VnArial fonts): table VN3 of TCVN 5712:1993,
 * as published in the Vietnamese Unicode FAQ's charset tables
 * (vietunicode.sourceforge.net/charset/, "TCVN3 (ABC)").  VN3 is
 * the part of VN1 (glibc's TCVN5712-1) that .VnTime fonts draw: the small
 * letters sit at VN1's positions, so lower-case TCVN3 text is byte-identical
 * to TCVN5712-1 (DESIGN.md section 8); every row below was checked against
 * glibc's TCVN5712-1 table.
 *
 * The only capitals are Ă Â Ê Ô Ơ Ư Đ (0xA1-0xA7).  Capitals with tone marks
 * have no code: ABC users switched to an upper-case font (.VnTimeH) that
 * draws the small letters' codes as capitals, which a file does not record.
 * So "Ễ" cannot be encoded and is an error, or "E" with the fallback. */
#include "text/enc_table.h"
#include "util/i18n.h"

static const struct enc_seq tcvn3_seqs[] = {
	{ 0x00A0, "\xA0" },    /* no-break space */
	{ 0x00C2, "\xA2" },    /* Â */
	{ 0x00CA, "\xA3" },    /* Ê */
	{ 0x00D4, "\xA4" },    /* Ô */
	{ 0x00E0, "\xB5" },    /* à */
	{ 0x00E1, "\xB8" },    /* á */
	{ 0x00E2, "\xA9" },    /* â */
	{ 0x00E3, "\xB7" },    /* ã */
	{ 0x00E8, "\xCC" },    /* è */
	{ 0x00E9, "\xD0" },    /* é */
	{ 0x00EA, "\xAA" },    /* ê */
	{ 0x00EC, "\xD7" },    /* ì */
	{ 0x00ED, "\xDD" },    /* í */
	{ 0x00F2, "\xDF" },    /* ò */
	{ 0x00F3, "\xE3" },    /* ó */
	{ 0x00F4, "\xAB" },    /* ô */
	{ 0x00F5, "\xE2" },    /* õ */
	{ 0x00F9, "\xEF" },    /* ù */
	{ 0x00FA, "\xF3" },    /* ú */
	{ 0x00FD, "\xFD" },    /* ý */
	{ 0x0102, "\xA1" },    /* Ă */
	{ 0x0103, "\xA8" },    /* ă */
	{ 0x0110, "\xA7" },    /* Đ */
	{ 0x0111, "\xAE" },    /* đ */
	{ 0x0129, "\xDC" },    /* ĩ */
	{ 0x0169, "\xF2" },    /* ũ */
	{ 0x01A0, "\xA5" },    /* Ơ */
	{ 0x01A1, "\xAC" },    /* ơ */
	{ 0x01AF, "\xA6" },    /* Ư */
	{ 0x01B0, "\xAD" },    /* ư */
	{ 0x1EA1, "\xB9" },    /* ạ */
	{ 0x1EA3, "\xB6" },    /* ả */
	{ 0x1EA5, "\xCA" },    /* ấ */
	{ 0x1EA7, "\xC7" },    /* ầ */
	{ 0x1EA9, "\xC8" },    /* ẩ */
	{ 0x1EAB, "\xC9" },    /* ẫ */
	{ 0x1EAD, "\xCB" },    /* ậ */
	{ 0x1EAF, "\xBE" },    /* ắ */
	{ 0x1EB1, "\xBB" },    /* ằ */
	{ 0x1EB3, "\xBC" },    /* ẳ */
	{ 0x1EB5, "\xBD" },    /* ẵ */
	{ 0x1EB7, "\xC6" },    /* ặ */
	{ 0x1EB9, "\xD1" },    /* ẹ */
	{ 0x1EBB, "\xCE" },    /* ẻ */
	{ 0x1EBD, "\xCF" },    /* ẽ */
	{ 0x1EBF, "\xD5" },    /* ế */
	{ 0x1EC1, "\xD2" },    /* ề */
	{ 0x1EC3, "\xD3" },    /* ể */
	{ 0x1EC5, "\xD4" },    /* ễ */
	{ 0x1EC7, "\xD6" },    /* ệ */
	{ 0x1EC9, "\xD8" },    /* ỉ */
	{ 0x1ECB, "\xDE" },    /* ị */
	{ 0x1ECD, "\xE4" },    /* ọ */
	{ 0x1ECF, "\xE1" },    /* ỏ */
	{ 0x1ED1, "\xE8" },    /* ố */
	{ 0x1ED3, "\xE5" },    /* ồ */
	{ 0x1ED5, "\xE6" },    /* ổ */
	{ 0x1ED7, "\xE7" },    /* ỗ */
	{ 0x1ED9, "\xE9" },    /* ộ */
	{ 0x1EDB, "\xED" },    /* ớ */
	{ 0x1EDD, "\xEA" },    /* ờ */
	{ 0x1EDF, "\xEB" },    /* ở */
	{ 0x1EE1, "\xEC" },    /* ỡ */
	{ 0x1EE3, "\xEE" },    /* ợ */
	{ 0x1EE5, "\xF4" },    /* ụ */
	{ 0x1EE7, "\xF1" },    /* ủ */
	{ 0x1EE9, "\xF8" },    /* ứ */
	{ 0x1EEB, "\xF5" },    /* ừ */
	{ 0x1EED, "\xF6" },    /* ử */
	{ 0x1EEF, "\xF7" },    /* ữ */
	{ 0x1EF1, "\xF9" },    /* ự */
	{ 0x1EF3, "\xFA" },    /* ỳ */
	{ 0x1EF5, "\xFE" },    /* ỵ */
	{ 0x1EF7, "\xFB" },    /* ỷ */
	{ 0x1EF9, "\xFC" },    /* ỹ */
};

const struct enc_table enc_tcvn3 = {
	tcvn3_seqs, sizeof tcvn3_seqs / sizeof tcvn3_seqs[0],
	N_("TCVN3 has no capital letters with tone marks"),
};
