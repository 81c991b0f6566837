package setup_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/schema"
)

// TestIdentityRules: the public reads nothing of the identity through the
// API (the site publishes its public fields); staff read it; only a
// reviewer (or IT) creates and changes it, once; the demo marks are the
// server's; bad values are refused in Vietnamese; a change queues a
// rebuild and names the portal's mail.
func TestIdentityRules(t *testing.T) {
	var changed []string
	app := admintest.NewApp(t, func(c string) { changed = append(changed, c) })
	h := admintest.Handler(t, app)
	unit := admintest.Create(t, app, schema.Units, map[string]any{"name": "Thôn Thử", "kind": "thon-to-dan-pho",
		"status": "published", "publishAt": admintest.Date(time.Now().Add(-time.Hour))})
	reviewer := admintest.StaffToken(t, app, schema.RoleReviewer, "")
	editor := admintest.StaffToken(t, app, schema.RoleEditor, "")
	reporter := admintest.StaffToken(t, app, schema.RoleUnitReporter, unit.Id)
	const url = "/api/collections/commune/records"
	body := `{"commune":"xã Hòa Bình Mẫu","province":"tỉnh Thử","siteName":"Cổng xã Hòa Bình Mẫu","mark":"HB",
		"owner":"Ủy ban nhân dân xã Hòa Bình Mẫu","movement":"Hòa Bình Mẫu phục vụ Nhân dân","address":"Số 1",
		"phone":"0203 3000 000","email":"lienhe@hoabinhmau.example","responsible":"Người Thử","colour":"tim",
		"demo":true,"demoIds":{"articles":["x"]}}`

	for _, c := range []struct {
		who, token string
	}{{"anonymous", ""}, {"editor", editor}, {"unit reporter", reporter}} {
		if code, _ := admintest.Do(h, http.MethodPost, url, c.token, body); code == 200 {
			t.Errorf("%s created the identity", c.who)
		}
	}
	code, out := admintest.Do(h, http.MethodPost, url, reviewer, body)
	if code != 200 {
		t.Fatalf("reviewer's create: %d %s", code, out)
	}
	rec, err := commune.Record(app)
	if err != nil || rec == nil {
		t.Fatal(err)
	}
	if rec.GetBool("demo") || rec.GetString("demoIds") != "null" && rec.GetString("demoIds") != "" {
		t.Errorf("a request set the demo marks: %v %q", rec.GetBool("demo"), rec.GetString("demoIds"))
	}
	if code, _ := admintest.Do(h, http.MethodPost, url, reviewer, body); code == 200 {
		t.Error("a second identity was created")
	}
	if code, out := admintest.Do(h, http.MethodGet, url, "", ""); code == 200 && strings.Contains(out, "Hòa Bình") {
		t.Errorf("anonymous reads the identity: %s", out)
	}
	if code, out := admintest.Do(h, http.MethodGet, url, reporter, ""); code != 200 || !strings.Contains(out, "Hòa Bình Mẫu") {
		t.Errorf("staff cannot read the identity: %d %s", code, out)
	}
	one := url + "/" + rec.Id
	if code, _ := admintest.Do(h, http.MethodPatch, one, editor, `{"siteName":"Khác"}`); code == 200 {
		t.Error("an editor changed the identity")
	}
	if code, _ := admintest.Do(h, http.MethodDelete, one, reviewer, ""); code == 204 || code == 200 {
		t.Error("the identity was deleted")
	}
	for field, bad := range map[string]string{
		"email": `"không phải thư"`, "mark": `"hb"`, "phone": `"gọi tôi"`, "planDate": `"31/02/2026"`,
		"awardForms": `["giay-khen","huan-chuong"]`,
		"commune":    `""`, "siteName": `"` + strings.Repeat("a", 151) + `"`, "planText": `"<script>x</script>"`,
	} {
		code, out := admintest.Do(h, http.MethodPatch, one, reviewer, `{"`+field+`":`+bad+`}`)
		if code != 400 || !strings.Contains(out, `"`+field+`"`) || !isVietnamese(out) {
			t.Errorf("%s = %s: %d %s", field, bad, code, out)
		}
	}
	changed = nil
	if code, out := admintest.Do(h, http.MethodPatch, one, reviewer, `{"siteName":"Cổng mới của xã Hòa Bình Mẫu"}`); code != 200 {
		t.Fatalf("reviewer's update: %d %s", code, out)
	}
	if len(changed) == 0 || changed[0] != commune.Collection {
		t.Errorf("no rebuild queued: %v", changed)
	}
	if got := app.Settings().Meta.SenderName; got != "Cổng mới của xã Hòa Bình Mẫu" {
		t.Errorf("mail sender %q", got)
	}
}

func isVietnamese(s string) bool {
	return strings.ContainsAny(s, "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
}
