package feedback

import (
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/lockout"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/table"
	"github.com/daison/portal/internal/vocab"
)

// refCodeForm is the shape of a reference code: two letters, a hyphen, six
// letters or digits ("GY-7K2M9Q").
var refCodeForm = regexp.MustCompile(`^[A-Z]{2}-[A-Z0-9]{6}$`)

// lastDigits is the shape of the phone number's last four digits.
var lastDigits = regexp.MustCompile(`^[0-9]{4}$`)

// Limits of the receipt lookup, besides the portal's per-address rate
// rule: misses (unknown code, wrong digits) per address, and wrong digits
// per code, each in a sliding window.
const (
	lookupMissesPerIP   = 8
	lookupMissesPerCode = 5
	lookupWindow        = 15 * time.Minute
)

// lookupMaxKeys bounds the addresses and the codes whose misses are
// counted (each about 200 bytes): a flood of misses from new addresses
// pushes out the oldest counts that have not locked anyone, never a lockout
// (internal/lockout).
const lookupMaxKeys = 100_000

// misses counts failed lookups by key ("ip:…" for an address, "code:…"
// for a receipt code), each kind in its own table and with its own limit.
type misses struct {
	ip, code *lockout.Counter
}

var lookupMisses = newMisses()

func newMisses() *misses {
	return &misses{
		ip:   lockout.New(lookupMissesPerIP, lookupWindow, lookupMaxKeys),
		code: lockout.New(lookupMissesPerCode, lookupWindow, lookupMaxKeys),
	}
}

func (m *misses) counter(key string) *lockout.Counter {
	if strings.HasPrefix(key, "code:") {
		return m.code
	}
	return m.ip
}

// count returns how many misses key had in the window to now.
func (m *misses) count(key string, now time.Time) int { return m.counter(key).Count(key, now) }

// add records a miss of key.
func (m *misses) add(key string, now time.Time) { m.counter(key).Fail(key, now) }

// lookupIPKey is the key of a client address in lookupMisses: the address,
// or for IPv6 its /64, hashed.
func lookupIPKey(ip string) string { return "ip:" + hashIP(lockout.Network(ip)) }

// LookupView is what the lookup page shows.
type LookupView struct {
	Title   string
	Code    string
	Problem string
	Found   *LookupResult
}

// LookupResult is all a lookup reveals: the submission's kind, date,
// state, and the answer with its date and office; which kinds of contact
// it holds (never their values) and when they were erased. Never the
// message, name or contacts.
type LookupResult struct {
	Code, Kind, Received, State, Answer, AnsweredAt, Office string
	Contacts                                                []string
	ByEmail                                                 bool
	ErasedAt                                                string
}

// lookupForm answers GET /gop-y/tra-cuu/ket-qua?ma=…: the lookup form with
// the code filled in (the receipt's link without JavaScript).
func lookupForm(e *core.RequestEvent) error {
	return renderFeedback(e, http.StatusOK, lookupPage, "lookup", LookupView{Title: "Tra cứu kết quả xử lý góp ý", Code: cleanCode(e.Request.URL.Query().Get("ma"))})
}

// lookupPost answers POST /gop-y/tra-cuu/ket-qua (a plain form): the state and
// answer of the submission with this reference code, when the last four
// digits of the phone number it gave (if any) match.
func lookupPost(e *core.RequestEvent) error {
	if err := e.Request.ParseForm(); err != nil {
		return renderFeedback(e, http.StatusBadRequest, lookupPage, "lookup", LookupView{Title: "Tra cứu kết quả xử lý góp ý", Problem: "Không đọc được dữ liệu gửi lên."})
	}
	v, status := Lookup(e.App, e.Request.PostForm.Get("ma"), e.Request.PostForm.Get("so"), e.RealIP(), time.Now())
	return renderFeedback(e, status, lookupPage, "lookup", v)
}

// Lookup finds a submission for a citizen: code is the receipt code,
// digits the last four digits of the phone number given with it (required
// when one was). Each answer is a page with a clear Vietnamese message;
// misses are counted per address and per code, and past the limits every
// lookup from there is refused for a while, found or not.
func Lookup(app core.App, code, digits, ip string, now time.Time) (LookupView, int) {
	v := LookupView{Title: "Tra cứu kết quả xử lý góp ý"}
	code, _ = check.Text(check.SingleLine, code)
	code = strings.ToUpper(strings.ReplaceAll(code, " ", ""))
	if len(code) > 20 {
		code = code[:20]
	}
	v.Code = code
	digits = strings.TrimSpace(digits)
	ipKey := lookupIPKey(ip)
	if lookupMisses.count(ipKey, now) >= lookupMissesPerIP {
		v.Problem = "Bạn đã tra cứu sai quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại, hoặc hỏi trực tiếp tại Trung tâm Phục vụ hành chính công xã."
		return v, http.StatusTooManyRequests
	}
	if !refCodeForm.MatchString(code) {
		v.Problem = "Mã tiếp nhận chưa đúng dạng. Mã gồm hai chữ cái, dấu gạch ngang và sáu chữ hoặc số, ví dụ GY-7K2M9Q."
		return v, http.StatusBadRequest
	}
	if digits != "" && !lastDigits.MatchString(digits) {
		v.Problem = "Hãy nhập đúng 4 chữ số cuối của số điện thoại bạn đã để lại (ví dụ 5678)."
		return v, http.StatusBadRequest
	}
	r, err := app.FindFirstRecordByData(schema.Feedback, "refCode", code)
	if err != nil || r == nil || r.GetString("kind") == "huu-ich" {
		lookupMisses.add(ipKey, now)
		v.Problem = "Không tìm thấy ý kiến nào có mã " + code + ". Hãy kiểm tra lại mã trên giấy biên nhận hoặc trang xác nhận khi gửi."
		return v, http.StatusNotFound
	}
	codeKey := "code:" + code
	if phone := phoneDigits(r.GetString("phone")); phone != "" {
		if lookupMisses.count(codeKey, now) >= lookupMissesPerCode {
			v.Problem = "Mã này đã bị nhập sai số điện thoại quá nhiều lần. Vui lòng thử lại sau 15 phút."
			return v, http.StatusTooManyRequests
		}
		if digits == "" {
			v.Problem = "Ý kiến này có kèm số điện thoại: hãy nhập 4 chữ số cuối của số điện thoại đó để xem kết quả."
			return v, http.StatusBadRequest
		}
		if !strings.HasSuffix(phone, digits) {
			lookupMisses.add(ipKey, now)
			lookupMisses.add(codeKey, now)
			v.Problem = "4 chữ số cuối không khớp với số điện thoại đã để lại cùng mã này. Hãy kiểm tra lại."
			return v, http.StatusBadRequest
		}
	}
	res := &LookupResult{Code: code, Kind: vocab.FeedbackKinds.Label(r.GetString("kind")),
		Received: table.Date(r, "created"), State: vocab.FeedbackStates.Label(r.GetString("state"))}
	if a := r.GetString("answer"); a != "" {
		res.Answer, res.AnsweredAt, res.Office = a, table.Date(r, "answeredAt"), r.GetString("answerOffice")
	}
	res.Contacts, res.ByEmail, res.ErasedAt = contactsOf(r)
	v.Found = res
	return v, http.StatusOK
}

// phoneDigits is the digits of a phone number.
func phoneDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
