package admin

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"github.com/daison/portal/admin/feedback"
	"github.com/daison/portal/internal/schema"
)

// viMessages are the Vietnamese messages of PocketBase's validation error
// codes, so every client of the API (the back office, scripts, the dashboard's
// record forms) tells staff and citizens what is wrong in their language.
// Placeholders such as {max} take the error's params.
var viMessages = map[string]string{
	"validation_required":                        "Trường này không được để trống.",
	"validation_nil_or_not_empty_required":       "Trường này không được để trống.",
	"validation_max_text_constraint":             "Không được dài quá {max} ký tự.",
	"validation_min_text_constraint":             "Phải có ít nhất {min} ký tự.",
	"validation_invalid_format":                  "Giá trị không đúng định dạng.",
	"validation_invalid_value":                   "Giá trị không hợp lệ.",
	"validation_too_many_values":                 "Chỉ được chọn tối đa {maxSelect} mục.",
	"validation_not_enough_values":               "Phải chọn ít nhất {minSelect} mục.",
	"validation_only_int_constraint":             "Chỉ được nhập số nguyên.",
	"validation_min_number_constraint":           "Phải lớn hơn hoặc bằng {min}.",
	"validation_max_number_constraint":           "Phải nhỏ hơn hoặc bằng {max}.",
	"validation_not_a_number":                    "Giá trị phải là một số.",
	"validation_invalid_json":                    "Dữ liệu không đúng định dạng JSON.",
	"validation_json_size_limit":                 "Dữ liệu quá lớn (tối đa {maxSize} byte).",
	"validation_invalid_url":                     "Địa chỉ liên kết không hợp lệ.",
	"validation_url_domain_not_allowed":          "Tên miền của liên kết không được phép.",
	"validation_invalid_email":                   "Địa chỉ thư điện tử không hợp lệ.",
	"validation_not_unique":                      "Giá trị này đã được dùng cho một bản ghi khác.",
	"validation_missing_rel_records":             "Không tìm thấy bản ghi liên kết đã chọn.",
	"validation_missing_rel_collection":          "Không tìm thấy danh mục liên kết.",
	"validation_invalid_file":                    "Tệp tải lên không hợp lệ.",
	"validation_too_many_files":                  "Chỉ được tải lên tối đa {maxSelect} tệp.",
	"validation_file_size_limit":                 "Tệp quá lớn (tối đa {maxSize} byte).",
	"validation_invalid_mime_type":               "Loại tệp không được phép.",
	"validation_min_greater_equal_than_required": "Giá trị nhỏ hơn mức cho phép.",
	"validation_max_less_equal_than_required":    "Giá trị lớn hơn mức cho phép.",
	"validation_unknown_field":                   "Trường không tồn tại.",
	"validation_invalid_old_password":            "Mật khẩu hiện tại không đúng.",
	"validation_values_mismatch":                 "Hai mật khẩu nhập không khớp nhau.",
	"validation_length_out_of_range":             "Độ dài không hợp lệ.",
}

// viKnownMessages replace particular English messages of PocketBase (as
// it sends them: a sentence ending in a period).
var viKnownMessages = map[string]string{
	"Failed to read the submitted data.":                                                               "Không đọc được dữ liệu gửi lên: sai định dạng, hoặc có ký tự không hợp lệ (không phải UTF-8).",
	"An error occurred while loading the submitted data.":                                              "Không đọc được dữ liệu gửi lên: sai định dạng, hoặc có ký tự không hợp lệ (không phải UTF-8).",
	"Failed to load the submitted data due to invalid formatting.":                                     "Không đọc được dữ liệu gửi lên: sai định dạng, hoặc có ký tự không hợp lệ (không phải UTF-8).",
	"Failed to authenticate.":                                                                          "Email hoặc mật khẩu không đúng.",
	"Too Many Requests.":                                                                               "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi ít phút rồi thử lại.",
	"The request requires valid record authorization token.":                                           "Bạn cần đăng nhập để thực hiện thao tác này.",
	"The authorized record is not allowed to perform this action.":                                     "Tài khoản của bạn không được phép thực hiện thao tác này.",
	"Invalid or expired OTP.":                                                                          "Mã xác thực không đúng hoặc đã hết hạn.",
	"Too many attempts, please try again later with a new OTP.":                                        "Bạn đã nhập sai mã quá nhiều lần. Hãy yêu cầu mã mới rồi thử lại.",
	"Invalid or expired MFA session.":                                                                  "Phiên đăng nhập hai bước đã hết hạn. Vui lòng đăng nhập lại từ đầu.",
	"Invalid MFA session.":                                                                             "Phiên đăng nhập hai bước không hợp lệ. Vui lòng đăng nhập lại từ đầu.",
	"Failed to read MFA Id.":                                                                           "Phiên đăng nhập hai bước không hợp lệ. Vui lòng đăng nhập lại từ đầu.",
	"A different authentication method is required.":                                                   "Bước thứ hai phải dùng cách xác thực khác với bước đầu.",
	"The collection is not configured to allow OTP authentication.":                                    "Loại tài khoản này không đăng nhập bằng mã một lần.",
	"The collection is not configured to allow password authentication.":                               "Loại tài khoản này không đăng nhập bằng mật khẩu.",
	"Invalid or expired password reset token.":                                                         "Liên kết đặt lại mật khẩu không đúng hoặc đã hết hạn.",
	"Invalid or expired verification token.":                                                           "Liên kết xác minh email không đúng hoặc đã hết hạn.",
	"Invalid or expired token.":                                                                        "Liên kết không đúng hoặc đã hết hạn.",
	"Failed to delete record. Make sure that the record is not part of a required relation reference.": "Không xóa được: bản ghi khác đang bắt buộc liên kết tới bản ghi này. Hãy bỏ liên kết đó trước.",
	"Only superusers can perform this action.":                                                         "Chỉ bộ phận công nghệ thông tin (quản trị hệ thống) được thực hiện thao tác này.",
}

// viTooMany are the messages of a 429 for an endpoint, by the end of its
// path: the lock of sign-in and of the mailed codes.
var viTooMany = map[string]string{
	"/auth-with-password":     "Đăng nhập tạm thời bị khóa vì có quá nhiều lần thử từ địa chỉ này. Vui lòng đợi 1 phút rồi thử lại.",
	"/auth-with-otp":          "Bạn đã nhập mã quá nhiều lần. Vui lòng đợi ít phút rồi yêu cầu mã mới.",
	"/request-otp":            "Địa chỉ này đã yêu cầu gửi mã đăng nhập quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.",
	"/request-password-reset": "Địa chỉ này đã yêu cầu đặt lại mật khẩu quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.",
}

// viStatusMessages replace PocketBase's English top-level error messages.
var viStatusMessages = map[int]string{
	400: "Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.",
	401: "Bạn cần đăng nhập để thực hiện thao tác này.",
	403: "Bạn không có quyền thực hiện thao tác này.",
	404: "Không tìm thấy nội dung yêu cầu.",
	413: "Dữ liệu gửi lên quá lớn.",
	429: "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.",
	500: "Đã có lỗi ở máy chủ. Vui lòng thử lại sau.",
}

// translateErrors is a router middleware that rewrites the API's error
// responses in Vietnamese: the top-level message by status and each field's
// message by its validation code. Codes stay as they are for programs.
func translateErrors(e *core.RequestEvent) error {
	err := e.Next()
	if err == nil {
		return nil
	}
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) {
		return err
	}
	apiErr = explainRuleFailure(e, apiErr)
	if msg := tooMany(e, apiErr); msg != "" {
		apiErr.Message = msg
	} else if msg := explainCause(e, apiErr); msg != "" {
		apiErr.Message = msg
	} else if msg, ok := viKnownMessages[apiErr.Message]; ok {
		apiErr.Message = msg
	} else if msg, ok := viStatusMessages[apiErr.Status]; ok && !isVietnamese(apiErr.Message) {
		apiErr.Message = msg
	}
	translateData(apiErr.Data)
	// A citizen's form posted without JavaScript gets a page, not JSON.
	if p := e.Request.URL.Path; p == "/gop-y/gui" || p == feedback.LookupPath || p == feedback.ErasePath {
		return feedback.Problem(e, apiErr.Status, apiErr.Message)
	}
	return apiErr
}

// tooMany is the message of a 429 from an endpoint that has its own.
func tooMany(e *core.RequestEvent, apiErr *router.ApiError) string {
	if apiErr.Status != http.StatusTooManyRequests {
		return ""
	}
	for suffix, msg := range viTooMany {
		if strings.HasSuffix(e.Request.URL.Path, suffix) {
			return msg
		}
	}
	return ""
}

// explainRuleFailure turns PocketBase's answers to a write its API rules
// refused into a 403 that says so: a create refused by its rule is a 400
// "Failed to create record", and an update or delete a 404, which would tell
// an editor who may not publish an initiative that it does not exist.
func explainRuleFailure(e *core.RequestEvent, apiErr *router.ApiError) *router.ApiError {
	raw, _ := apiErr.RawData().(error)
	switch {
	case apiErr.Status == http.StatusBadRequest && raw != nil && strings.Contains(raw.Error(), "create rule failure"):
		if msg := otherUnit(e); msg != "" {
			return router.NewForbiddenError(msg, nil)
		}
		return router.NewForbiddenError("Bạn không có quyền tạo bản ghi này: vai trò của bạn không được phép, hoặc không được tạo với trạng thái hay đơn vị đã chọn.", nil)
	case apiErr.Status == http.StatusNotFound && e.Auth != nil && !e.Auth.IsSuperuser() &&
		(e.Request.Method == http.MethodPatch || e.Request.Method == http.MethodDelete):
		coll, id := e.Request.PathValue("collection"), e.Request.PathValue("id")
		if coll == "" || id == "" {
			return apiErr
		}
		rec, err := e.App.FindRecordById(coll, id)
		if err != nil {
			return apiErr // truly not there
		}
		// Only those who may see the record learn that it is there.
		info, err := e.RequestInfo()
		if err != nil {
			return apiErr
		}
		if canView, _ := e.App.CanAccessRecord(rec, info, rec.Collection().ViewRule); !canView {
			return apiErr
		}
		if msg := otherUnit(e); msg != "" && e.Request.Method == http.MethodPatch {
			return router.NewForbiddenError(msg, nil)
		}
		verb := "sửa"
		if e.Request.Method == http.MethodDelete {
			verb = "xóa"
		}
		return router.NewForbiddenError("Vai trò của bạn không được phép "+verb+" bản ghi này ở trạng thái hiện tại, hoặc không được chuyển nó sang trạng thái đã chọn.", nil)
	}
	return apiErr
}

// otherUnit says why a unit's reporter was refused a write that names
// another unit than theirs: the API rules keep them to their own unit.
func otherUnit(e *core.RequestEvent) string {
	if e.Auth == nil || e.Auth.Collection().Name != schema.Staff || e.Auth.GetString("role") != schema.RoleUnitReporter {
		return ""
	}
	info, err := e.RequestInfo()
	if err != nil {
		return ""
	}
	unit, _ := info.Body["unit"].(string)
	own := e.Auth.GetString("unit")
	if unit == "" || unit == own {
		return ""
	}
	name := "đơn vị được giao"
	if u, err := e.App.FindRecordById(schema.Units, own); err == nil {
		name = "đơn vị “" + u.GetString("name") + "”"
	}
	return "Bạn là cán bộ đầu mối của " + name + ": chỉ lập và sửa hồ sơ, báo cáo, sáng kiến của đơn vị mình, không chọn được đơn vị khác."
}

func translateData(data map[string]any) {
	for _, v := range data {
		item, ok := v.(map[string]any)
		if !ok {
			continue
		}
		code, isItem := item["code"].(string)
		if !isItem {
			translateData(item)
			continue
		}
		if msg, ok := item["message"].(string); ok && isVietnamese(msg) {
			continue // our own hooks already speak Vietnamese
		}
		tmpl, ok := viMessages[code]
		if !ok {
			continue
		}
		params, _ := item["params"].(map[string]any)
		msg, _ := item["message"].(string)
		item["message"] = fillParams(tmpl, params, msg)
	}
}

// placeholder is a {name} in a Vietnamese message; number a figure in
// PocketBase's English one.
var (
	placeholder = regexp.MustCompile(`\{[a-zA-Z]+\}`)
	number      = regexp.MustCompile(`[0-9]+`)
)

// fillParams puts an error's params into a Vietnamese message template.
// Some PocketBase errors carry no params and give the figure only in their
// English message ("Must be at least 10 character(s)"): a placeholder left
// over takes the English message's figures in order, or is dropped.
func fillParams(tmpl string, params map[string]any, english string) string {
	for k, p := range params {
		tmpl = strings.ReplaceAll(tmpl, "{"+k+"}", fmt.Sprint(p))
	}
	figures := number.FindAllString(english, -1)
	return placeholder.ReplaceAllStringFunc(tmpl, func(string) string {
		if len(figures) == 0 {
			return "…"
		}
		f := figures[0]
		figures = figures[1:]
		return f
	})
}

// isVietnamese tells our own messages from PocketBase's English ones: ours
// always hold a letter outside ASCII.
func isVietnamese(s string) bool {
	for _, r := range s {
		if r > 0x7f {
			return true
		}
	}
	return false
}

// Explain renders an error from saving a record for a person at a terminal:
// each field's problem on its own line, in Vietnamese where PocketBase's
// code is known ("email: Giá trị này đã được dùng cho một bản ghi khác.").
// Other errors come back as they are.
func Explain(err error) string {
	var verrs validation.Errors
	if !errors.As(err, &verrs) {
		return err.Error()
	}
	var b strings.Builder
	for _, field := range slices.Sorted(maps.Keys(verrs)) {
		msg := verrs[field].Error()
		var ve validation.Error
		if errors.As(verrs[field], &ve) && !isVietnamese(msg) {
			if tmpl, ok := viMessages[ve.Code()]; ok {
				msg = fillParams(tmpl, ve.Params(), msg)
			}
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s: %s", field, msg)
	}
	return b.String()
}
