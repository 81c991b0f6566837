package export

import (
	"fmt"
	"path"
	"strings"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/site/cards"
)

// CommuneData is data/commune.json: the commune's public identity as the
// theme reads it (header, footer, /lien-he/, titles, colours, the demo
// banner). Contacts are public by law (Nghị định 42/2022/NĐ-CP); nothing
// else of the record is written.
type CommuneData struct {
	commune.Identity // PlanText left empty: it is the plan page's body
	// Brand, BrandDark and Accent are the colours of Colour's token.
	Brand     string `json:"brand"`
	BrandDark string `json:"brandDark"`
	Accent    string `json:"accent"`
	// PhoneLink is the hotline for a tel: link (digits only).
	PhoneLink string `json:"phoneLink"`
	// PlanFile is the signed plan's address on the site, if uploaded.
	PlanFile string `json:"planFile,omitempty"`
	// Banner is the demo banner's text while demo data is loaded.
	Banner string `json:"banner,omitempty"`
}

// loadCommune reads the commune's identity (Neutral when not set up).
func (x *exporter) loadCommune() error {
	id, err := commune.Load(x.app)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	x.id = id
	return nil
}

// communeData writes data/commune.json and the plan's page (/ke-hoach/)
// with its signed PDF beside it.
func (x *exporter) communeData() error {
	id := x.id
	pal := commune.Palette[id.Colour]
	d := CommuneData{Identity: id, Brand: pal.Brand, BrandDark: pal.BrandDark, Accent: commune.Accent}
	d.PhoneLink = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '+' {
			return r
		}
		return -1
	}, id.Phone)
	if id.Demo {
		d.Banner = commune.DemoBanner
	}
	if r, err := commune.Record(x.app); err == nil && r != nil {
		if f := r.GetString("planFile"); f != "" {
			key := r.BaseFilesPath() + "/" + f
			name := "ke-hoach" + strings.ToLower(path.Ext(f))
			x.t.PutCopy("content/ke-hoach/"+name, "plan:"+key, func(dst string) (int64, error) {
				src, err := x.files.GetReader(key)
				if err != nil {
					return 0, fmt.Errorf("open the plan's file: %w", err)
				}
				defer src.Close()
				return copyReader(dst, src)
			})
			d.PlanFile = "/ke-hoach/" + name
		}
	}
	if err := x.planPage(d); err != nil {
		return err
	}
	d.PlanText = ""
	return x.putJSON("data/commune.json", d)
}

// planPage writes /ke-hoach/: the plan's full text as staff entered it.
func (x *exporter) planPage(d CommuneData) error {
	id := d.Identity
	title := "Kế hoạch phong trào thi đua " + quoted(id.Movement)
	summary := "Kế hoạch của " + id.Owner + " phát động Phong trào thi đua " + quoted(id.Movement) + "."
	if id.PlanNumber != "" {
		summary = "Kế hoạch số " + id.PlanNumber
		if id.PlanDate != "" {
			summary += " ngày " + id.PlanDate
		}
		summary += " của " + id.Owner + " phát động Phong trào thi đua " + quoted(id.Movement) + "."
	}
	body := id.PlanText
	if strings.TrimSpace(body) == "" {
		body = "Toàn văn kế hoạch chưa được đăng. Xin liên hệ " + id.Owner + " để biết thêm."
	}
	fm := map[string]any{"title": title, "summary": summary, "description": summary, "planFile": d.PlanFile,
		"planNumber": id.PlanNumber, "planDate": id.PlanDate}
	b, err := encodeFrontMatter(fm, body)
	if err != nil {
		return fmt.Errorf("plan page: %w", err)
	}
	x.t.Put("content/ke-hoach/index.md", b)
	return nil
}

// quoted puts a name between Vietnamese quotation marks.
func quoted(s string) string { return "“" + s + "”" }

// card is a share card in the commune's colours and mark.
func (x *exporter) card(kicker, title string) cards.Card {
	pal := commune.Palette[x.id.Colour]
	return cards.Card{Kicker: kicker, Title: title, Footer: x.id.SiteName, Mark: x.id.Mark, Brand: pal.Brand, BrandDark: pal.BrandDark}
}
