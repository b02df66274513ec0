#include "seed_places.h"

#include <stdio.h>
#include <string.h>

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* Syllables that commonly start and end Vietnamese commune and ward names
 * (Hán-Việt words of good omen: Tân "new", Phú "rich", Hòa "peace", ...).
 * 40 x 40 pairs are far more than the communes of the largest seed. */
static const char *const first_syllables[] = {
	"Tân", "Hòa", "Phú", "An", "Bình", "Long", "Mỹ", "Vĩnh", "Thạnh", "Phước",
	"Hưng", "Quang", "Xuân", "Thanh", "Đông", "Tây", "Nam", "Bắc", "Hồng", "Minh",
	"Kim", "Gia", "Yên", "Thái", "Hải", "Sơn", "Cẩm", "Lạc", "Đại", "Trung",
	"Nghĩa", "Thuận", "Định", "Khánh", "Hợp", "Quảng", "Cát", "Vạn", "Thiện", "Đức",
};

static const char *const second_syllables[] = {
	"Phú", "Bình", "Hòa", "Lộc", "Thịnh", "Hưng", "Lợi", "Thành", "Tiến", "Thắng",
	"Phong", "Sơn", "Hải", "Điền", "Lâm", "Thọ", "Phúc", "Cường", "Châu", "Dương",
	"Hiệp", "Mỹ", "Trung", "Tân", "An", "Long", "Quý", "Hà", "Khê", "Xuyên",
	"Thủy", "Đông", "Tây", "Nam", "Bắc", "Lạc", "Vinh", "Minh", "Hội", "Nguyên",
};

/* Villages named by position or rank, as many are (thôn Đông, thôn Thượng). */
static const char *const village_words[] = {
	"Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Đoài", "Tiền", "Hậu",
	"Nội", "Ngoại", "Giữa", "Mới", "Chợ", "Cầu", "Đình", "Bến",
};

/* The units every commune has a party branch in (HD 06-HD/TW lists branches
 * by place of residence and by workplace; these are the usual workplaces). */
static const char *const commune_institutions[] = {
	"Cơ quan Đảng ủy", "Công an", "Quân sự", "Trường Tiểu học",
	"Trường Trung học cơ sở", "Trạm Y tế", "Trường Mầm non",
};

static const char *const agency_kinds[] = {
	"Bệnh viện Đa khoa khu vực", "Trung tâm Y tế khu vực", "Công ty Điện lực",
	"Công ty cổ phần Cấp nước", "Công ty Môi trường Đô thị", "Trường Cao đẳng",
	"Công ty Lâm nghiệp", "Công ty cổ phần Xi măng", "Công ty Cao su",
	"Ban Quản lý Khu công nghiệp", "Công ty Thủy lợi", "Công ty cổ phần Dệt may",
	"Công ty Cà phê", "Bưu điện khu vực", "Công ty cổ phần Chè",
};

static const char *const departments[] = {
	"Phòng Tổ chức - Hành chính", "Phòng Kế toán", "Phòng Kế hoạch", "Phòng Kỹ thuật",
	"Phòng Kinh doanh", "Khoa Nội", "Khoa Ngoại", "Khoa Khám bệnh", "Ban Giám đốc",
	"Phòng Vật tư", "Đội Vận hành", "Đội Sửa chữa",
};

static const char *const unit_kinds[] = {
	"Trường Trung học phổ thông", "Trung tâm Văn hóa - Thể thao",
	"Chi cục Thuế khu vực", "Kho bạc Nhà nước khu vực", "Ban Quản lý dự án",
	"Trung tâm Giáo dục nghề nghiệp", "Hạt Kiểm lâm", "Trạm Khuyến nông",
};

void seed_place_name(struct rng *r, char *out, size_t size)
{
	const char *a = first_syllables[rng_below(r, COUNT(first_syllables))];
	const char *b;

	do
		b = second_syllables[rng_below(r, COUNT(second_syllables))];
	while (!strcmp(a, b));
	snprintf(out, size, "%s %s", a, b);
}

const char *seed_village_word(size_t i)
{
	return i < COUNT(village_words) ? village_words[i] : NULL;
}

const char *seed_commune_institution(size_t i)
{
	return i < COUNT(commune_institutions) ? commune_institutions[i] : NULL;
}

const char *seed_agency_kind(struct rng *r)
{
	return agency_kinds[rng_below(r, COUNT(agency_kinds))];
}

const char *seed_department(size_t i)
{
	return i < COUNT(departments) ? departments[i] : NULL;
}

const char *seed_unit_kind(struct rng *r)
{
	return unit_kinds[rng_below(r, COUNT(unit_kinds))];
}
