package e2e

import (
	"net/http"
	"testing"
)

// editorTurnsOnTwoSteps: an editor turns two-step sign-in on from their
// account page; logging out ends the session on the server (the token the
// tab held opens nothing); the next sign-in asks for the mailed code, a
// wrong code is refused in Vietnamese and the right one opens the back
// office.
func (s *backofficeStory) editorTurnsOnTwoSteps(t *testing.T) {
	p := s.p.with(t)
	b := newBrowser(t, p, 1280)
	b.login(editorEmail, editorPassword)
	b.open("/quan-tri/tai-khoan")
	b.waitVisible("#hai-buoc")
	b.click(`//input[@id="hai-buoc"]`)
	b.clickButton("Lưu")
	b.waitText(".notice-success", "Đã lưu")
	token := b.eval(`JSON.parse(localStorage.getItem('daison.quantri.auth')).token`)
	b.clickButton("Đăng xuất")
	b.waitVisible("#email")
	req, _ := http.NewRequest("POST", p.URL+"/api/collections/staff/auth-refresh", nil)
	req.Header.Set("Authorization", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("the token of a tab that logged out answers %d, want 401", res.StatusCode)
	}
	b.typeInto("#email", editorEmail)
	b.typeInto("#password", editorPassword)
	skip := len(p.Output())
	b.click(`//form//button[@type="submit"]`)
	b.waitVisible("#ma-xac-thuc")
	b.axe(s.axe, "mã xác thực")
	b.noOverflow("mã xác thực")
	b.shot("quan-tri-ma-xac-thuc")
	b.typeInto("#ma-xac-thuc", "00000000")
	b.click(`//form//button[@type="submit"]`)
	b.waitText(".error-summary", "Mã xác thực không đúng")
	b.typeInto("#ma-xac-thuc", b.code(editorEmail, skip))
	b.click(`//form//button[@type="submit"]`)
	b.waitVisible(".cards")
}
