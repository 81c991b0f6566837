package site_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	portal "github.com/daison/portal"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site"
	"github.com/daison/portal/site/export"
)

// genN asks TestGeneratedSites for that many random datasets besides its
// fixed ones (as -rapid.checks does): go test ./site -run
// TestGeneratedSites -gen.n=500. A failing one is shrunk by rapid to a
// smallest dataset that still fails.
var genN = flag.Int("gen.n", 0, "TestGeneratedSites: random datasets to build besides the fixed ones")

// fixedProfiles are the datasets every run builds: few, each at an
// extreme the site must survive.
var fixedProfiles = []struct {
	profile
	seed int
}{
	// A brand-new portal: not set up, no record of any kind.
	{profile{name: "cổng mới trống", counts: []int{0}, fills: []fill{fillEmpty}, feedback: []int{0}, handled: []bool{false}, noCommune: true}, 1},
	// One record of every kind with every optional field empty and every
	// number at its minimum (indicators at 0 with a target of 0), and one
	// submission of each kind that nobody has handled yet.
	{profile{name: "một bản ghi mỗi loại, trường tùy chọn để trống", counts: []int{1}, fills: []fill{fillEmpty}, feedback: []int{1}, handled: []bool{false}}, 1},
	// One of each with every field at its maximum: lengths, counts of
	// files and relations, numbers; every submission handled.
	{profile{name: "một bản ghi mỗi loại, mọi trường dài tối đa", counts: []int{1}, fills: []fill{fillFull}, feedback: []int{1}, handled: []bool{true}}, 1},
	// Several of each, every field drawn, drafts and scheduled records
	// among them, submissions handled or not over two years.
	{profile{name: "nhiều bản ghi, trộn lẫn", counts: []int{0, 1, 4}, fills: []fill{fillEmpty, fillFull, fillSome}, feedback: []int{0, 1, 3}, handled: []bool{false, true}, hidden: true}, 7},
	{profile{name: "nhiều bản ghi, trộn lẫn (2)", counts: []int{2, 13}, fills: []fill{fillSome}, feedback: []int{2}, handled: []bool{false, true}, hidden: true}, 3},
}

// anyProfile is the random datasets' profile: everything may vary.
var anyProfile = profile{name: "ngẫu nhiên", counts: []int{0, 1, 2, 5, 13}, fills: []fill{fillEmpty, fillFull, fillSome},
	feedback: []int{0, 1, 3}, handled: []bool{false, true}, hidden: true}

// TestGeneratedSites builds the real site (the real theme and hand-written
// pages, the real export, real Hugo) from datasets generated from the
// collections' definitions (gendata_test.go): each collection empty, one
// record or many; each optional field empty or at its maximum length;
// numbers at their bounds; every kind of feedback handled or not. Every
// build must go live whole: every visible record on its page, no page left
// out, no template's leftovers ("<no value>", NaN…) on any page, every link
// inside the site leading to a page of the build.
func TestGeneratedSites(t *testing.T) {
	s := readSchema(t, recordstest.NewApp(t))
	built := 0
	for _, fp := range fixedProfiles {
		t.Run(fp.name, func(t *testing.T) {
			d := datasetGen(s, fp.profile).Example(fp.seed)
			checkSite(t, d)
			built++
		})
	}
	random := *genN
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "rapid.checks" && random == 0 {
			random, _ = strconv.Atoi(f.Value.String())
		}
	})
	if random > 0 {
		if err := flag.Set("rapid.checks", strconv.Itoa(random)); err != nil {
			t.Fatal(err)
		}
		// A failure prints its seed (-rapid.seed reproduces it); no fail
		// file is left in the package's folder.
		if f := flag.Lookup("rapid.failfile"); f != nil && f.Value.String() == "" {
			_ = flag.Set("rapid.nofailfile", "true")
		}
		run := 0
		rapid.Check(t, func(rt *rapid.T) {
			d := datasetGen(s, anyProfile).Draw(rt, "dataset")
			run++
			if !t.Run(fmt.Sprintf("ngẫu nhiên %d", run), func(t *testing.T) { checkSite(t, d) }) {
				rt.Fatalf("the site did not build whole from this dataset")
			}
			built++
		})
	}
	t.Logf("%d datasets built", built)
}

// checkSite loads d into a new portal database, builds the site and checks
// it.
func checkSite(t *testing.T, d dataset) {
	app := recordstest.NewApp(t)
	start := time.Now()
	recs := load(t, app, d)
	b := site.New(app, site.Config{Root: t.TempDir(), BaseURL: "http://xa-mau.test/", Sources: portal.SiteFiles})
	t.Cleanup(b.Close)
	rep, err := b.Build("dữ liệu sinh ra")
	var counts []string
	for _, c := range genCollections {
		counts = append(counts, fmt.Sprintf("%s %d", c, d.count(c)))
	}
	t.Logf("%d records (%s), built in %s (%d pages)", len(recs), strings.Join(counts, ", "), time.Since(start).Round(time.Millisecond), rep.Pages)
	if err != nil {
		t.Fatalf("the build failed: %v\nstaff were told: %s", err, rep.Error)
	}
	for _, fp := range rep.FailedPages {
		t.Errorf("a page was left out: %s", fp.Message)
	}
	live, err := filepath.EvalSymlinks(b.Dir().LivePath())
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range d.records {
		sec, ok := export.Sections[s.coll]
		if !ok || !s.visible {
			continue
		}
		page := filepath.Join(live, sec, recs[i].GetString("slug"), "index.html")
		if _, err := os.Stat(page); err != nil {
			t.Errorf("%s %q (%s) has no page: %v", s.coll, recs[i].Id, describe(s), err)
		}
	}
	checkPages(t, live)
}

var (
	// leftovers are what a template leaves on a page when it goes wrong.
	leftovers = []string{"<no value>", "%!", "ZgotmplZ", "NaN", "+Inf", "-Inf", "map[", "<nil>"}
	// servedByPortal are addresses the portal answers itself, beside
	// the built site (admin/feedback's lookup form).
	servedByPortal = map[string]bool{"/gop-y/tra-cuu/": true}
	// siteLink finds the links and sources that stay inside the site
	// (minified HTML may drop the quotes).
	siteLink = regexp.MustCompile(`(?:href|src)="?(/[^"\s>]*)`)
)

// checkPages reads every HTML page of a build: no template leftovers, and
// every link inside the site leads to a file of the build.
func checkPages(t *testing.T, live string) {
	t.Helper()
	bad := 0
	err := filepath.WalkDir(live, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(live, p)
		page := string(b)
		for _, l := range leftovers {
			if i := strings.Index(page, l); i >= 0 && bad < 20 {
				bad++
				t.Errorf("%s shows %q: …%s…", rel, l, page[max(0, i-80):min(len(page), i+80)])
			}
		}
		for _, m := range siteLink.FindAllStringSubmatch(page, -1) {
			u := m[1]
			if strings.HasPrefix(u, "//") || servedByPortal[u] {
				continue
			}
			u, _, _ = strings.Cut(u, "#")
			u, _, _ = strings.Cut(u, "?")
			target := filepath.Join(live, filepath.FromSlash(path.Clean(u)))
			if strings.HasSuffix(u, "/") {
				target = filepath.Join(target, "index.html")
			}
			if _, err := os.Stat(target); err != nil && bad < 20 {
				bad++
				t.Errorf("%s links to %s, which is not in the build", rel, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
