package awards

import (
	"fmt"
	"github.com/daison/portal/internal/vntext"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/daison/portal/internal/commune"
)

// The papers of one decision on awards, laid out after Nghị định
// 30/2020/NĐ-CP: the proposal (tờ trình) of Phòng Văn hóa – Xã hội to the
// chairman, the decision itself with its annex (the list), and a
// certificate (Giấy khen) for each person or collective. Every name comes
// from the commune's identity and the award records.

// The papers the print route lays out (its "doc" parameter).
const (
	paperDecision     = "quyet-dinh" // the decision, then its annex
	paperList         = "danh-sach"  // the annex alone
	paperProposal     = "to-trinh"   // the proposal, then its list
	paperCertificates = "giay-khen"  // one certificate a page, landscape
)

// papers are the papers the route knows.
var papers = map[string]bool{paperDecision: true, paperList: true, paperProposal: true, paperCertificates: true}

// article is one article (Điều) of the decision.
type article struct {
	Label, Text string // "Điều 1.", its text
}

// certificate is one Giấy khen.
type certificate struct {
	Name       string // the person or collective
	Where      string // position and unit
	Collective bool
	Unit       string   // for the order only
	Lines      []string // "Đã có thành tích …"
	// Size is "", "long" or "longer": smaller type for a long
	// achievement, so that the certificate stays one page.
	Size string
}

// decisionPapers is what the papers of one decision say.
type decisionPapers struct {
	Head       decisionHead
	No         string
	Subject    string // "Về việc khen thưởng …"
	Authority  string // "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH"
	Bases      []string
	Proposed   string // "Theo đề nghị của …"
	Articles   []article
	Recipients []string

	// The proposal's head, addressee, paragraphs and signature.
	Proposal struct {
		Head       decisionHead
		Subject    string
		To         string
		Paragraphs []string
		Recipients []string
		ListHead   string // "(Kèm theo Tờ trình số …)"
	}

	// The certificates' issuer, title, decision line and signature.
	Certificate struct {
		Issuer   string // "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH"
		Title    string // "GIẤY KHEN"
		Decision string // "Quyết định số 12/QĐ-UBND ngày 25/11/2026"
		Items    []certificate
	}
}

// awardSet is what the papers are made of: the decision's awards, counted
// and grouped.
type awardSet struct {
	No          string
	Date        time.Time // zero when not yet dated
	Signer      string
	Year        int
	Kind        string // the first award's kind (hang-nam, dot-xuat, tong-ket)
	Collectives int
	People      int
	AllGiayKhen bool
	Groups      []docxSection
	Certs       []certificate
	// The reward money of a Giấy khen, for a collective and a person, in
	// đồng, with its coefficients; zero when unknown.
	PerGroup, PerPerson int
	KGroup, KPerson     float64
}

// newDecisionPapers writes the papers of one decision.
func newDecisionPapers(id commune.Identity, s awardSet) decisionPapers {
	id = id.WithDefaults()
	p := decisionPapers{No: s.No}
	p.Head = newDecisionHead(id, s.No, s.Date, s.Signer)
	if s.Date.IsZero() && s.Year > 0 { // not yet dated: left for the signer's office
		p.Head.PlaceDate = placeName(id.Commune) + ", ngày       tháng       năm " + strconv.Itoa(s.Year)
	}
	commune := strings.ToUpper(id.Commune)
	p.Authority = "CHỦ TỊCH ỦY BAN NHÂN DÂN " + commune
	what := movementPhrase(id.Movement, s.Kind, s.Year)
	switch s.Kind {
	case "tong-ket":
		p.Subject = "Về việc khen thưởng tổng kết phong trào thi đua " + what
	case "dot-xuat":
		p.Subject = "Về việc khen thưởng đột xuất tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua " + what
	default:
		p.Subject = "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua " + what
	}
	p.Bases = append(id.Bases(), planBasis(id))
	p.Proposed = "Theo đề nghị của Trưởng phòng Văn hóa – Xã hội và Hội đồng Thi đua – Khen thưởng xã."
	whom := countPhrase(s.Collectives, s.People)
	give := "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân " + id.Commune + " cho " + whom
	if !s.AllGiayKhen {
		give = "Khen thưởng " + whom + " (hình thức khen thưởng theo danh sách kèm theo)"
	}
	p.Articles = []article{
		{"Điều 1.", give + " (có danh sách kèm theo) đã có thành tích xuất sắc trong phong trào thi đua " + what + "."},
		{"Điều 2.", rewardArticle(id.Commune, s)},
		{"Điều 3.", "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Văn hóa – Xã hội, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."},
	}
	if !s.AllGiayKhen {
		p.Articles[0].Text = strings.Replace(p.Articles[0].Text, " (có danh sách kèm theo)", "", 1)
	}
	p.Recipients = id.Recipients()

	// The proposal: before the decision, so its number and date are left
	// for the office to fill in, as a paper awaiting registration is.
	year := s.Year
	if !s.Date.IsZero() {
		year = s.Date.Year()
	}
	pr := &p.Proposal
	pr.Head = decisionHead{BodyAbove: strings.ToUpper("UBND " + id.Commune), Body: "PHÒNG VĂN HÓA – XÃ HỘI", Number: "Số:        /TTr-VHXH",
		PlaceDate: placeName(id.Commune) + ", ngày       tháng       năm " + strconv.Itoa(year), SignTitle: "TRƯỞNG PHÒNG"}
	pr.Subject = "Về việc đề nghị khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua " + what
	pr.To = "Chủ tịch Ủy ban nhân dân " + id.Commune + "."
	pr.Paragraphs = []string{
		strings.TrimSuffix(planBasis(id), ";") + ";",
		"Căn cứ hồ sơ đề nghị khen thưởng của các cơ quan, đơn vị và kết quả xét duyệt của Hội đồng Thi đua – Khen thưởng xã,",
		"Phòng Văn hóa – Xã hội kính trình Chủ tịch Ủy ban nhân dân " + id.Commune + " xem xét, " +
			strings.ToLower(give[:1]) + give[1:] + " đã có thành tích xuất sắc trong phong trào thi đua " + what + " (có danh sách kèm theo).",
		"Kính trình Chủ tịch Ủy ban nhân dân " + id.Commune + " xem xét, quyết định./.",
	}
	pr.Recipients = []string{"Như trên;", "Lưu: VHXH."}
	pr.ListHead = "(Kèm theo Tờ trình số        /TTr-VHXH của Phòng Văn hóa – Xã hội)"

	c := &p.Certificate
	c.Issuer = p.Authority
	c.Title = "GIẤY KHEN"
	c.Decision = "Quyết định số " + s.No
	if !s.Date.IsZero() {
		c.Decision += " ngày " + s.Date.Format("02/01/2006")
	}
	for _, it := range s.Certs {
		if len(it.Lines) == 0 {
			it.Lines = []string{"Đã có thành tích xuất sắc trong phong trào thi đua " + what + "."}
		}
		c.Items = append(c.Items, it)
	}
	return p
}

// movementPhrase names the movement and the period of the awards:
// "“Đẩy mạnh cải cách hành chính …” năm 2026".
func movementPhrase(movement, kind string, year int) string {
	s := "“" + strings.Trim(strings.TrimSpace(movement), "“”\"") + "”"
	if kind != "tong-ket" && year > 0 {
		s += " năm " + strconv.Itoa(year)
	}
	return s
}

// planBasis is the ground the plan gives: "Căn cứ Kế hoạch số 105/KH-UBND
// ngày 24/6/2026 của Ủy ban nhân dân xã … về phát động …;".
func planBasis(id commune.Identity) string {
	s := "Căn cứ Kế hoạch"
	if n := strings.TrimSpace(id.PlanNumber); n != "" {
		s += " số " + n
	}
	if d := strings.TrimSpace(id.PlanDate); d != "" {
		s += " ngày " + d
	}
	return s + " của Ủy ban nhân dân " + id.Commune + " về phát động Phong trào thi đua “" + strings.Trim(strings.TrimSpace(id.Movement), "“”\"") + "”;"
}

// countPhrase counts the honorees as documents write it: "02 tập thể và
// 05 cá nhân", leaving out a count of none.
func countPhrase(collectives, people int) string {
	two := func(n int) string { return fmt.Sprintf("%02d", n) }
	switch {
	case collectives > 0 && people > 0:
		return two(collectives) + " tập thể và " + two(people) + " cá nhân"
	case collectives > 0:
		return two(collectives) + " tập thể"
	default:
		return two(people) + " cá nhân"
	}
}

// sortCertificates orders certificates as the list: by unit, then name.
func sortCertificates(cs []certificate) {
	sort.SliceStable(cs, func(i, j int) bool {
		if c := vntext.Compare(cs[i].Unit, cs[j].Unit); c != 0 {
			return c < 0
		}
		return vntext.Compare(cs[i].Name, cs[j].Name) < 0
	})
}

// rewardArticle is the article on the money: the amounts each collective
// and person receives with the Giấy khen and the total when they are
// known, the law otherwise; paid from the commune's fund.
func rewardArticle(commune string, s awardSet) string {
	fund := ", chi từ Quỹ thi đua, khen thưởng của " + commune + "."
	if !s.AllGiayKhen || (s.PerPerson == 0 && s.PerGroup == 0) {
		return "Tiền thưởng kèm theo thực hiện theo quy định của Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành" + fund
	}
	var each []string
	if s.Collectives > 0 {
		each = append(each, "mỗi tập thể được thưởng "+formatDong(s.PerGroup)+" ("+formatCoefficient(s.KGroup)+" lần mức lương cơ sở)")
	}
	if s.People > 0 {
		each = append(each, "mỗi cá nhân được thưởng "+formatDong(s.PerPerson)+" ("+formatCoefficient(s.KPerson)+" lần mức lương cơ sở)")
	}
	total := s.Collectives*s.PerGroup + s.People*s.PerPerson
	return "Kèm theo Giấy khen, " + strings.Join(each, ", ") + "; tổng số tiền thưởng là " + formatDong(total) + fund
}
