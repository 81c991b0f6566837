package export

import (
	"fmt"
	"path"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/commune"
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

// writeCommune writes data/commune.json and the plan's page (/ke-hoach/)
// with its signed PDF beside it.
func writeCommune(app core.App, files *filesystem.System, t *Tree, id commune.Identity) error {
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
	if r, err := commune.Record(app); err == nil && r != nil {
		if f := r.GetString("planFile"); f != "" {
			key := r.BaseFilesPath() + "/" + f
			name := "ke-hoach" + strings.ToLower(path.Ext(f))
			t.PutCopy("content/ke-hoach/"+name, "plan:"+key, func(dst string) (int64, error) {
				src, err := files.GetReader(key)
				if err != nil {
					return 0, fmt.Errorf("open the plan's file: %w", err)
				}
				defer src.Close()
				return copyReader(dst, src)
			})
			d.PlanFile = "/ke-hoach/" + name
		}
	}
	if err := writePlan(t, d); err != nil {
		return err
	}
	d.PlanText = ""
	return t.PutJSON("data/commune.json", d)
}

// writePlan writes /ke-hoach/: the plan's full text as staff entered it.
func writePlan(t *Tree, d CommuneData) error {
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
	t.Put("content/ke-hoach/index.md", b)
	return nil
}

// quoted puts a name between Vietnamese quotation marks.
func quoted(s string) string { return "“" + s + "”" }
