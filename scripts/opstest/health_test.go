package opstest

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/portaltest"
)

type health struct {
	Code int `json:"code"`
	Data struct {
		Portal struct {
			OK     bool   `json:"ok"`
			Status string `json:"status"`
			Reason string `json:"reason"`
			Build  struct {
				OK    bool   `json:"ok"`
				Error string `json:"error"`
			} `json:"build"`
			Deploy struct {
				Configured bool   `json:"configured"`
				OK         bool   `json:"ok"`
				Error      string `json:"error"`
			} `json:"deploy"`
		} `json:"portal"`
		CanBackup *bool `json:"canBackup"`
	} `json:"data"`
}

// /api/health tells everyone whether the last build went well (status
// "ok", or "degraded" with since when builds fail), the error only to
// staff, and answers 503 with ?strict=1 when it did not;
// /api/portal/metrics answers the token or staff only, in Prometheus's
// format, with the site's pages and the requests served.
func TestHealthAndMetrics(t *testing.T) {
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--metrics-token", "bi-mat-giam-sat"}})
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	var h health
	// A new portal is healthy once its first backup, made at start, is in
	// the store.
	p.WaitFor(t, "the first backup", time.Minute, func() bool {
		h = health{}
		api(t, p.URL, "", "GET", "/api/health", nil, &h)
		return h.Data.Portal.OK
	})
	if code := api(t, p.URL, "", "GET", "/api/health", nil, &h); code != 200 || !h.Data.Portal.OK || !h.Data.Portal.Build.OK || h.Data.Portal.Deploy.Configured ||
		h.Data.Portal.Status != "ok" || h.Data.Portal.Reason != "" {
		t.Fatalf("health of a good portal: %d %+v", code, h)
	}
	h = health{}
	if api(t, p.URL, token, "GET", "/api/health", nil, &h); h.Data.CanBackup == nil {
		t.Fatalf("PocketBase's own health fields are gone for superusers: %+v", h)
	}

	metrics := func(auth string) (int, string) {
		req, _ := http.NewRequest("GET", p.URL+"/api/portal/metrics", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	for _, auth := range []string{"", "Bearer sai-ma", "bi-mat-giam-sat"} {
		if code, body := metrics(auth); code == 200 || strings.Contains(body, "portal_") {
			t.Fatalf("metrics with %q: %d", auth, code)
		}
	}
	p.Get(t, "/")
	for _, auth := range []string{"Bearer bi-mat-giam-sat", token} {
		code, body := metrics(auth)
		if code != 200 {
			t.Fatalf("metrics with %q: %d %s", auth, code, body)
		}
		for _, want := range []string{"portal_build_last_ok 1\n", "# TYPE portal_site_pages gauge\n", `portal_http_requests_total{kind="site",code="2xx"} `,
			`portal_http_requests_total{kind="api",code="4xx"} `, "portal_build_last_duration_seconds "} {
			if !strings.Contains(body, want) {
				t.Errorf("metrics lack %q:\n%s", want, body)
			}
		}
	}

	// A failed build: seen by everyone, explained to staff only. (A page
	// template that fails on some pages only holds those back: the base
	// template fails on every page.)
	broken := filepath.Join(p.SiteSrc, "layouts", "baseof.html")
	if err := os.MkdirAll(filepath.Dir(broken), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(broken, []byte(`{{ .Title.Khong.Co }}`), 0o644); err != nil {
		t.Fatal(err)
	}
	api(t, p.URL, token, "POST", "/api/site/rebuild", nil, nil)
	p.WaitFor(t, "the failed build in the health", time.Minute, func() bool {
		h = health{}
		api(t, p.URL, "", "GET", "/api/health", nil, &h)
		return !h.Data.Portal.Build.OK
	})
	if h.Data.Portal.OK || h.Data.Portal.Build.Error != "" || h.Data.Portal.Status != "degraded" ||
		!strings.Contains(h.Data.Portal.Reason, "Dựng trang thất bại liên tục từ") || strings.Contains(h.Data.Portal.Reason, "home.html") {
		t.Fatalf("anonymous health of a failed build: %+v", h)
	}
	if code := api(t, p.URL, "", "GET", "/api/health?strict=1", nil, nil); code != http.StatusServiceUnavailable {
		t.Fatalf("strict health of a failed build: %d", code)
	}
	h = health{}
	if api(t, p.URL, token, "GET", "/api/health", nil, &h); !strings.Contains(h.Data.Portal.Build.Error, "mẫu giao diện") {
		t.Fatalf("staff do not see why the build failed: %+v", h.Data.Portal.Build)
	}
	if _, body := metrics("Bearer bi-mat-giam-sat"); !strings.Contains(body, "portal_build_last_ok 0\n") {
		t.Fatalf("metrics after a failed build:\n%s", body)
	}
}
