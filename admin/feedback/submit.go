package feedback

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/clock"
	"github.com/daison/portal/internal/privacy"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/shortcode"
	"github.com/daison/portal/internal/vocab"
)

// Input is one submission of a citizen form, as posted by the
// static site (form fields or JSON of the same names).
type Input struct {
	Kind    string `json:"kind" form:"kind"`       // gop-y, sang-kien, huu-ich, hai-long
	Page    string `json:"page" form:"page"`       // the site page it is about, e.g. /huong-dan/dang-ky-khai-sinh/
	Topic   string `json:"topic" form:"topic"`     // subject, or the proposal's title
	Message string `json:"message" form:"message"` // the text
	Helpful string `json:"helpful" form:"helpful"` // co, khong ("was this page useful?")
	Rating  string `json:"rating" form:"rating"`   // 1–5 (satisfaction)
	Service string `json:"service" form:"service"` // the procedure or service rated
	Channel string `json:"channel" form:"channel"` // quay-mot-cua, truc-tuyen, buu-chinh
	Name    string `json:"name" form:"name"`       // optional
	Phone   string `json:"phone" form:"phone"`     // optional
	Email   string `json:"email" form:"email"`     // optional
	Consent string `json:"consent" form:"consent"` // "on"/"true" when the citizen agrees to be contacted
	Publish string `json:"publish" form:"publish"` // "on"/"true" when the citizen agrees that the question and its answer be published, without name or contacts
	Website string `json:"website" form:"website"` // honeypot: people leave it empty, bots fill it
	Key     string `json:"idempotencyKey" form:"idempotencyKey"`
	Return  string `json:"return" form:"return"` // site path to go back to (forms without JavaScript)
}

// Limits of the citizen forms.
const (
	maxMessage     = 5000
	maxShort       = 200
	maxName        = 100
	feedbackWindow = 10 * time.Minute // a resend with no key within this is the same submission
)

// FieldErrors are Vietnamese messages by form field.
type FieldErrors map[string]string

func (f FieldErrors) Error() string {
	var parts []string
	for k, v := range f {
		parts = append(parts, k+": "+v)
	}
	return strings.Join(parts, "; ")
}

// clean stores every field as the rules of text say (check.Text: the
// message is multi-line plain text, every other field single-line) and
// checks it: its kind's required fields, sizes, a valid phone or email,
// a name or contact only on a comment or a proposal and only with consent
// (silence is never consent: the citizen is asked, and keeps what they
// typed), and a page that is a path on the site
// (check.SitePath). A return path that is not one is dropped.
func (in *Input) clean() FieldErrors {
	errs := FieldErrors{}
	single := map[string]*string{"kind": &in.Kind, "page": &in.Page, "topic": &in.Topic, "helpful": &in.Helpful,
		"rating": &in.Rating, "service": &in.Service, "channel": &in.Channel, "name": &in.Name, "phone": &in.Phone,
		"email": &in.Email, "consent": &in.Consent, "publish": &in.Publish, "idempotencyKey": &in.Key, "return": &in.Return}
	for name, v := range single {
		var p *check.Problem
		if *v, p = check.Text(check.SingleLine, *v); p != nil && name != "return" {
			errs[name] = p.Message
		}
	}
	var p *check.Problem
	if in.Message, p = check.Text(check.MultiLine, in.Message); p != nil {
		errs["message"] = p.Message
	}
	if !vocab.FeedbackKinds.Has(in.Kind) || in.Kind == "" {
		errs["kind"] = "Loại ý kiến không hợp lệ."
		return errs
	}
	length := func(field, v string, max int) {
		if utf8.RuneCountInString(v) > max {
			errs[field] = fmt.Sprintf("Không được dài quá %d ký tự (hiện có %d).", max, utf8.RuneCountInString(v))
		}
	}
	length("message", in.Message, maxMessage)
	length("topic", in.Topic, maxShort)
	length("service", in.Service, maxShort)
	length("name", in.Name, maxName)
	if in.Page != "" && !check.SitePath(in.Page) {
		errs["page"] = "Địa chỉ trang không hợp lệ: phải là đường dẫn của một trang trên cổng này, bắt đầu bằng “/”."
	}
	if in.Return != "" && !check.SitePath(in.Return) {
		in.Return = ""
	}
	switch in.Kind {
	case "gop-y":
		if utf8.RuneCountInString(in.Message) < 10 && errs["message"] == "" {
			errs["message"] = "Hãy viết nội dung góp ý (ít nhất 10 ký tự)."
		}
	case "sang-kien":
		if in.Topic == "" {
			errs["topic"] = "Hãy ghi tên sáng kiến, giải pháp bạn đề xuất."
		}
		if utf8.RuneCountInString(in.Message) < 10 && errs["message"] == "" {
			errs["message"] = "Hãy mô tả sáng kiến (ít nhất 10 ký tự): vấn đề, cách làm, lợi ích."
		}
	case "huu-ich":
		if !vocab.Helpful.Has(in.Helpful) || in.Helpful == "" {
			errs["helpful"] = "Hãy chọn “Có” hoặc “Không”."
		}
		if in.Page == "" {
			errs["page"] = "Thiếu địa chỉ trang được đánh giá."
		}
		length("message", in.Message, 2000)
	case "hai-long":
		if n, err := strconv.Atoi(in.Rating); err != nil || n < 1 || n > 5 {
			errs["rating"] = "Hãy chọn mức đánh giá từ 1 (rất không hài lòng) đến 5 (rất hài lòng)."
		}
		if in.Channel != "" && !vocab.Channels.Has(in.Channel) {
			errs["channel"] = "Hình thức sử dụng dịch vụ không hợp lệ."
		}
	}
	if in.Phone != "" {
		digits := 0
		for _, r := range in.Phone {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case strings.ContainsRune("+() .-", r):
			default:
				digits = -100
			}
		}
		if digits < 9 || digits > 15 {
			errs["phone"] = "Số điện thoại không hợp lệ (ví dụ 0912 345 678)."
		}
	}
	if in.Email != "" {
		if a, err := mail.ParseAddress(in.Email); err != nil || a.Address != in.Email || len(in.Email) > 254 {
			errs["email"] = "Địa chỉ thư điện tử không hợp lệ (ví dụ ten@gmail.com)."
		}
	}
	if in.hasContacts() {
		switch {
		case in.Kind != "gop-y" && in.Kind != "sang-kien":
			// Their forms ask for no contact, so show no notice about one.
			for field, v := range map[string]string{"name": in.Name, "phone": in.Phone, "email": in.Email} {
				if v != "" {
					errs[field] = "Loại ý kiến này không nhận họ tên hay thông tin liên hệ. Hãy gửi góp ý trên trang Góp ý nếu bạn muốn được liên hệ lại."
				}
			}
		case !in.consented():
			errs["consent"] = "Bạn đã ghi họ tên, số điện thoại hoặc thư điện tử: hãy đánh dấu đồng ý ở ô cuối phần liên hệ để các thông tin đó được lưu và cán bộ liên hệ lại với bạn, hoặc xóa chúng rồi gửi lại."
		}
	}
	return errs
}

// hasContacts reports whether the citizen left any personal data: a name,
// a phone or an email. Consent covers them all.
func (in *Input) hasContacts() bool { return in.Name != "" || in.Phone != "" || in.Email != "" }

func (in *Input) consented() bool { return yes(in.Consent) }

// yes reports whether a checkbox's value says yes.
func yes(v string) bool {
	switch strings.ToLower(v) {
	case "on", "true", "1", "yes", "co":
		return true
	}
	return false
}

// refPrefixes start the reference codes citizens receive.
var refPrefixes = map[string]string{"gop-y": "GY", "sang-kien": "SK", "huu-ich": "HI", "hai-long": "DG"}

// newRefCode returns a reference code such as "GY-7K2M9Q".
func newRefCode(kind string) (string, error) {
	a, err := shortcode.New()
	if err != nil {
		return "", err
	}
	b, err := shortcode.New()
	if err != nil {
		return "", err
	}
	return refPrefixes[kind] + "-" + strings.ToUpper((a + b)[:6]), nil
}

// ipSalt makes the stored hash of a citizen's address unlinkable across
// restarts: enough to see a burst from one address, not to track anyone.
var ipSalt = func() []byte {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return b
}()

func hashIP(ip string) string {
	sum := sha256.Sum256(append(append([]byte{}, ipSalt...), ip...))
	return hex.EncodeToString(sum[:8])
}

// idemKey is the submission's idempotency key: the one the form sent (a
// fresh one per form shown, kept across retries), or, for forms posted
// without JavaScript, one made of the content, the address and the ten
// minutes it was sent in.
func (in *Input) idemKey(ip string, now time.Time) string {
	if in.Key != "" {
		sum := sha256.Sum256([]byte("k\x00" + in.Key))
		return "k:" + hex.EncodeToString(sum[:16])
	}
	bucket := now.Unix() / int64(feedbackWindow/time.Second)
	sum := sha256.Sum256([]byte(strings.Join([]string{in.Kind, in.Page, in.Topic, in.Message, in.Helpful, in.Rating,
		in.Service, in.Channel, in.Name, in.Phone, in.Email, ip, strconv.FormatInt(bucket, 10)}, "\x00")))
	return "c:" + hex.EncodeToString(sum[:16])
}

// Receipt is what a citizen gets back.
type Receipt struct {
	RefCode string `json:"refCode"`
	Message string `json:"message"`
	Again   bool   `json:"duplicate,omitempty"` // the same submission was already stored
}

// Submit stores a citizen's submission once: checked and cleaned,
// dropped silently if the honeypot is filled (the bot is told it worked),
// and, when the same submission comes again (a retry, a double click), the
// first one's receipt is returned and nothing is stored twice.
func Submit(app core.App, in Input, ip string) (Receipt, error) {
	if errs := in.clean(); len(errs) > 0 {
		return Receipt{}, errs
	}
	if strings.TrimSpace(in.Website) != "" {
		code, _ := newRefCode(in.Kind)
		return Receipt{RefCode: code, Message: thanks(in.Kind, code)}, nil
	}
	now := clock.Now(app)
	key := in.idemKey(ip, now)
	if r, err := app.FindFirstRecordByData(schema.Feedback, "idempotencyKey", key); err == nil {
		return Receipt{RefCode: r.GetString("refCode"), Message: thanks(in.Kind, r.GetString("refCode")), Again: true}, nil
	}
	c, err := app.FindCachedCollectionByNameOrId(schema.Feedback)
	if err != nil {
		return Receipt{}, err
	}
	for attempt := 0; attempt < 5; attempt++ {
		code, err := newRefCode(in.Kind)
		if err != nil {
			return Receipt{}, err
		}
		r := core.NewRecord(c)
		r.Set("kind", in.Kind)
		r.Set("refCode", code)
		r.Set("page", in.Page)
		r.Set("topic", in.Topic)
		r.Set("message", in.Message)
		r.Set("helpful", in.Helpful)
		if n, err := strconv.Atoi(in.Rating); err == nil {
			r.Set("rating", n)
		}
		r.Set("service", in.Service)
		r.Set("channel", in.Channel)
		if in.hasContacts() {
			// clean() let contacts through only with consent: it is
			// stored with the notice's version, its time and the
			// retention it stated, all the server's.
			r.Set("name", in.Name)
			r.Set("phone", in.Phone)
			r.Set("email", in.Email)
			r.Set("consent", true)
			r.Set("consentVersion", privacy.Version)
			r.Set("consentAt", now)
			r.Set("retainMonths", privacy.Months(app))
		}
		// Only a question or proposal may be published, and only as the
		// citizen allowed.
		r.Set("publishConsent", yes(in.Publish) && (in.Kind == "gop-y" || in.Kind == "sang-kien"))
		r.Set("state", "moi")
		r.Set("idempotencyKey", key)
		r.Set("ipHash", hashIP(ip))
		err = app.Save(r)
		if err == nil {
			return Receipt{RefCode: code, Message: thanks(in.Kind, code)}, nil
		}
		// A concurrent copy of the same submission won the unique key.
		if first, ferr := app.FindFirstRecordByData(schema.Feedback, "idempotencyKey", key); ferr == nil {
			return Receipt{RefCode: first.GetString("refCode"), Message: thanks(in.Kind, first.GetString("refCode")), Again: true}, nil
		}
		// Otherwise a reference code clash: try another.
		if n, _ := app.CountRecords(schema.Feedback, dbx.HashExp{"refCode": code}); n == 0 {
			return Receipt{}, fmt.Errorf("store feedback: %w", err)
		}
	}
	return Receipt{}, errors.New("store feedback: no free reference code")
}

func thanks(kind, code string) string {
	switch kind {
	case "huu-ich":
		return "Cảm ơn bạn đã cho biết ý kiến về trang này."
	case "hai-long":
		return "Cảm ơn bạn đã đánh giá. Mã tiếp nhận: " + code + "."
	case "sang-kien":
		return "Cảm ơn bạn đã đề xuất sáng kiến. Mã tiếp nhận: " + code + ". Phòng Văn hóa – Xã hội sẽ xem xét đề xuất của bạn."
	}
	return "Cảm ơn bạn đã góp ý. Mã tiếp nhận: " + code + ". Hãy ghi lại mã này nếu bạn muốn hỏi lại về góp ý của mình."
}

// feedbackAPI answers POST /api/portal/feedback (JSON or a form) with the
// receipt as JSON, or 400 with a Vietnamese message per field.
func feedbackAPI(e *core.RequestEvent) error {
	var in Input
	if err := e.BindBody(&in); err != nil {
		return e.BadRequestError("Không đọc được dữ liệu gửi lên.", err)
	}
	rec, err := Submit(e.App, in, e.RealIP())
	var fe FieldErrors
	if errors.As(err, &fe) {
		type item struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		}
		data := map[string]item{}
		for k, v := range fe {
			data[k] = item{"validation_feedback", v}
		}
		return e.JSON(http.StatusBadRequest, map[string]any{"status": 400, "message": "Thông tin chưa hợp lệ, vui lòng kiểm tra lại.", "data": data})
	}
	if err != nil {
		return e.InternalServerError("", err)
	}
	status := http.StatusCreated
	if rec.Again {
		status = http.StatusOK
	}
	return e.JSON(status, rec)
}
