#include "model_samples.h"

#include <string.h>

#include "model/account.h"
#include "model/action.h"
#include "model/api_error.h"
#include "model/case.h"
#include "model/changes.h"
#include "model/finance.h"
#include "model/member.h"
#include "model/org.h"

#define CASE_JSON \
	"{\"id\":\"c-1\",\"procedure\":\"official-transfer\",\"state\":\"submitted\"," \
	"\"version\":3,\"member\":\"m-1\",\"orgs\":[{\"relation\":\"sending\"," \
	"\"org\":\"o-cb-1\"},{\"relation\":\"receiving\",\"org\":\"o-cb-2\"}]," \
	"\"fields\":{\"reason\":\"Chuyển công tác\",\"decision_date\":\"2026-11-02\"," \
	"\"pages\":[1,2,3]},\"created_at\":\"2026-11-20T01:00:00Z\"," \
	"\"updated_at\":\"2026-11-21T02:30:00Z\",\"deadlines\":[{\"name\":\"notice\"," \
	"\"due\":\"2026-11-21T09:30:00Z\"}]}"

#define ACTION_JSON(uuid) \
	"{\"id\":\"" uuid "\",\"kind\":\"return-incomplete\",\"case\":\"c-1\"," \
	"\"base_version\":3,\"payload\":{\"fixes\":[\"Thiếu bản tự kiểm điểm\"," \
	"\"Thiếu quyết định điều động\"]},\"on_behalf_of\":\"m-1\"," \
	"\"actor\":\"a-7\",\"client_time\":\"2026-11-21T03:00:00Z\"}"

#define ROLES_JSON \
	"[{\"role\":\"secretary\",\"org\":\"o-cb-1\"},{\"role\":\"member\",\"org\":\"o-cb-1\"}]"

#define ERROR_JSON \
	"{\"code\":\"refused\",\"message\":\"Hồ sơ chưa đầy đủ\",\"path\":\"payload\"," \
	"\"reasons\":[{\"code\":\"missing-field\",\"message\":\"Thiếu bản tự kiểm điểm\"," \
	"\"path\":\"payload.self_review\"},{\"code\":\"refused\"," \
	"\"message\":\"Đảng viên đang bị kiểm tra\"}]}"

const struct model_sample model_samples[] = {
	{ "province", &model_org_schema,
	  "{\"id\":\"o-tinh\",\"type\":\"province\",\"name\":\"Đảng bộ tỉnh Hà Tĩnh\"}" },
	{ "commune", &model_org_schema,
	  "{\"id\":\"o-xa-1\",\"parent\":\"o-tinh\",\"type\":\"base-committee\","
	  "\"name\":\"Đảng bộ xã Thạch Hà\",\"commune\":true}" },
	{ "member", &model_member_schema,
	  "{\"id\":\"m-1\",\"card_number\":\"28012345\",\"name\":\"Nguyễn Văn An\","
	  "\"birth_date\":\"1980-05-17\",\"sex\":\"male\",\"org\":\"o-cb-1\","
	  "\"joined\":\"2005-03-02\",\"category\":\"salary\",\"base\":8000000,"
	  "\"region\":1,\"past_retirement_age\":false,\"under_inspection\":false,"
	  "\"under_complaint\":true,\"exemption\":{\"reason\":\"serious-illness\","
	  "\"from\":\"2026-08\",\"to\":\"2027-01\"},\"reductions\":[{\"percent\":50,"
	  "\"from\":\"2026-09\",\"to\":\"2026-12\"},{\"percent\":30,"
	  "\"from\":\"2027-01\",\"to\":\"2027-06\"}]}" },
	{ "account", &model_account_schema,
	  "{\"id\":\"a-1\",\"username\":\"nguyenvanan\",\"status\":\"active\","
	  "\"roles\":" ROLES_JSON ",\"member\":\"m-1\",\"must_change_password\":false}" },
	{ "session_request", &model_session_request_schema,
	  "{\"username\":\"nguyenvanan\",\"password\":\"mật khẩu dài 2026\"}" },
	{ "session", &model_session_schema,
	  "{\"token\":\"0123456789abcdef0123456789abcdef\","
	  "\"expires_at\":\"2026-11-25T19:30:00Z\",\"roles\":" ROLES_JSON "}" },
	{ "case", &model_case_schema, CASE_JSON },
	{ "action", &model_action_schema, ACTION_JSON("6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f") },
	{ "actions_request", &model_actions_request_schema,
	  "{\"actions\":[" ACTION_JSON("6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f") ","
	  ACTION_JSON("00000000-0000-4000-8000-000000000001") "]}" },
	{ "result_applied", &model_action_result_schema,
	  "{\"id\":\"6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f\",\"status\":\"applied\","
	  "\"version\":4,\"case\":" CASE_JSON "}" },
	{ "result_rejected", &model_action_result_schema,
	  "{\"id\":\"6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f\",\"status\":\"rejected\","
	  "\"error\":" ERROR_JSON "}" },
	{ "actions_response", &model_actions_response_schema,
	  "{\"results\":[{\"id\":\"00000000-0000-4000-8000-000000000001\","
	  "\"status\":\"duplicate\",\"version\":4},"
	  "{\"id\":\"6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f\",\"status\":\"conflict\","
	  "\"case\":" CASE_JSON "}]}" },
	{ "fee_period", &model_fee_period_schema,
	  "{\"id\":\"fp-1\",\"org\":\"o-cb-1\",\"period\":\"2026-08\",\"state\":\"open\"}" },
	{ "payment", &model_payment_schema,
	  "{\"id\":\"p-1\",\"member\":\"m-1\",\"period\":\"2026-08\",\"amount\":80000,"
	  "\"method\":\"cash\",\"paid_on\":\"2026-08-05\"}" },
	{ "bank_account", &model_bank_account_schema,
	  "{\"id\":\"b-1\",\"org\":\"o-xa-1\",\"bank\":\"Ngân hàng Nông nghiệp và Phát "
	  "triển Nông thôn\",\"number\":\"3700205123456\",\"holder\":\"Đảng ủy xã Thạch Hà\"}" },
	{ "changes_page", &model_changes_page_schema,
	  "{\"changes\":[{\"kind\":\"case\",\"id\":\"c-1\",\"version\":3,"
	  "\"org_before\":\"o-cb-1\",\"org_after\":\"o-cb-1\",\"tombstone\":false,"
	  "\"row\":" CASE_JSON "},{\"kind\":\"member\",\"id\":\"m-9\",\"version\":7,"
	  "\"org_before\":\"o-cb-1\",\"org_after\":\"o-cb-2\",\"tombstone\":true}],"
	  "\"next\":\"1042\",\"more\":true}" },
	{ "error_body", &model_error_body_schema, "{\"error\":" ERROR_JSON "}" },
};

const size_t model_sample_count = sizeof model_samples / sizeof model_samples[0];

const struct model_sample *model_sample(const char *name)
{
	size_t i;

	for (i = 0; i < model_sample_count; i++)
		if (!strcmp(model_samples[i].name, name))
			return &model_samples[i];
	return NULL;
}
