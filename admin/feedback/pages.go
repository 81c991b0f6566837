package feedback

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/privacy"
	"github.com/daison/portal/internal/vocab"
)

//go:embed templates/feedback.html templates/thanks.html templates/form.html templates/problem.html templates/lookup.html templates/erase.html templates/eraseform.html templates/privacy.html
var feedbackTemplates embed.FS

var (
	thanksPage  = template.Must(template.New("").Funcs(siteFuncs(nil)).ParseFS(feedbackTemplates, "templates/feedback.html", "templates/thanks.html"))
	formPage    = template.Must(template.New("").Funcs(siteFuncs(nil)).ParseFS(feedbackTemplates, "templates/feedback.html", "templates/form.html", "templates/privacy.html"))
	problemPage = template.Must(template.New("").Funcs(siteFuncs(nil)).ParseFS(feedbackTemplates, "templates/feedback.html", "templates/problem.html"))
	lookupPage  = template.Must(template.New("").Funcs(siteFuncs(nil)).ParseFS(feedbackTemplates, "templates/feedback.html", "templates/lookup.html", "templates/eraseform.html"))
	erasePage   = template.Must(template.New("").Funcs(siteFuncs(nil)).ParseFS(feedbackTemplates, "templates/feedback.html", "templates/erase.html", "templates/eraseform.html"))
)

// Problem answers a refused form post without JavaScript (too many
// submissions, a body too large) with a page a person can read, not JSON.
func Problem(e *core.RequestEvent, status int, message string) error {
	back := e.Request.Referer()
	if u, err := url.Parse(back); err != nil || u.Path == "" || !check.SitePath(u.Path) {
		back = "/"
	} else {
		back = u.Path
	}
	return renderFeedback(e, status, problemPage, "thanks", map[string]any{"Title": "Chưa gửi được", "Message": message, "Return": back})
}

// formOrder is the order of the fields on the form, for the error summary.
var formOrder = []string{"helpful", "rating", "channel", "service", "topic", "message", "name", "phone", "email", "consent", "page", "kind"}

var formTitles = map[string]string{
	"gop-y":     "Góp ý về dịch vụ công",
	"sang-kien": "Đề xuất sáng kiến",
	"huu-ich":   "Trang này có hữu ích không?",
	"hai-long":  "Đánh giá mức độ hài lòng",
}

// formSends names the send button as the site's own forms do.
var formSends = map[string]string{
	"gop-y":     "Gửi góp ý",
	"sang-kien": "Gửi đề xuất",
	"huu-ich":   "Gửi ý kiến",
	"hai-long":  "Gửi đánh giá",
}

// rating is one choice of the satisfaction scale.
type rating struct {
	Value, Label string
}

// formRatings lists the scale best first, as the site's form does.
var formRatings = []rating{
	{"5", "Rất hài lòng"}, {"4", "Hài lòng"}, {"3", "Bình thường"},
	{"2", "Không hài lòng"}, {"1", "Rất không hài lòng"},
}

type formView struct {
	Title    string
	Send     string
	In       Input
	Errors   FieldErrors
	Order    []string
	Consent  bool
	Publish  bool
	Ratings  []rating
	Channels vocab.List
}

// ID is the id of a field's input, which the error summary links to.
func (formView) ID(field string) string { return "f-" + field }

// feedbackForm answers POST /gop-y/gui, the citizen forms without
// JavaScript: on success a redirect to the receipt (so a reload does not
// send again), on a mistake the form again, as filled, with a Vietnamese
// message beside each field at fault.
func feedbackForm(e *core.RequestEvent) error {
	if err := e.Request.ParseForm(); err != nil {
		return renderFeedback(e, http.StatusBadRequest, formPage, "form", formView{Title: "Không đọc được dữ liệu gửi lên"})
	}
	var in Input
	f := e.Request.PostForm
	in.Kind, in.Page, in.Topic, in.Message = f.Get("kind"), f.Get("page"), f.Get("topic"), f.Get("message")
	in.Helpful, in.Rating, in.Service, in.Channel = f.Get("helpful"), f.Get("rating"), f.Get("service"), f.Get("channel")
	in.Name, in.Phone, in.Email, in.Consent = f.Get("name"), f.Get("phone"), f.Get("email"), f.Get("consent")
	in.Publish = f.Get("publish")
	in.Website, in.Key, in.Return = f.Get("website"), f.Get("idempotencyKey"), f.Get("return")

	rec, err := Submit(e.App, in, e.RealIP())
	var fe FieldErrors
	if errors.As(err, &fe) {
		title := formTitles[in.Kind]
		if title == "" {
			title = "Gửi ý kiến"
		}
		send := formSends[in.Kind]
		if send == "" {
			send = "Gửi"
		}
		// clean() has already normalised in's fields; show them as kept.
		_ = in.clean()
		return renderFeedback(e, http.StatusBadRequest, formPage, "form", formView{
			Title: title, Send: send, In: in, Errors: fe, Order: formOrder, Consent: in.consented(), Publish: yes(in.Publish),
			Ratings: formRatings, Channels: vocab.Channels,
		})
	}
	if err != nil {
		return e.InternalServerError("Đã có lỗi khi lưu ý kiến của bạn. Vui lòng thử lại sau.", err)
	}
	back := in.Return
	if back == "" || !check.SitePath(back) {
		back = "/"
	}
	q := url.Values{"ve": {back}}
	if in.Kind != "huu-ich" {
		q.Set("ma", rec.RefCode)
	}
	return e.Redirect(http.StatusSeeOther, "/gop-y/da-nhan/?"+q.Encode())
}

// feedbackThanks answers GET /gop-y/da-nhan/?ma=…&ve=…: the receipt of a
// form sent without JavaScript.
func feedbackThanks(e *core.RequestEvent) error {
	q := e.Request.URL.Query()
	code := q.Get("ma")
	if len(code) > 20 {
		code = ""
	}
	back := q.Get("ve")
	if !check.SitePath(back) {
		back = "/"
	}
	// Only comments and proposals take contacts, which the lookup erases.
	erasable := strings.HasPrefix(code, refPrefixes["gop-y"]+"-") || strings.HasPrefix(code, refPrefixes["sang-kien"]+"-")
	return renderFeedback(e, http.StatusOK, thanksPage, "thanks", map[string]any{"Title": "Đã gửi thành công", "Code": code, "Return": back, "Erasable": erasable})
}

func renderFeedback(e *core.RequestEvent, status int, t *template.Template, name string, data any) error {
	var buf bytes.Buffer
	t, err := t.Clone()
	if err != nil {
		return e.InternalServerError("", fmt.Errorf("feedback page: %w", err))
	}
	if err := t.Funcs(siteFuncs(e.App)).ExecuteTemplate(&buf, name, data); err != nil {
		return e.InternalServerError("", err)
	}
	h := e.Response.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex")
	// In the public site's page when the live build has one: its banner,
	// header, menu and footer around the content.
	if shell, ok := e.App.Store().Get(shellKey).(Shell); ok {
		if frame := shell(); frame != nil {
			title, style, body, err := renderParts(t, data)
			if err != nil {
				return e.InternalServerError("", err)
			}
			if page, ok := inShell(frame, title, style, body); ok {
				h.Set("Content-Security-Policy", shellCSP(style))
				return e.HTML(status, string(page))
			}
		}
	}
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	return e.HTML(status, buf.String())
}

// siteFuncs give the pages the commune's identity, read from app once per
// page (internal/commune): "site" is the site's name, "banner" the demo
// banner while demo data is loaded, "notice" what the forms say about
// personal data (internal/privacy); "lookupPath" and "erasePath" are the
// addresses the lookup's forms post to.
func siteFuncs(app core.App) template.FuncMap {
	var id *commune.Identity
	identity := func() commune.Identity {
		if id != nil {
			return *id
		}
		v := commune.Neutral
		if app != nil {
			var err error
			if v, err = commune.Load(app); err != nil {
				app.Logger().Warn("không đọc được thông tin của xã", "component", "feedback", "error", err.Error())
			}
		}
		id = &v
		return v
	}
	return template.FuncMap{
		"site": func() string { return identity().SiteName },
		"banner": func() string {
			if identity().Demo {
				return commune.DemoBanner
			}
			return ""
		},
		"notice": func() privacy.Notice {
			months := privacy.DefaultMonths
			if app != nil {
				months = privacy.Months(app)
			}
			return privacy.For(identity(), months)
		},
		"lookupPath": func() string { return LookupPath },
		"erasePath":  func() string { return ErasePath },
	}
}
