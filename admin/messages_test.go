package admin_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin"
	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/mfalogin"
	"github.com/daison/portal/internal/schema"
)

// TestHostile13MessagesSayWhatHappened: a wrong sign-in code, a filter on
// a field the caller may not see and a refused change to the audit log each
// get a message saying what happened, not that the data was not UTF-8.
func TestHostile13MessagesSayWhatHappened(t *testing.T) {
	t.Parallel()
	var console mfalogin.Console
	app := admintest.NewAppWith(t, admin.Options{MailLog: &console})
	h := admintest.Handler(t, app)
	suToken := admintest.SuperuserToken(t, app)
	reviewerToken := admintest.StaffToken(t, app, "reviewer", "")

	message := func(body string) string {
		var m struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal([]byte(body), &m)
		return m.Message
	}

	// A wrong one-time code.
	code, body := admintest.Do(h, http.MethodPost, "/api/collections/"+core.CollectionNameSuperusers+"/request-otp", "", `{"email":"it@daison.test"}`)
	var otp struct {
		OtpID string `json:"otpId"`
	}
	if err := json.Unmarshal([]byte(body), &otp); err != nil || code != http.StatusOK {
		t.Fatalf("request-otp: %d %s", code, body)
	}
	code, body = admintest.Do(h, http.MethodPost, "/api/collections/"+core.CollectionNameSuperusers+"/auth-with-otp", "",
		`{"otpId":"`+otp.OtpID+`","password":"0000000"}`)
	if want := "Mã xác thực không đúng hoặc đã hết hạn."; code != http.StatusBadRequest || message(body) != want {
		t.Errorf("wrong code: %d %s, want 400 %q", code, body, want)
	}

	// A filter on a hidden field.
	code, body = admintest.Do(h, http.MethodGet, "/api/collections/feedback/records?filter="+url.QueryEscape(`ipHash ~ "a"`), reviewerToken, "")
	if want := "Không thể lọc hay sắp xếp theo trường được bảo vệ"; code != http.StatusBadRequest || !strings.HasPrefix(message(body), want) {
		t.Errorf("hidden field in a filter: %d %s, want 400 %q…", code, body, want)
	}
	code, body = admintest.Do(h, http.MethodGet, "/api/collections/feedback/records?sort=ipHash", reviewerToken, "")
	if want := "Không sắp xếp được theo “ipHash”"; code != http.StatusBadRequest || !strings.HasPrefix(message(body), want) {
		t.Errorf("hidden field in a sort: %d %s, want 400 %q…", code, body, want)
	}

	// A filter that does not parse.
	code, body = admintest.Do(h, http.MethodGet, "/api/collections/feedback/records?filter="+url.QueryEscape(`message ~~ (`), reviewerToken, "")
	if want := "Bộ lọc không hợp lệ hoặc dùng trường bạn không được xem."; code != http.StatusBadRequest || message(body) != want {
		t.Errorf("a broken filter: %d %s, want 400 %q", code, body, want)
	}

	// A change to the audit log.
	entry := admintest.Create(t, app, schema.AuditLog, map[string]any{"action": "login", "actor": "x"})
	code, body = admintest.Do(h, http.MethodPatch, "/api/collections/auditLog/records/"+entry.Id, suToken, `{"actor":"ai đó"}`)
	if want := "Nhật ký hoạt động chỉ được ghi thêm"; code != http.StatusForbidden || !strings.HasPrefix(message(body), want) {
		t.Errorf("changing the audit log: %d %s, want 403 %q…", code, body, want)
	}

	// A body that truly cannot be read still says so.
	code, body = admintest.Do(h, http.MethodPost, "/api/collections/articles/records", suToken, "{\"title\":\"Tin \xff\"}")
	if code != http.StatusBadRequest || !strings.Contains(message(body), "không phải UTF-8") {
		t.Errorf("invalid UTF-8: %d %s", code, body)
	}
}
