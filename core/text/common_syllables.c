/* Syllables that fill ordinary Vietnamese text and the papers tthc handles:
 * the most frequent words of general text (của, được, người, những...),
 * the common family and given names, and the vocabulary of party
 * procedures.  A wrong table rarely turns bytes into these, so detection
 * trusts a reading full of them more than one of merely well-spelled
 * syllables.  Only those with a non-ASCII letter: ASCII words read the same
 * in every encoding.  Sorted by bytes, for bsearch. */
#include <stdlib.h>
#include <string.h>

#include "text/syllable.h"

static const char *const common[] = {
	"biên", "bà", "báo", "bí", "bùi", "bản", "bổ", "bộ", "chuyển",
	"chính", "chú", "chưa", "chỉ", "chị", "chủ", "chức", "cá", "các",
	"có", "công", "cũ", "cũng", "cơ", "cấp", "cần", "của", "dân", "dũng",
	"dương", "dưới", "giải", "giảm", "giấy", "giới", "gồm", "hiện",
	"hoàng", "hoạt", "huyện", "huỳnh", "hà", "hành", "hùng", "hơn",
	"hương", "hạn", "hạnh", "hải", "hằng", "học", "họp", "hồ", "hội",
	"không", "kiến", "kết", "kỳ", "luật", "là", "lê", "lý", "lương",
	"lại", "lối", "lời", "miễn", "một", "mới", "mức", "nghĩa", "nghị",
	"nguyễn", "ngày", "ngô", "người", "ngọc", "nhiều", "nhiệm", "nhà",
	"nhân", "như", "nhưng", "nhận", "nhập", "những", "này", "năm", "nơi",
	"nước", "nạp", "nội", "nộp", "nữ", "phiếu", "phí", "phó", "phường",
	"phạm", "phải", "quyết", "quán", "quê", "quốc", "sơ", "sơn", "sẽ",
	"số", "sống", "sở", "thiệu", "thoại", "thuộc", "thành", "tháng",
	"thì", "thông", "thư", "thảo", "thắng", "thể", "thị", "thời", "thủ",
	"thực", "tiếp", "tiền", "toàn", "trách", "trên", "trường", "trả",
	"trần", "trực", "tuấn", "tư", "tưởng", "tượng", "tại", "tập", "tế",
	"tỉnh", "tổ", "tục", "từ", "viên", "việc", "việt", "và", "vào", "võ",
	"văn", "vũ", "về", "vị", "với", "xác", "xã", "xét", "ông", "ý", "đi",
	"điều", "điện", "đây", "đã", "đình", "đó", "đóng", "đúng", "đơn",
	"được", "đại", "đạo", "đảng", "đầu", "đặng", "đến", "đề", "để",
	"địa", "định", "đối", "đồng", "đỗ", "động", "đủ", "đức", "ở", "ủy",
};

static int cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool vn_syllable_common(const char *lower)
{
	return bsearch(lower, common, sizeof common / sizeof common[0],
		       sizeof common[0], cmp) != NULL;
}
