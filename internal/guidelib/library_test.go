package guidelib

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/vntext"
)

// knownHosts are the only sites a guide of the library links to.
var knownHosts = map[string]bool{"dichvucong.gov.vn": true, "vneid.gov.vn": true}

// communeName finds a named commune or ward ("xã Đại Sơn", "phường Hòa
// Bình"): the level followed by a capital letter.
var communeName = regexp.MustCompile(`(?:[Xx]ã|[Pp]hường|[Tt]hị trấn) \p{Lu}`)

// mustCover are the procedures the library must have a guide for: words of
// a title, folded.
var mustCover = []string{"ket hon", "khai tu", "khai sinh", "thuong tru", "tam tru", "can cuoc",
	"chung thuc", "dat", "tro cap xa hoi", "ho kinh doanh", "dinh danh dien tu"}

func TestLibrary(t *testing.T) {
	guides, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(guides) < 20 {
		t.Fatalf("%d guides in the library, want ≥ 20", len(guides))
	}
	titles := map[string]bool{}
	var folded []string
	for _, g := range guides {
		t.Run(g.ID, func(t *testing.T) { checkGuide(t, g) })
		if titles[g.Title] {
			t.Errorf("%s: title %q used twice", g.ID, g.Title)
		}
		titles[g.Title] = true
		folded = append(folded, vntext.Fold(g.Title))
	}
	for _, w := range mustCover {
		found := false
		for _, f := range folded {
			found = found || strings.Contains(" "+f+" ", " "+w+" ")
		}
		if !found {
			t.Errorf("no guide's title has %q", w)
		}
	}
}

func checkGuide(t *testing.T, g Guide) {
	if g.Version < 1 {
		t.Errorf("version %d", g.Version)
	}
	if d, err := g.CheckedDate(); err != nil || d.After(time.Now()) || d.Year() < 2025 {
		t.Errorf("checked %q: not a past date (%v)", g.Checked, err)
	}
	parts := map[string]string{"title": g.Title, "audience (who)": g.Audience, "summary": g.Summary,
		"documents (papers)": g.Documents, "fee": g.Fee, "processingTime": g.ProcessingTime,
		"offline (in person)": g.Offline, "legalBasis": g.LegalBasis, "portalLink": g.PortalLink}
	for name, v := range parts {
		if strings.TrimSpace(v) == "" {
			t.Errorf("no %s", name)
		}
	}
	if len([]rune(g.Title)) > 250 || len([]rune(g.Summary)) > 500 || len([]rune(g.Audience)) > 200 ||
		len([]rune(g.Fee)) > 300 || len([]rune(g.ProcessingTime)) > 300 || len([]rune(g.Documents)) > 5000 || len([]rune(g.Offline)) > 5000 {
		t.Errorf("a field is longer than the collection allows")
	}
	if !regexp.MustCompile(`(Luật|Nghị định|Thông tư|Quyết định)`).MatchString(g.LegalBasis) {
		t.Errorf("legal basis names no law, decree or circular: %q", g.LegalBasis)
	}
	if len(g.Steps) < 3 || len(g.Steps) > 7 {
		t.Errorf("%d steps, want 3–7", len(g.Steps))
	}
	links := []string{g.PortalLink}
	online := false
	for i, s := range g.Steps {
		if s.Title == "" || s.Text == "" {
			t.Errorf("step %d has no title or text", i+1)
		}
		if i == 0 && s.Logic != "" || s.Logic != "" && s.Logic != "or" && s.Logic != "and" {
			t.Errorf("step %d: logic %q", i+1, s.Logic)
		}
		if (s.Link == "") != (s.LinkText == "") {
			t.Errorf("step %d: a link without words or words without a link", i+1)
		}
		if s.Link != "" {
			links = append(links, s.Link)
		}
	}
	for _, l := range links {
		u, err := url.Parse(l)
		if err != nil || u.Scheme != "https" || !knownHosts[u.Host] {
			t.Errorf("link %q: not https to a known host", l)
		}
		online = online || u.Host == "dichvucong.gov.vn" || u.Host == "vneid.gov.vn"
	}
	if !online {
		t.Errorf("no link to the national portal or VNeID")
	}
	all := strings.Join([]string{g.Title, g.Audience, g.Summary, g.Body, g.Documents, g.Fee, g.ProcessingTime, g.Offline, g.LegalBasis}, "\n")
	for _, s := range g.Steps {
		all += "\n" + s.Title + "\n" + s.Text + "\n" + s.Cost
	}
	if m := communeName.FindString(all); m != "" {
		t.Errorf("names a commune: %q", m)
	}
	for _, name := range []string{"Đại Sơn", "Dai Son"} {
		if strings.Contains(all, name) {
			t.Errorf("names %s", name)
		}
	}
	if vntext.NFC(all) != all {
		t.Errorf("text not NFC")
	}
	if !regexp.MustCompile(`[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]`).MatchString(all) {
		t.Errorf("no Vietnamese diacritics")
	}
}
