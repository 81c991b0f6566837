// Package commune is the identity of the commune whose portal this is: its
// and its province's names, the site's name and short mark, the owner's
// contacts Nghị định 42/2022/NĐ-CP asks a state web site to publish, the
// colour of the theme and the plan of the movement. It is data (the
// "commune" collection, one record), never code: the site's export, the
// share cards, the posters, the mails, the printed lists and the back
// office read it from here. It is a leaf: admin, site and cmd use it.
package commune

import (
	"strings"
)

// Collection is the name of the collection holding the identity (one
// record).
const Collection = "commune"

// Identity is the commune's identity. The JSON names are those of the
// collection's fields and of the site's data file (data/commune.json).
type Identity struct {
	// Commune is the commune's name with its level: "xã Hòa Bình".
	Commune string `json:"commune"`
	// Province is the province or city it belongs to: "tỉnh Ninh Thuận".
	Province string `json:"province"`
	// SiteName is the site's name: "Cải cách hành chính xã Hòa Bình".
	SiteName string `json:"siteName"`
	// Mark is the short mark of the emblem (1–3 letters): "HB".
	Mark string `json:"mark"`
	// Owner is the body in charge of the site: "Ủy ban nhân dân xã Hòa Bình".
	Owner string `json:"owner"`
	// Movement is the emulation movement's name, without quotes.
	Movement string `json:"movement"`

	// The owner's contacts (Nghị định 42/2022/NĐ-CP).
	Address     string `json:"address"`
	Phone       string `json:"phone"`
	Email       string `json:"email"`
	OfficeHours string `json:"officeHours"`
	// The person responsible for the content and their position.
	Responsible      string `json:"responsible"`
	ResponsibleTitle string `json:"responsibleTitle"`
	// The one-stop counter (bộ phận một cửa).
	CounterAddress string `json:"counterAddress"`
	CounterHours   string `json:"counterHours"`

	// Colour is one of Palette's tokens.
	Colour string `json:"colour"`

	// The same in English, for the site's page in English (/en/, Nghị định
	// 42/2022/NĐ-CP): all optional. Where one is empty the page shows the
	// Vietnamese field (names stay names) under an English label.
	English English `json:"en"`

	// The plan that launched the movement: number and symbol
	// ("105/KH-UBND"), date (dd/mm/yyyy) and full text (Markdown).
	PlanNumber string `json:"planNumber"`
	PlanDate   string `json:"planDate"`
	PlanText   string `json:"planText,omitempty"`

	// DecisionBases are the legal grounds ("Căn cứ …") a decision on
	// awards cites before the plan, one a line; empty means DefaultBases.
	// DecisionRecipients are its "Nơi nhận", one a line; empty means
	// DefaultRecipients. Neither is written to the public site.
	DecisionBases      string `json:"-"`
	DecisionRecipients string `json:"-"`

	// AwardForms are the keys of the award forms (vocab.AwardForms) the
	// commune uses; empty means all of them (FormsInUse).
	AwardForms []string `json:"awardForms,omitempty"`

	// Demo is true while the portal holds demo data: every page says so.
	Demo bool `json:"demo"`
}

// Neutral is the identity of a portal not yet set up: it names no commune.
var Neutral = Identity{
	Commune:  "xã",
	SiteName: "Cổng thông tin cải cách hành chính",
	Mark:     "CC",
	Owner:    "Ủy ban nhân dân xã",
	Movement: "Đẩy mạnh cải cách hành chính giai đoạn 2026 – 2030",
	Colour:   DefaultColour,
}

// DemoBanner is what every page and the back office say while demo data is
// loaded.
const DemoBanner = "Dữ liệu mẫu – không phải thông tin chính thức"

// WithDefaults fills the fields left empty from Neutral, so that a page
// never shows a blank name.
func (c Identity) WithDefaults() Identity {
	def := func(v *string, d string) {
		if strings.TrimSpace(*v) == "" {
			*v = d
		}
	}
	def(&c.Commune, Neutral.Commune)
	def(&c.SiteName, "Cổng thông tin cải cách hành chính "+c.Commune)
	def(&c.Mark, Neutral.Mark)
	def(&c.Owner, "Ủy ban nhân dân "+c.Commune)
	def(&c.Movement, Neutral.Movement)
	if _, ok := Palette[c.Colour]; !ok {
		c.Colour = DefaultColour
	}
	return c
}

// OwnerUpper is the owner's short heading of official papers: "UBND XÃ HÒA
// BÌNH".
func (c Identity) OwnerUpper() string {
	return strings.ToUpper("UBND " + c.WithDefaults().Commune)
}

// Fields are the identity's text fields with their limits (characters) and
// Vietnamese labels, in the order the setup asks them.
var Fields = []Field{
	{"commune", "Tên xã, phường (có cả cấp: “xã Hòa Bình”)", 100, true},
	{"province", "Tỉnh, thành phố", 100, true},
	{"siteName", "Tên trang web", 150, true},
	{"mark", "Chữ viết tắt trên biểu trưng (1–3 chữ)", 3, true},
	{"owner", "Cơ quan chủ quản", 150, true},
	{"movement", "Tên phong trào thi đua", 300, true},
	{"address", "Địa chỉ cơ quan", 300, true},
	{"phone", "Điện thoại đường dây nóng", 20, true},
	{"email", "Thư điện tử", 200, true},
	{"officeHours", "Giờ làm việc", 300, false},
	{"responsible", "Người chịu trách nhiệm nội dung", 100, true},
	{"responsibleTitle", "Chức vụ người chịu trách nhiệm", 150, false},
	{"counterAddress", "Địa chỉ bộ phận một cửa", 300, false},
	{"counterHours", "Giờ tiếp nhận hồ sơ của bộ phận một cửa", 300, false},
	{"planNumber", "Số, ký hiệu kế hoạch (“105/KH-UBND”)", 50, false},
	{"planDate", "Ngày ban hành kế hoạch (dd/mm/yyyy)", 10, false},
}

// English is the identity's optional English text (EnglishFields).
type English struct {
	// Commune is the commune's name in English: "Hòa Bình Commune".
	Commune string `json:"commune"`
	// Owner is the body in charge: "People's Committee of Hòa Bình Commune".
	Owner string `json:"owner"`
	// About says in a few sentences what the commune and the site are.
	About            string `json:"about"`
	Address          string `json:"address"`
	OfficeHours      string `json:"officeHours"`
	ResponsibleTitle string `json:"responsibleTitle"`
	CounterAddress   string `json:"counterAddress"`
	CounterHours     string `json:"counterHours"`
}

// EnglishFields are the English fields (English), each optional, with
// their limits and Vietnamese labels, in the order the setup asks them.
// Their names are the collection's fields.
var EnglishFields = []Field{
	{"communeEn", "Tên xã bằng tiếng Anh (“Hòa Bình Commune”)", 100, false},
	{"ownerEn", "Cơ quan chủ quản bằng tiếng Anh (“People's Committee of Hòa Bình Commune”)", 150, false},
	{"aboutEn", "Giới thiệu ngắn về xã và cổng bằng tiếng Anh", 1000, false},
	{"addressEn", "Địa chỉ cơ quan bằng tiếng Anh", 300, false},
	{"officeHoursEn", "Giờ làm việc bằng tiếng Anh", 300, false},
	{"responsibleTitleEn", "Chức vụ người chịu trách nhiệm bằng tiếng Anh", 150, false},
	{"counterAddressEn", "Địa chỉ bộ phận một cửa bằng tiếng Anh", 300, false},
	{"counterHoursEn", "Giờ tiếp nhận hồ sơ của bộ phận một cửa bằng tiếng Anh", 300, false},
}

// AllFields are Fields followed by EnglishFields.
func AllFields() []Field {
	return append(append([]Field{}, Fields...), EnglishFields...)
}

// Field is one text field of the identity.
type Field struct {
	Name, Label string
	Max         int
	Required    bool
}

// PlanTextMax bounds the plan's full text (characters).
const PlanTextMax = 100_000

// FromGetter builds an identity from a function that reads a field by
// name (a record's GetString).
func FromGetter(get func(string) string, demo bool) Identity {
	return Identity{
		Commune: get("commune"), Province: get("province"), SiteName: get("siteName"),
		Mark: get("mark"), Owner: get("owner"), Movement: get("movement"),
		Address: get("address"), Phone: get("phone"), Email: get("email"),
		OfficeHours: get("officeHours"), Responsible: get("responsible"),
		ResponsibleTitle: get("responsibleTitle"), CounterAddress: get("counterAddress"),
		CounterHours: get("counterHours"), Colour: get("colour"),
		PlanNumber: get("planNumber"), PlanDate: get("planDate"), PlanText: get("planText"),
		DecisionBases: get("decisionBases"), DecisionRecipients: get("decisionRecipients"),
		English: English{
			Commune: get("communeEn"), Owner: get("ownerEn"), About: get("aboutEn"),
			Address: get("addressEn"), OfficeHours: get("officeHoursEn"),
			ResponsibleTitle: get("responsibleTitleEn"), CounterAddress: get("counterAddressEn"),
			CounterHours: get("counterHoursEn"),
		},
		Demo: demo,
	}
}

// PlanFileMax bounds the signed plan's PDF (bytes).
const PlanFileMax = 20 << 20
