package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// pageType is one kind of page of the site and the address of an example.
type pageType struct {
	Name    string
	Path    string
	Section string // the main navigation's item that must be current ("" for none)
	Home    bool   // the home page: the brand link is the current page
}

// reserved are the folders of a section that are not a record's page.
var reserved = map[string]bool{
	"trang": true, "chuyen-muc": true, "tu-khoa": true, "loai": true, "linh-vuc": true, "don-vi": true,
	"nam": true, "doi-tuong": true, "hinh-thuc": true, "thong-ke": true,
}

// pageTypes lists every page type of the demo site with an example page,
// preferring a record with an image (so the <picture> is checked too).
func pageTypes(t testing.TB) []pageType {
	t.Helper()
	pick := func(section string) string {
		t.Helper()
		dirs := subdirs(t, section)
		var plain []string
		for _, d := range dirs {
			if reserved[d] {
				continue
			}
			if hasImage(filepath.Join(liveDir, section, d)) {
				return "/" + section + "/" + d + "/"
			}
			plain = append(plain, d)
		}
		if len(plain) == 0 {
			t.Fatalf("the demo site has no page under /%s/", section)
		}
		return "/" + section + "/" + plain[0] + "/"
	}
	term := func(dir string) string {
		t.Helper()
		dirs := subdirs(t, dir)
		for _, d := range dirs {
			if d != "trang" {
				return "/" + dir + "/" + d + "/"
			}
		}
		t.Fatalf("the demo site has no term under /%s/", dir)
		return ""
	}
	return []pageType{
		{Name: "trang-chu", Path: "/", Home: true},
		{Name: "tin-tuc", Path: "/tin-tuc/", Section: "tin-tuc"},
		{Name: "tin-tuc-chuyen-muc", Path: term("tin-tuc/chuyen-muc"), Section: "tin-tuc"},
		{Name: "tin-tuc-tu-khoa", Path: term("tin-tuc/tu-khoa"), Section: "tin-tuc"},
		{Name: "bai-viet", Path: pick("tin-tuc"), Section: "tin-tuc"},
		{Name: "mo-hinh-sang-kien", Path: "/mo-hinh-sang-kien/", Section: "mo-hinh-sang-kien"},
		{Name: "sang-kien-linh-vuc", Path: term("mo-hinh-sang-kien/linh-vuc"), Section: "mo-hinh-sang-kien"},
		{Name: "sang-kien", Path: pick("mo-hinh-sang-kien"), Section: "mo-hinh-sang-kien"},
		{Name: "vinh-danh", Path: "/vinh-danh/", Section: "vinh-danh"},
		{Name: "vinh-danh-theo-nam", Path: "/vinh-danh/nam/", Section: "vinh-danh"},
		{Name: "vinh-danh-nam", Path: term("vinh-danh/nam"), Section: "vinh-danh"},
		{Name: "vinh-danh-ca-nhan", Path: pick("vinh-danh"), Section: "vinh-danh"},
		{Name: "huong-dan", Path: "/huong-dan/", Section: "huong-dan"},
		{Name: "huong-dan-chi-tiet", Path: pick("huong-dan"), Section: "huong-dan"},
		{Name: "ap-phich-qr", Path: pick("tin-tuc") + "qr/"},
		{Name: "vinh-danh-thong-ke", Path: "/vinh-danh/thong-ke/", Section: "vinh-danh"},
		{Name: "gop-y", Path: "/gop-y/", Section: "gop-y"},
		{Name: "gop-y-tra-cuu", Path: "/gop-y/tra-cuu/?ma=GY-7K2M9Q", Section: "gop-y"},
		{Name: "gop-y-danh-gia", Path: "/gop-y/danh-gia/?dich-vu=Ch%E1%BB%A9ng%20th%E1%BB%B1c%20b%E1%BA%A3n%20sao", Section: "gop-y"},
		{Name: "ke-hoach", Path: "/ke-hoach/", Section: "ke-hoach"},
		{Name: "chi-so", Path: "/chi-so/", Section: "chi-so"},
		{Name: "don-vi", Path: "/don-vi/", Section: "don-vi"},
		{Name: "don-vi-chi-tiet", Path: pick("don-vi"), Section: "don-vi"},
		{Name: "tim-kiem", Path: "/tim-kiem/?q=giay%20khen"},
		{Name: "lien-he", Path: "/lien-he/"},
		{Name: "404", Path: "/khong-co-trang-nay/"},
	}
}

// subdirs lists the folders under a folder of the output that hold a page.
func subdirs(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(liveDir, filepath.FromSlash(dir)))
	if err != nil {
		t.Fatalf("read the output's %s: %v", dir, err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(liveDir, filepath.FromSlash(dir), e.Name(), "index.html")); err == nil {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// hasImage tells a page that shows a photo (a responsive <picture>).
func hasImage(dir string) bool {
	b, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	return strings.Contains(string(b), "<picture")
}

// htmlFiles lists every HTML file of the output, as paths relative to it
// with forward slashes ("index.html", "tin-tuc/index.html", "404.html").
func htmlFiles(t testing.TB) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(liveDir+"/", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(liveDir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk the output: %v", err)
	}
	if len(out) < 20 {
		t.Fatalf("the output has only %d HTML files", len(out))
	}
	return out
}

// isRedirect tells a page Hugo writes to send an old address to a new one
// (/tin-tuc/trang/1/ → /tin-tuc/): not a page of its own.
func isRedirect(html string) bool {
	return strings.Contains(html, `http-equiv=refresh`) || strings.Contains(html, `http-equiv="refresh"`)
}

// isPoster tells a record's QR poster (output format qr) by its body class.
func isPoster(html string) bool {
	return strings.Contains(html, `<body class=poster-body`)
}

// canonicalFor is the absolute address a page at path names as canonical
// and og:url: its own, or for a QR poster the record page it advertises.
func canonicalFor(path, html string) string {
	if isPoster(html) {
		path = strings.TrimSuffix(path, "qr/")
	}
	return siteURL + path
}

// isNoindex tells a page that asks search engines not to list it (the QR
// posters): it names itself as canonical but is not in the sitemap.
func isNoindex(html string) bool {
	return strings.Contains(html, `<meta name=robots content="noindex">`) || strings.Contains(html, `<meta name="robots" content="noindex">`)
}

// isPagination tells a second (third…) page of a list: /tin-tuc/trang/2/.
func isPagination(rel string) bool {
	parts := strings.Split(rel, "/")
	return len(parts) >= 3 && parts[len(parts)-3] == "trang"
}

// pageKind names a page type from its output path, for reporting figures.
func pageKind(rel string) string {
	parts := strings.Split(strings.TrimSuffix(rel, "index.html"), "/")
	var segs []string
	for _, p := range parts {
		if p != "" {
			segs = append(segs, p)
		}
	}
	switch {
	case rel == "index.html":
		return "trang chủ"
	case rel == "404.html":
		return "404"
	case len(segs) >= 2 && segs[len(segs)-1] == "qr":
		return segs[0] + "/…/qr (áp phích)"
	case len(segs) == 1:
		return segs[0] + " (danh sách)"
	case len(segs) >= 2 && segs[len(segs)-2] == "trang":
		return strings.Join(segs[:len(segs)-2], "/") + " (trang sau)"
	case len(segs) == 2 && reserved[segs[1]]:
		return segs[0] + "/" + segs[1] + " (các mục)"
	case len(segs) == 3 && reserved[segs[1]]:
		return segs[0] + "/" + segs[1] + "/…"
	default:
		return segs[0] + "/…"
	}
}
