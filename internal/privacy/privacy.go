// Package privacy is what the portal tells citizens about the personal
// data they leave with a comment or a proposal (Luật Bảo vệ dữ liệu cá
// nhân 91/2025/QH15, Nghị định 356/2025/NĐ-CP): who processes it, for
// what and for how long, the consent sentence beside the box they tick,
// and the version of that wording, which the portal stores with each
// consent. The wording lives here only: the site (data/privacy.json,
// written by the export) and the portal's own form pages show the same
// text, and the version stored is the one shown. It also reads the
// retention period reviewers set (portalConfig). It is a leaf: admin and
// site use it.
package privacy

import (
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
)

// Version names the wording of Notice's items and consent sentence. Change
// it with any change of that wording: a submission's consentVersion says
// which text its citizen agreed to (with its retainMonths and the
// commune's identity at the time).
const Version = "2026-01"

// Retention of a citizen's contact details after their submission is
// answered (or closed), in months: reviewers choose it in the back office
// (portalConfig.contactRetentionMonths) within these bounds.
const (
	DefaultMonths = 12
	MinMonths     = 1
	MaxMonths     = 60
)

// ConfigField is the field of the portal's settings (portalConfig) holding
// the retention period in months.
const ConfigField = "contactRetentionMonths"

// ContactFields are the personal data of a submission that consent covers
// and erasure removes: the citizen's name, phone and email.
var ContactFields = []string{"name", "phone", "email"}

// Months is the retention period in force: the one reviewers set, or
// DefaultMonths when none is set (or the settings cannot be read).
func Months(app core.App) int {
	cfg, err := app.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil || cfg == nil {
		return DefaultMonths
	}
	return Clamp(cfg.GetInt(ConfigField))
}

// Clamp is months when it is a period reviewers may set, else
// DefaultMonths.
func Clamp(months int) int {
	if months < MinMonths || months > MaxMonths {
		return DefaultMonths
	}
	return months
}

// Item is one question the notice answers, with its answer.
type Item struct {
	Label string `json:"label"`
	Text  string `json:"text"`
}

// Notice is what the forms show beside the consent box. JSON is the site's
// data/privacy.json.
type Notice struct {
	Version string `json:"version"`
	Months  int    `json:"months"`
	Title   string `json:"title"`
	Items   []Item `json:"items"`
	// Consent is the sentence of the box a citizen ticks.
	Consent string `json:"consent"`
}

// For is the notice of the commune id with a retention of months.
func For(id commune.Identity, months int) Notice {
	id = id.WithDefaults()
	months = Clamp(months)
	contact := ""
	var ways []string
	if id.Email != "" {
		ways = append(ways, "thư điện tử "+id.Email)
	}
	if id.Phone != "" {
		ways = append(ways, "điện thoại "+id.Phone)
	}
	if len(ways) > 0 {
		contact = " Hỏi về dữ liệu của bạn: " + strings.Join(ways, ", ") + "."
	}
	return Notice{
		Version: Version,
		Months:  months,
		Title:   "Về thông tin cá nhân của bạn",
		Items: []Item{
			{"Ai xử lý", id.Owner + ". Chỉ cán bộ được giao trả lời ý kiến của người dân xem được; không công khai, không chuyển cho tổ chức, cá nhân nào khác."},
			{"Để làm gì", "Chỉ để liên hệ lại với bạn về ý kiến này: hỏi thêm thông tin hoặc báo kết quả xử lý."},
			{"Lưu bao lâu", strconv.Itoa(months) + " tháng kể từ khi ý kiến được trả lời (hoặc được đóng), sau đó tự động xóa. " +
				"Bạn có thể tự xóa sớm hơn trên trang Tra cứu kết quả xử lý góp ý, bằng mã tiếp nhận và 4 chữ số cuối số điện thoại " +
				"(hoặc địa chỉ thư điện tử, nếu bạn không để lại số điện thoại)."},
			{"Quyền của bạn", "Không đồng ý thì bạn vẫn gửi được ý kiến, chỉ không để lại họ tên và thông tin liên hệ. " +
				"Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP, bạn có quyền được biết, " +
				"rút lại sự đồng ý và yêu cầu xóa dữ liệu của mình." + contact},
		},
		Consent: "Tôi đã đọc thông tin trên và đồng ý để " + id.Owner +
			" lưu họ tên, số điện thoại, thư điện tử tôi để lại, để liên hệ với tôi về ý kiến này.",
	}
}
