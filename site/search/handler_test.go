package search_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/site/live"
	"github.com/daison/portal/site/search"
	"github.com/daison/portal/site/search/searchtest"
)

// page is the search page as the theme writes it once minified: the
// marks the server fills (the slot, the box, the note for static hosts).
const page = `<!doctype html><html lang=vi><body><main><form id=tim-kiem action=/tim-kiem/ method=get><input class=search-input id=q name=q type=search maxlength=200><button>Tìm</button></form>` +
	`<noscript><div class=search-nojs><p>Trình duyệt của bạn đang tắt JavaScript</p></div></noscript><div class=search-server id=tim-kiem-may-chu></div><div class=search-results></div></main></body></html>`

// liveSite makes a live build of the demo's index with the page above, and
// returns the search server over it.
func liveSite(t *testing.T) http.Handler {
	t.Helper()
	set, _ := demoIndex(t)
	d := live.Dir{Root: t.TempDir()}
	_, build, err := d.NewBuild(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(build, "public")
	if err := os.MkdirAll(filepath.Join(public, "tim-kiem"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"tim-kiem/index.html": page, "index.html": "<p>Trang chủ</p>", "404.html": "<p>Không tìm thấy</p>"} {
		if err := os.WriteFile(filepath.Join(public, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := set.Write(public); err != nil {
		t.Fatal(err)
	}
	if err := d.Swap(public); err != nil {
		t.Fatal(err)
	}
	// Loaded from the build's files, as after a restart.
	return search.NewServer(d, d.Handler())
}

var resultLink = regexp.MustCompile(`<li class="search-item"><h2 class="item-title"><a href="([^"]+)"`)

func get(t *testing.T, h http.Handler, target string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec.Code, rec.Body.String()
}

// TestNoJSQueries runs the table through GET /tim-kiem/?q=: the page the
// server writes lists the same pages first.
func TestNoJSQueries(t *testing.T) {
	h := liveSite(t)
	for _, c := range searchtest.Queries {
		code, body := get(t, h, "/tim-kiem/?q="+url.QueryEscape(c.Q))
		if code != http.StatusOK {
			t.Fatalf("%q: status %d", c.Q, code)
		}
		var got []string
		for _, m := range resultLink.FindAllStringSubmatch(body, 5) {
			got = append(got, m[1])
		}
		found := false
		for i := 0; i < len(got) && i < c.Top; i++ {
			found = found || got[i] == c.Want
		}
		if !found {
			t.Errorf("%q: %s not in the first %d of the page: %v", c.Q, c.Want, c.Top, got)
		}
		if strings.Contains(body, "<noscript>") {
			t.Errorf("%q: the page still says search needs JavaScript", c.Q)
		}
		if !strings.Contains(body, `value="`+strings.ReplaceAll(c.Q, "/", "/")+`"`) && !strings.Contains(c.Q, ",") {
			t.Errorf("%q: the box does not keep the query", c.Q)
		}
	}
}

// TestNoJSPage checks the rest of what the server writes: marks, snippet,
// kind filter, nothing found, hostile queries.
func TestNoJSPage(t *testing.T) {
	h := liveSite(t)
	_, body := get(t, h, "/tim-kiem/?q=ket+hon")
	for _, want := range []string{"<mark>kết</mark> <mark>hôn</mark>", `aria-label="Lọc kết quả theo loại"`, "Tất cả (", "Tin tức (", "Tìm thấy "} {
		if !strings.Contains(body, want) {
			t.Errorf("ket hon: the page lacks %q", want)
		}
	}
	_, body = get(t, h, "/tim-kiem/?q=khai+sinh&loai=vinh-danh")
	links := resultLink.FindAllStringSubmatch(body, -1)
	if len(links) == 0 {
		t.Fatal("khai sinh among honourees: no result")
	}
	for _, m := range links {
		if !strings.HasPrefix(m[1], "/vinh-danh/") {
			t.Errorf("the honourees' filter shows %s", m[1])
		}
	}
	if !strings.Contains(body, `aria-current="page">Vinh danh (`) {
		t.Error("the filter chosen is not marked")
	}
	_, body = get(t, h, "/tim-kiem/?q=xyzzyqq")
	for _, want := range []string{"Không tìm thấy kết quả cho “xyzzyqq”", `href="/lien-he/"`, `href="/huong-dan/`} {
		if !strings.Contains(body, want) {
			t.Errorf("nothing found: the page lacks %q", want)
		}
	}
	_, body = get(t, h, "/tim-kiem/?q="+url.QueryEscape(`"><script>alert(1)</script>`))
	if strings.Contains(body, "<script>alert") {
		t.Error("the query reaches the page unescaped")
	}
	_, body = get(t, h, "/tim-kiem/")
	if strings.Contains(body, "<noscript>") || !strings.Contains(body, `id="tim-kiem-may-chu"`) {
		t.Error("the empty search page is not the server's")
	}
	if code, _ := get(t, h, "/khong-co/"); code != http.StatusNotFound {
		t.Errorf("other pages pass through: %d", code)
	}
}
