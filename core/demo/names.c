#include "demo/names.h"

#include <stdio.h>

struct weighted {
	const char *text;
	unsigned weight;
};

/* Family names, weights in tenths of a percent of the population.  The
 * fourteen most common follow the approximate public estimate usually
 * quoted (Wikipedia, "Vietnamese name", after Lê Trung Hoa, Họ và tên người
 * Việt Nam, 2005): Nguyễn 38.4, Trần 11, Lê 9.5, Phạm 7.1, Hoàng/Huỳnh 5.1,
 * Phan 4.5, Vũ/Võ 3.9, Đặng 2.1, Bùi 2, Đỗ 1.4, Hồ 1.3, Ngô 1.3, Dương 1,
 * Lý 0.5.  The estimate counts Hoàng/Huỳnh and Vũ/Võ together (northern and
 * southern forms); the split between them and the shares of the rest (10.9
 * together) are our guesses.  The weights add up to 1000. */
static const struct weighted families[] = {
	{ "Nguyễn", 384 }, { "Trần", 110 }, { "Lê", 95 }, { "Phạm", 71 },
	{ "Hoàng", 30 }, { "Huỳnh", 21 }, { "Phan", 45 }, { "Vũ", 20 },
	{ "Võ", 19 }, { "Đặng", 21 }, { "Bùi", 20 }, { "Đỗ", 14 }, { "Hồ", 13 },
	{ "Ngô", 13 }, { "Dương", 10 }, { "Lý", 5 },
	{ "Trương", 9 }, { "Đinh", 8 }, { "Lâm", 7 }, { "Mai", 6 }, { "Trịnh", 6 },
	{ "Đào", 6 }, { "Cao", 5 }, { "Lương", 5 }, { "Hà", 5 }, { "Đoàn", 5 },
	{ "Tô", 4 }, { "Tạ", 4 }, { "Chu", 4 }, { "Lưu", 4 }, { "Phùng", 4 },
	{ "Vương", 3 }, { "Triệu", 3 }, { "Thái", 3 }, { "Châu", 3 },
	{ "Nghiêm", 2 }, { "Kiều", 2 }, { "Quách", 2 }, { "Tăng", 2 },
	{ "Lại", 2 }, { "Khổng", 1 }, { "Âu", 1 }, { "Ông", 1 }, { "Ưng", 1 },
	{ "Yên", 1 },
};

/* Middle names.  The first of each table is the traditional marker of sex
 * (Văn, Thị), the most frequent; a name with two middle names is the marker
 * followed by one of the others ("Trần Thị Ngọc Anh").  Weights relative. */
static const struct weighted middles_male[] = {
	{ "Văn", 30 }, { "Minh", 10 }, { "Hữu", 8 }, { "Đức", 8 }, { "Quang", 6 },
	{ "Công", 5 }, { "Thành", 5 }, { "Quốc", 5 }, { "Đình", 5 }, { "Thanh", 5 },
	{ "Xuân", 4 }, { "Ngọc", 4 }, { "Trung", 3 }, { "Gia", 3 }, { "Anh", 3 },
	{ "Duy", 3 }, { "Hoàng", 3 }, { "Tuấn", 2 }, { "Bá", 2 }, { "Mạnh", 2 },
	{ "Tiến", 2 }, { "Viết", 2 }, { "Khắc", 1 }, { "Phước", 1 },
};

static const struct weighted middles_female[] = {
	{ "Thị", 40 }, { "Ngọc", 10 }, { "Thanh", 6 }, { "Thu", 6 }, { "Phương", 4 },
	{ "Kim", 4 }, { "Hồng", 4 }, { "Minh", 4 }, { "Bảo", 3 }, { "Mai", 3 },
	{ "Khánh", 3 }, { "Thúy", 3 }, { "Mỹ", 3 }, { "Bích", 3 }, { "Quỳnh", 3 },
	{ "Diệu", 2 }, { "Hoài", 2 }, { "Lan", 2 }, { "Như", 2 }, { "Tuyết", 2 },
	{ "Ánh", 1 }, { "Cẩm", 1 }, { "Hải", 1 }, { "Xuân", 1 },
};

/* Given names, equally likely within a sex. */
static const char *const givens_male[] = {
	"An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Dũng", "Duy", "Dương",
	"Đạt", "Đông", "Đức", "Giang", "Hải", "Hào", "Hiếu", "Hiển", "Hòa",
	"Hoàng", "Hùng", "Huy", "Hưng", "Khải", "Khang", "Khánh", "Khoa", "Kiên",
	"Lâm", "Long", "Lộc", "Lợi", "Luân", "Mạnh", "Minh", "Nam", "Nghĩa",
	"Nhân", "Phát", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Tâm",
	"Thắng", "Thành", "Thiện", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn",
	"Tùng", "Việt", "Vinh", "Vũ", "Ân", "Ước", "Ý",
};

static const char *const givens_female[] = {
	"An", "Anh", "Ánh", "Bích", "Châu", "Chi", "Cúc", "Diễm", "Diệp", "Dung",
	"Duyên", "Đào", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng",
	"Huệ", "Hương", "Huyền", "Khuê", "Lan", "Liên", "Linh", "Loan", "Ly",
	"Mai", "My", "Nga", "Ngân", "Ngọc", "Nhi", "Nhung", "Oanh", "Phương",
	"Quyên", "Quỳnh", "Tâm", "Thảo", "Thanh", "Thu", "Thủy", "Trang",
	"Trâm", "Uyên", "Vân", "Vy", "Xuân", "Yến", "Ân", "Ấn", "Ẩn",
};

/* The share of names with two middle names (our guess). */
#define TWO_MIDDLES_PERCENT 15

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static const char *draw_weighted(struct rng *rng, const struct weighted *t, size_t n)
{
	unsigned total = 0, pick;
	size_t i;

	for (i = 0; i < n; i++)
		total += t[i].weight;
	pick = rng_below(rng, total);
	for (i = 0; pick >= t[i].weight; i++)
		pick -= t[i].weight;
	return t[i].text;
}

void demo_name_draw_sex(struct rng *rng, enum demo_sex sex, struct demo_name *name)
{
	const struct weighted *mid = sex == DEMO_FEMALE ? middles_female : middles_male;
	size_t nmid = sex == DEMO_FEMALE ? COUNT(middles_female) : COUNT(middles_male);

	name->sex = sex;
	name->family = draw_weighted(rng, families, COUNT(families));
	if (rng_below(rng, 100) < TWO_MIDDLES_PERCENT) {
		name->middle[0] = mid[0].text;
		name->middle[1] = draw_weighted(rng, mid + 1, nmid - 1);
	} else {
		name->middle[0] = draw_weighted(rng, mid, nmid);
		name->middle[1] = NULL;
	}
	if (sex == DEMO_FEMALE)
		name->given = givens_female[rng_below(rng, COUNT(givens_female))];
	else
		name->given = givens_male[rng_below(rng, COUNT(givens_male))];
}

void demo_name_draw(struct rng *rng, struct demo_name *name)
{
	demo_name_draw_sex(rng, rng_below(rng, 2) ? DEMO_FEMALE : DEMO_MALE, name);
}

size_t demo_name_format(const struct demo_name *name, char *out, size_t size)
{
	int n;

	if (name->middle[1])
		n = snprintf(out, size, "%s %s %s %s", name->family, name->middle[0],
			     name->middle[1], name->given);
	else
		n = snprintf(out, size, "%s %s %s", name->family, name->middle[0],
			     name->given);
	return n < 0 ? 0 : (size_t)n;
}
