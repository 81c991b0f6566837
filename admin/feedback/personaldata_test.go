package feedback_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/admin/feedback"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/privacy"
	"github.com/daison/portal/internal/schema"
)

// postFrom posts a plain form to h from the address ip and returns the
// status and the page.
func postFrom(h http.Handler, path, ip string, form url.Values) (int, string) {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = ip + ":40000"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// byCode is the stored submission with a receipt code.
func byCode(t testing.TB, app core.App, code string) *core.Record {
	t.Helper()
	r, err := app.FindFirstRecordByData(schema.Feedback, "refCode", code)
	if err != nil {
		t.Fatalf("submission %s: %v", code, err)
	}
	return r
}

// submit stores a submission through the portal's own code and returns
// its receipt code.
func submit(t testing.TB, app core.App, in feedback.Input) string {
	t.Helper()
	rec, err := feedback.Submit(app, in, "198.51.100.200")
	if err != nil {
		t.Fatalf("submit %+v: %v", in, err)
	}
	return rec.RefCode
}

// TestConsentIsServerOwned: a consent is stored with the notice's version,
// the server's time and the retention in force; a request cannot set or
// change them (the citizens' API, staff, IT), and reviewers set the
// retention within its bounds, which the next consent states.
func TestConsentIsServerOwned(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	at := time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)
	clk := clock.NewFixed(at)
	clock.Set(app, clk.Now)
	h := admintest.Handler(t, app)
	reviewer := admintest.StaffToken(t, app, schema.RoleReviewer, "")
	su := admintest.SuperuserToken(t, app)

	check := func(code string, months int, when time.Time) *core.Record {
		t.Helper()
		r := byCode(t, app, code)
		if !r.GetBool("consent") || r.GetString("consentVersion") != privacy.Version || !r.GetDateTime("consentAt").Time().Equal(when) ||
			r.GetInt("retainMonths") != months || !r.GetDateTime("contactsErasedAt").IsZero() || r.GetString("contactsErasedBy") != "" {
			t.Errorf("%s: consent %v, version %q, at %v, months %d, erased %v %q; want %s at %v for %d months", code,
				r.GetBool("consent"), r.GetString("consentVersion"), r.GetDateTime("consentAt"), r.GetInt("retainMonths"),
				r.GetDateTime("contactsErasedAt"), r.GetString("contactsErasedBy"), privacy.Version, when, months)
		}
		return r
	}
	code := submit(t, app, feedback.Input{Kind: "gop-y", Message: "Nên niêm yết lệ phí ở cửa phòng.", Name: "Lê Văn An", Phone: "0912 345 678", Consent: "on"})
	check(code, privacy.DefaultMonths, at)

	// The citizens' API takes none of them from the request.
	status, body := admintest.Do(h, http.MethodPost, "/api/portal/feedback", "",
		`{"kind":"gop-y","message":"Góp ý kèm các trường của máy chủ.","phone":"0912 000 111","consent":"on",`+
			`"consentVersion":"1999-01","consentAt":"2000-01-01 00:00:00.000Z","retainMonths":60,`+
			`"contactsErasedAt":"2000-01-01 00:00:00.000Z","contactsErasedBy":"het-han"}`)
	if status != http.StatusCreated {
		t.Fatalf("submit: %d %s", status, body)
	}
	sent := check(admintest.JSONField(t, body, "refCode"), privacy.DefaultMonths, at)

	// Nor do staff or IT, through the collection's API.
	for who, tok := range map[string]string{"reviewer": reviewer, "superuser": su} {
		status, body := admintest.Do(h, http.MethodPatch, "/api/collections/feedback/records/"+sent.Id, tok,
			`{"consentVersion":"x","consentAt":"2001-02-03 00:00:00.000Z","retainMonths":1,"contactsErasedAt":"2001-02-03 00:00:00.000Z","contactsErasedBy":"nguoi-gui","tags":["`+who+`"]}`)
		if status != http.StatusOK {
			t.Fatalf("%s's update: %d %s", who, status, body)
		}
		check(sent.GetString("refCode"), privacy.DefaultMonths, at)
	}

	// Reviewers set the retention, within 1 to 60 months; the next
	// consent states the new period.
	cfg, err := app.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.GetInt(privacy.ConfigField) != privacy.DefaultMonths {
		t.Errorf("the retention set by the migration: %d", cfg.GetInt(privacy.ConfigField))
	}
	for _, bad := range []string{"61", "-1", "2.5"} {
		status, body := admintest.Do(h, http.MethodPatch, "/api/collections/portalConfig/records/"+cfg.Id, reviewer, `{"contactRetentionMonths":`+bad+`}`)
		if status != http.StatusBadRequest || !strings.Contains(body, "từ 1 đến 60") {
			t.Errorf("retention %s: %d %s", bad, status, body)
		}
	}
	editor := admintest.StaffToken(t, app, schema.RoleEditor, "")
	if status, _ := admintest.Do(h, http.MethodPatch, "/api/collections/portalConfig/records/"+cfg.Id, editor, `{"contactRetentionMonths":3}`); status < 400 {
		t.Errorf("an editor set the retention: %d", status)
	}
	if status, body := admintest.Do(h, http.MethodPatch, "/api/collections/portalConfig/records/"+cfg.Id, reviewer, `{"contactRetentionMonths":6}`); status != http.StatusOK {
		t.Fatalf("retention 6: %d %s", status, body)
	}
	clk.Advance(time.Hour)
	code = submit(t, app, feedback.Input{Kind: "sang-kien", Topic: "Nhắn Zalo", Message: "Nhắn tin qua Zalo khi có kết quả.", Email: "an@example.vn", Consent: "on"})
	check(code, 6, at.Add(time.Hour))
}

// TestSilenceIsNotConsent: a name or a contact without the box ticked is
// refused with a Vietnamese message and the form comes back as typed, with
// the notice in the commune's name beside the box; the forms that ask for
// no contact take none; a ticked box with nothing to consent to stores
// no consent.
func TestSilenceIsNotConsent(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	admintest.Create(t, app, commune.Collection, map[string]any{
		"commune": "xã Thử Nghiệm", "province": "tỉnh Mẫu", "siteName": "Cổng cải cách hành chính xã Thử Nghiệm", "mark": "TN",
		"owner": "Ủy ban nhân dân xã Thử Nghiệm", "movement": "Thử nghiệm phục vụ Nhân dân", "address": "Số 1 đường Thử",
		"phone": "0203 3000 000", "email": "lienhe@thunghiem.example", "responsible": "Người Thử", "colour": commune.DefaultColour,
	})
	h := admintest.Handler(t, app)
	for name, in := range map[string]feedback.Input{
		"name":  {Kind: "gop-y", Message: "Góp ý chỉ kèm họ tên.", Name: "Lê Văn An"},
		"phone": {Kind: "gop-y", Message: "Góp ý kèm số điện thoại.", Phone: "0912 345 678"},
		"email": {Kind: "sang-kien", Topic: "Ý tưởng", Message: "Đề xuất kèm thư điện tử.", Email: "an@example.vn", Consent: "off"},
	} {
		_, err := feedback.Submit(app, in, "198.51.100.201")
		fe, ok := err.(feedback.FieldErrors)
		if !ok || !strings.Contains(fe["consent"], "hãy đánh dấu đồng ý") {
			t.Errorf("%s without consent: %v", name, err)
		}
	}
	for _, in := range []feedback.Input{
		{Kind: "hai-long", Rating: "4", Phone: "0912 345 678", Consent: "on"},
		{Kind: "huu-ich", Page: "/huong-dan/", Helpful: "co", Email: "an@example.vn", Consent: "on"},
	} {
		_, err := feedback.Submit(app, in, "198.51.100.201")
		fe, ok := err.(feedback.FieldErrors)
		if !ok || (fe["phone"] == "" && fe["email"] == "") {
			t.Errorf("%s with a contact: %v", in.Kind, err)
		}
	}
	n, _ := app.CountRecords(schema.Feedback)
	if n != 0 {
		t.Fatalf("%d submissions stored", n)
	}

	status, page := postFrom(h, "/gop-y/gui", "198.51.100.202", url.Values{"kind": {"gop-y"}, "message": {"Quầy một cửa nên mở cả sáng thứ Bảy."},
		"name": {"Trần Thị Bình"}, "phone": {"0987 654 321"}, "return": {"/gop-y/"}})
	for _, want := range []string{`value="Trần Thị Bình"`, `value="0987 654 321"`, "Quầy một cửa nên mở cả sáng thứ Bảy.", "hãy đánh dấu đồng ý",
		"Ủy ban nhân dân xã Thử Nghiệm. Chỉ cán bộ", "12 tháng kể từ khi ý kiến được trả lời", "lienhe@thunghiem.example",
		"đồng ý để Ủy ban nhân dân xã Thử Nghiệm lưu họ tên", `data-version="` + privacy.Version + `"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the form sent back (%d) lacks %q", status, want)
		}
	}
	if status != http.StatusBadRequest {
		t.Errorf("status %d", status)
	}

	code := submit(t, app, feedback.Input{Kind: "gop-y", Message: "Góp ý không kèm liên hệ, ô đồng ý vẫn đánh dấu.", Consent: "on"})
	if r := byCode(t, app, code); r.GetBool("consent") || r.GetString("consentVersion") != "" || !r.GetDateTime("consentAt").IsZero() {
		t.Errorf("consent stored without contacts: %v %q", r.GetBool("consent"), r.GetString("consentVersion"))
	}
}

// TestRetentionErasesAfterThePeriod moves the app's clock: contacts go the
// period after the answer (the shorter of the one in force and the one the
// citizen was told), a submission closed without an answer counts from
// when it was closed, an unanswered one keeps them; each erasure is
// audited with the fields and never the values.
func TestRetentionErasesAfterThePeriod(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	start := time.Now().UTC().Truncate(time.Second)
	clk := clock.NewFixed(start)
	clock.Set(app, clk.Now)
	found := false
	for _, j := range app.Cron().Jobs() {
		found = found || j.Id() == feedback.RetentionCronID
	}
	if !found {
		t.Error("the retention job is not scheduled")
	}
	cfg, err := app.FindFirstRecordByFilter(schema.PortalConfig, "")
	if err != nil {
		t.Fatal(err)
	}
	setMonths := func(n int) {
		cfg.Set(privacy.ConfigField, n)
		if err := app.Save(cfg); err != nil {
			t.Fatal(err)
		}
	}
	answer := func(code string, at time.Time) {
		r := byCode(t, app, code)
		r.Set("answer", "Đã trả lời.")
		r.Set("answeredAt", at)
		r.Set("state", "da-tra-loi")
		if err := app.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	answered := submit(t, app, feedback.Input{Kind: "gop-y", Message: "Góp ý sẽ được trả lời.", Name: "Nguyễn Văn Một", Phone: "0911 111 111", Consent: "on"})
	open := submit(t, app, feedback.Input{Kind: "gop-y", Message: "Góp ý chưa được trả lời.", Phone: "0922 222 222", Consent: "on"})
	closed := submit(t, app, feedback.Input{Kind: "sang-kien", Topic: "Đề xuất", Message: "Đề xuất được đóng không trả lời.", Email: "ba@example.vn", Consent: "on"})
	setMonths(6)
	toldSix := submit(t, app, feedback.Input{Kind: "gop-y", Message: "Góp ý khi thời hạn là 6 tháng.", Phone: "0944 444 444", Email: "bon@example.vn", Consent: "on"})
	setMonths(12)
	answer(answered, start)
	answer(toldSix, start)
	c := byCode(t, app, closed)
	c.Set("state", "da-dong")
	if err := app.Save(c); err != nil {
		t.Fatal(err)
	}

	erased := func() map[string][]string {
		t.Helper()
		done, err := feedback.EraseExpired(app)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]string{}
		for _, x := range done {
			out[x.ID] = x.Fields
		}
		return out
	}
	id := func(code string) string { return byCode(t, app, code).Id }

	clk.Advance(24 * time.Hour)
	if got := erased(); len(got) != 0 {
		t.Fatalf("erased after a day: %v", got)
	}
	clk.SetTo(start.AddDate(0, 6, 1))
	got := erased()
	if len(got) != 1 || strings.Join(got[id(toldSix)], ",") != "phone,email" {
		t.Fatalf("after 6 months: %v (want %s's phone and email)", got, id(toldSix))
	}
	r := byCode(t, app, toldSix)
	if r.GetString("phone") != "" || r.GetString("email") != "" || r.GetString("contactsErasedBy") != "het-han" ||
		!r.GetDateTime("contactsErasedAt").Time().Equal(start.AddDate(0, 6, 1)) || r.GetString("idempotencyKey") != "" || r.GetString("message") == "" {
		t.Errorf("after erasure: phone %q email %q by %q at %v key %q", r.GetString("phone"), r.GetString("email"),
			r.GetString("contactsErasedBy"), r.GetDateTime("contactsErasedAt"), r.GetString("idempotencyKey"))
	}
	if got := erased(); len(got) != 0 {
		t.Errorf("erased twice: %v", got)
	}

	clk.SetTo(start.AddDate(1, 0, 2))
	got = erased()
	if len(got) != 2 || got[id(answered)] == nil || got[id(closed)] == nil {
		t.Fatalf("after 12 months: %v (want %s and %s)", got, id(answered), id(closed))
	}
	if r := byCode(t, app, open); r.GetString("phone") == "" {
		t.Error("an unanswered submission lost its phone")
	}

	// The audit log names the fields, never the values.
	logs, err := app.FindRecordsByFilter(schema.AuditLog, "recordRef = {:id}", "", 0, 0, map[string]any{"id": id(toldSix)})
	if err != nil {
		t.Fatal(err)
	}
	seen := false
	for _, l := range logs {
		raw := string(l.GetString("changes")) + l.GetString("actor") + l.GetString("recordTitle")
		if strings.Contains(raw, "0944") || strings.Contains(raw, "bon@") {
			t.Errorf("the audit log carries a value: %s", raw)
		}
		seen = seen || (strings.Contains(raw, "phone") && strings.Contains(l.GetString("actor"), "hết thời hạn lưu giữ"))
	}
	if !seen {
		t.Errorf("no audit entry of the erasure among %d", len(logs))
	}
}

// TestCitizenErasesOwnContacts: from the lookup's forms, without
// JavaScript, with the receipt code and the phone's last four digits (the
// email address when no phone was given, the code alone for a name only),
// after ticking the confirmation; wrong digits count towards the lookup's
// own lockout, and the receipt's link fills in the code.
func TestCitizenErasesOwnContacts(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	at := time.Date(2026, 9, 10, 2, 0, 0, 0, time.UTC)
	clk := clock.NewFixed(at)
	clock.Set(app, clk.Now)
	h := admintest.Handler(t, app)
	full := submit(t, app, feedback.Input{Kind: "gop-y", Message: "Góp ý có đủ thông tin liên hệ.", Name: "Phạm Thị Năm", Phone: "0915 555 246", Email: "nam@example.vn", Consent: "on"})
	emailOnly := submit(t, app, feedback.Input{Kind: "sang-kien", Topic: "Đề xuất", Message: "Đề xuất chỉ kèm thư điện tử.", Email: "Sau@Example.vn", Consent: "on"})
	nameOnly := submit(t, app, feedback.Input{Kind: "gop-y", Message: "Góp ý chỉ kèm họ tên.", Name: "Võ Văn Bảy", Consent: "on"})
	helpful := submit(t, app, feedback.Input{Kind: "huu-ich", Page: "/huong-dan/", Helpful: "co"})
	erase := func(ip, code, digits, email string, confirm bool) (int, string) {
		f := url.Values{"ma": {code}, "so": {digits}, "email": {email}}
		if confirm {
			f.Set("xac-nhan", "on")
		}
		return postFrom(h, feedback.ErasePath, ip, f)
	}
	expect := func(what string, status int, page string, wantStatus int, want string) {
		t.Helper()
		if status != wantStatus || !strings.Contains(page, want) {
			t.Errorf("%s: %d, want %d with %q: %s", what, status, wantStatus, want, page)
		}
	}

	status, page := erase("203.0.113.1", full, "5246", "", false)
	expect("unconfirmed", status, page, 400, "Hãy đánh dấu ô")
	status, page = erase("203.0.113.1", full, "", "", true)
	expect("no digits", status, page, 400, "4 chữ số cuối")
	for i := 0; i < 5; i++ {
		status, page = erase("203.0.113."+string(rune('2'+i)), full, "111"+string(rune('0'+i)), "", true)
		expect("wrong digits", status, page, 400, "không khớp")
	}
	// The lookup's lockout counted them: the right digits wait.
	if _, status := feedback.Lookup(app, full, "5246", "203.0.113.9", clock.Now(app)); status != http.StatusTooManyRequests {
		t.Errorf("after five wrong digits through the erasure, the lookup answers %d", status)
	}
	status, page = erase("203.0.113.9", full, "5246", "", true)
	expect("locked", status, page, 429, "quá nhiều lần")
	if r := byCode(t, app, full); r.GetString("phone") == "" {
		t.Fatal("erased while locked")
	}
	clk.Advance(16 * time.Minute)
	status, page = erase("203.0.113.9", strings.ToLower(full), "5246", "", true)
	expect("right digits", status, page, 200, "Đã xóa: họ tên, số điện thoại, địa chỉ thư điện tử")
	r := byCode(t, app, full)
	if r.GetString("name")+r.GetString("phone")+r.GetString("email") != "" || r.GetString("contactsErasedBy") != "nguoi-gui" ||
		!r.GetDateTime("contactsErasedAt").Time().Equal(clk.Now()) || r.GetString("message") == "" {
		t.Errorf("after the citizen's erasure: %v", r.FieldsData())
	}
	if strings.Contains(page, "0915") || strings.Contains(page, "nam@") || strings.Contains(page, "Phạm Thị Năm") {
		t.Errorf("the erasure's page shows a value: %s", page)
	}
	status, page = erase("203.0.113.10", full, "", "", true)
	expect("again", status, page, 200, "đã được xóa ngày 10/09/2026")
	status, page = postFrom(h, feedback.LookupPath, "203.0.113.10", url.Values{"ma": {full}})
	expect("lookup after", status, page, 200, "Đã xóa ngày 10/09/2026")

	status, page = postFrom(h, feedback.LookupPath, "203.0.113.11", url.Values{"ma": {emailOnly}})
	expect("lookup, email only", status, page, 200, `name="email"`)
	status, page = erase("203.0.113.11", emailOnly, "", "", true)
	expect("email only, none typed", status, page, 400, "nhập đúng địa chỉ thư điện tử")
	status, page = erase("203.0.113.11", emailOnly, "", "khac@example.vn", true)
	expect("email only, another", status, page, 400, "không khớp")
	status, page = erase("203.0.113.11", emailOnly, "", " sau@example.VN ", true)
	expect("email only", status, page, 200, "Đã xóa: địa chỉ thư điện tử")

	status, page = erase("203.0.113.12", nameOnly, "", "", true)
	expect("name only", status, page, 200, "Đã xóa: họ tên")
	status, page = erase("203.0.113.12", helpful, "", "", true)
	expect("a “helpful?” answer", status, page, 404, "Không tìm thấy")
	status, page = erase("203.0.113.12", "GY-12", "", "", true)
	expect("malformed code", status, page, 400, "chưa đúng dạng")

	// The receipt's link opens the lookup with the code filled in.
	status, page = admintest.Do(h, http.MethodGet, "/gop-y/da-nhan/?ma="+full, "", "")
	expect("receipt", status, page, 200, feedback.LookupPath+"?ma="+full)
	status, page = admintest.Do(h, http.MethodGet, feedback.LookupPath+"?ma="+strings.ToLower(full), "", "")
	expect("lookup form", status, page, 200, `value="`+full+`"`)
}

// TestReviewerErasesOnRequest: a citizen who asks the office erases
// through a reviewer, who is credited with it; editors cannot.
func TestReviewerErasesOnRequest(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
	code := submit(t, app, feedback.Input{Kind: "gop-y", Message: "Góp ý, người gửi gọi điện xin xóa số.", Name: "Đỗ Văn Chín", Phone: "0909 999 999", Consent: "on"})
	id := byCode(t, app, code).Id
	path := "/api/portal/feedback/" + id + "/erase-contacts"
	if status, _ := admintest.Do(h, http.MethodPost, path, "", ""); status != http.StatusUnauthorized {
		t.Errorf("anonymous: %d", status)
	}
	if status, _ := admintest.Do(h, http.MethodPost, path, admintest.StaffToken(t, app, schema.RoleEditor, ""), ""); status != http.StatusForbidden {
		t.Errorf("an editor: %d", status)
	}
	if byCode(t, app, code).GetString("phone") == "" {
		t.Fatal("erased by someone not allowed")
	}
	status, body := admintest.Do(h, http.MethodPost, path, admintest.StaffToken(t, app, schema.RoleReviewer, ""), "")
	if status != http.StatusOK || !strings.Contains(body, "Đã xóa họ tên, số điện thoại") {
		t.Fatalf("a reviewer: %d %s", status, body)
	}
	r := byCode(t, app, code)
	if r.GetString("name")+r.GetString("phone") != "" || r.GetString("contactsErasedBy") != "theo-yeu-cau" {
		t.Errorf("after the reviewer's erasure: %v", r.FieldsData())
	}
	logs, _ := app.FindRecordsByFilter(schema.AuditLog, "recordRef = {:id} && action = 'update'", "", 0, 0, map[string]any{"id": id})
	if len(logs) != 1 || !strings.Contains(logs[0].GetString("actor"), "Cán bộ reviewer") {
		t.Errorf("the audit log credits %d entries: %v", len(logs), logs)
	}
}

// TestLookupAndEraseShareTheRateRule: the per-address rule of POST
// /gop-y/tra-cuu/ (a prefix) counts the lookup's answers and the erasures
// together; the post past it gets a page in Vietnamese, not JSON.
func TestLookupAndEraseShareTheRateRule(t *testing.T) {
	t.Parallel()
	app := admintest.NewApp(t, nil)
	h := admintest.Handler(t, app)
	rule, ok := app.Settings().RateLimits.FindRateLimitRule([]string{"POST " + feedback.ErasePath, feedback.ErasePath}, "", core.RateLimitRuleAudienceGuest)
	if !ok || rule.Label != "POST /gop-y/tra-cuu/" {
		t.Fatalf("the erasure's rate rule: %+v %v", rule, ok)
	}
	last, page := 0, ""
	for i := 0; i <= rule.MaxRequests; i++ {
		path := feedback.LookupPath
		if i%2 == 1 {
			path = feedback.ErasePath
		}
		last, page = postFrom(h, path, "203.0.113.77", url.Values{"ma": {"GY-ZZZZZ" + string(rune('0'+i%10))}, "xac-nhan": {"on"}})
	}
	if last != http.StatusTooManyRequests || !strings.Contains(page, "<html") || !strings.Contains(page, "quá nhiều") {
		t.Errorf("post %d: %d %s", rule.MaxRequests+1, last, page)
	}
}
