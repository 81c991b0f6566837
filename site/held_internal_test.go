package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeSite writes a small Hugo site: files by path relative to dir.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// brokenSite is a site whose guides' template fails on every guide (n of
// them) and whose chart partial divides by a page's zero.
func brokenSite(t *testing.T, guides int) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "src, with a comma")
	files := map[string]string{
		"hugo.toml":                            "title = \"x\"\ndisableKinds = [\"taxonomy\", \"term\"]\n[pagination]\npath = \"trang\"\n",
		"layouts/home.html":                    `<h1>{{ .Title }}</h1>`,
		"layouts/list.html":                    `<h1>{{ .Title }}</h1>`,
		"layouts/page.html":                    `<h1>{{ .Title }}</h1>{{ partial "chart.html" . }}`,
		"layouts/_partials/chart.html":         "{{ with .Params.total }}\n{{ div 100 .Params.zero }}{{ end }}",
		"layouts/huong-dan/page.html":          "<h1>\n{{ .Title.Khong.Co }}</h1>",
		"content/_index.md":                    "+++\ntitle = 'Trang chủ'\n+++\n",
		"content/tin-tuc/a/index.md":           "{\"title\": \"Tin A\"}\n",
		"content/gop-y/thong-ke/index.md":      "+++\ntitle = 'Thống kê'\n[params]\ntotal = 1\nzero = 0\n+++\nNội dung.\n",
		"content/huong-dan/_index.md":          "+++\ntitle = 'Hướng dẫn'\n+++\n",
		"content/vinh-danh-nam/2026/_index.md": "+++\ntitle = 'Năm 2026'\nslug = '2026'\n+++\n",
	}
	for i := 0; i < guides; i++ {
		files[fmt.Sprintf("content/huong-dan/g%02d/index.md", i)] = fmt.Sprintf("{\"title\": \"Hướng dẫn %d\", \"params\": {\"collection\": \"guides\", \"id\": \"id%02d\"}}\n", i, i)
	}
	writeSite(t, src, files)
	return src
}

// TestPageFailures: the worker reads each page Hugo failed on, with the
// templates it failed in, outermost first.
func TestPageFailures(t *testing.T) {
	src := brokenSite(t, 1)
	res, err := newWorkers(time.Minute, 0, 0).runOnce(hugoRun{Source: src, Destination: t.TempDir()})
	if err == nil {
		t.Fatal("the broken site built")
	}
	got := map[string]pageFailure{}
	for _, f := range res.Failures {
		got[f.File] = f
	}
	if f := got["content/gop-y/thong-ke/index.md"]; len(f.Templates) != 2 || f.Templates[0] != (templateLine{"page.html", 1}) ||
		f.where() != (templateLine{"_partials/chart.html", 2}) {
		t.Errorf("chart failure = %+v (all: %+v)", f, res.Failures)
	}
	if f := got["content/huong-dan/g00/index.md"]; f.where() != (templateLine{"huong-dan/page.html", 2}) {
		t.Errorf("guide failure = %+v (all: %+v)", f, res.Failures)
	}
}

// TestHoldingPages: a page held back alone, then its section once a
// second page fails at the same line; the held files are put back as they
// were; addresses of pages, lists and terms are found as Hugo makes them.
func TestHoldingPages(t *testing.T) {
	src := brokenSite(t, 3)
	from := t.TempDir()
	writeSite(t, from, map[string]string{"huong-dan/g00/index.html": "cũ", "huong-dan/g00/qr/index.html": "qr cũ", "gop-y/thong-ke/index.html": "cũ"})
	h := newHeld(src, from)
	why := templateLine{"huong-dan/page.html", 2}
	if n := h.add([]pageFailure{{File: "content/huong-dan/g00/index.md", Templates: []templateLine{why}}}, false); n != 1 {
		t.Fatalf("held %d pages", n)
	}
	if n := h.add([]pageFailure{{File: "content/huong-dan/g01/index.md", Templates: []templateLine{why}}}, false); n != 2 {
		t.Fatalf("the section's other pages: held %d", n)
	}
	before, _ := os.ReadFile(filepath.Join(src, "content/huong-dan/g00/index.md"))
	if err := h.apply(); err != nil {
		t.Fatal(err)
	}
	kept, _ := os.ReadFile(filepath.Join(src, "content/huong-dan/g00/index.md"))
	fresh, _ := os.ReadFile(filepath.Join(src, "content/huong-dan/g02/index.md"))
	if !strings.Contains(string(kept), `"render": "link"`) || !strings.Contains(string(fresh), `"render": "never"`) || !h.never {
		t.Fatalf("held files:\n%s\n%s", kept, fresh)
	}
	public := t.TempDir()
	writeSite(t, public, map[string]string{"huong-dan/g00/the-chia-se.jpg": "mới"})
	if err := h.copyKept(public); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(public, "huong-dan/g00/qr/index.html")); string(b) != "qr cũ" {
		t.Fatal("the kept page's poster was not copied")
	}
	if b, _ := os.ReadFile(filepath.Join(public, "huong-dan/g00/the-chia-se.jpg")); string(b) != "mới" {
		t.Fatal("a file the build wrote was replaced")
	}
	fps := h.report()
	if len(fps) != 1 || !fps[0].Section || fps[0].Pages != 3 || fps[0].Kept || strings.Join(fps[0].NotLive, ",") != "id01,id02" {
		t.Fatalf("report = %+v", fps)
	}
	if _, err := os.Stat(filepath.Join(src, heldMarker)); err != nil {
		t.Fatal("no marker while files are held")
	}
	h.restore(nil)
	if after, _ := os.ReadFile(filepath.Join(src, "content/huong-dan/g00/index.md")); string(after) != string(before) {
		t.Fatalf("not put back: %s", after)
	}
	if _, err := os.Stat(filepath.Join(src, heldMarker)); err == nil {
		t.Fatal("the marker stayed")
	}

	// An interrupted build's held files are removed for the export to
	// write again.
	h = newHeld(src, from)
	h.add([]pageFailure{{File: "content/gop-y/thong-ke/index.md"}}, false)
	if err := h.apply(); err != nil {
		t.Fatal(err)
	}
	recoverHeld(src)
	if _, err := os.Stat(filepath.Join(src, "content/gop-y/thong-ke/index.md")); err == nil {
		t.Fatal("an interrupted build's held file is still there")
	}

	for file, want := range map[string]string{
		"content/_index.md": "/", "content/huong-dan/_index.md": "/huong-dan/", "content/huong-dan/g00/index.md": "/huong-dan/g00/",
		"content/vinh-danh-nam/_index.md": "/vinh-danh/nam/", "content/vinh-danh-nam/2026/_index.md": "/vinh-danh/nam/2026/",
	} {
		if got := contentURL(file, map[string]any{}); got != want {
			t.Errorf("contentURL(%s) = %s, want %s", file, got, want)
		}
	}
	if got := contentURL("content/chuyen-huong/l--abcd/index.md", map[string]any{"url": "/l/abcd/"}); got != "/l/abcd/" {
		t.Errorf("a page's own url: %s", got)
	}
}

// TestProbe: when Hugo stalls and names no page, a small site with two
// records of each section names the template that fails.
func TestProbe(t *testing.T) {
	src := brokenSite(t, 30)
	e := newEnv(nil, Config{Root: t.TempDir(), BaseURL: "http://x.test/", BuildTimeout: time.Minute}, nil, 0)
	defer e.workers.close()
	fails, _ := probe(e, src)
	found := false
	for _, f := range fails {
		if strings.HasPrefix(f.File, "content/huong-dan/g0") && f.where().Name == "huong-dan/page.html" {
			found = true
		}
	}
	if !found {
		t.Fatalf("the probe found %+v", fails)
	}
	h := newHeld(src, "")
	if n := h.add(fails, true); n < 30 {
		t.Fatalf("a stalled build's section: held %d pages", n)
	}
}
