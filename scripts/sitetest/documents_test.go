package sitetest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
)

// uploadRecord creates a record with its files as multipart form data, as
// the IT administrator, and returns it.
func uploadRecord(t testing.TB, collection string, fields map[string]string, field, name string, data []byte) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile(field, name)
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, siteURL+"/api/collections/"+collection+"/records", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", adminToken(t))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("create %s: %d %s", collection, res.StatusCode, body)
	}
	var rec map[string]any
	if err := json.Unmarshal(body, &rec); err != nil {
		t.Fatal(err)
	}
	return rec
}

// waitLive polls the site until path answers 200 (the rebuild after a
// change went live).
func waitLive(t testing.TB, path string) string {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		code, body := get(t, path)
		if code == 200 {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s is not live after two minutes: %d", path, code)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// TestDocumentPublished: a document published with its signed PDF gets its
// page in /van-ban/, where a citizen finds it in Chromium, opens it (its
// copy and print buttons work: the site's script is loaded) and downloads
// the very PDF; search finds it and the sitemap lists it.
func TestDocumentPublished(t *testing.T) {
	need(t)
	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	rec := uploadRecord(t, "documents", map[string]string{
		"number": "321/KH-UBND", "title": "Kế hoạch tổng kết phong trào thi đua năm 2026 của xã",
		"kind": "ke-hoach", "issuer": "UBND xã Đại Sơn", "signer": "Phó Chủ tịch UBND xã",
		"issuedOn": "2026-11-02 00:00:00.000Z", "status": "published",
	}, "file", "tong-ket-da-ky.pdf", pdf)
	slug, _ := rec["slug"].(string)
	page := "/van-ban/" + slug + "/"
	waitLive(t, page)

	ctx := browsertest.New(t, 375, 900)
	open(t, ctx, "/van-ban/")
	// The ways to browse are folded behind "Xem theo năm ban hành, loại văn bản".
	if txt := mainText(t, ctx); !strings.Contains(txt, "321/KH-UBND") || !strings.Contains(txt, "năm ban hành") {
		t.Fatalf("/van-ban/ does not show the document: %s", txt)
	}
	if !eval[bool](t, ctx, `!!document.querySelector('main a[href="`+page+`"]')`) {
		t.Fatalf("/van-ban/ has no link to %s: %s", page, mainText(t, ctx))
	}
	click(t, ctx, `main a[href="`+page+`"]`)
	waitPage(t, ctx, "the document's page", `location.pathname === "`+page+`"`)
	browsertest.Screenshot(t, ctx, "sitetest-van-ban")
	// The site's script runs here too: it shows the buttons that need it.
	waitFor(t, ctx, "the copy and print buttons", `!document.querySelector('.share-copy-button').hidden && !document.querySelector('.print-button').hidden`)
	href := eval[string](t, ctx, `(document.querySelector('main a[download]') || {}).href || ''`)
	if !strings.HasSuffix(href, ".pdf") {
		t.Fatalf("no PDF to download on the page: %q", href)
	}
	got := eval[string](t, ctx, `fetch(`+jsString(href)+`).then(r => r.text())`)
	if got != string(pdf) {
		t.Errorf("the PDF served is not the one uploaded: %q", got)
	}
	if txt := mainText(t, ctx); !strings.Contains(txt, "02/11/2026") || !strings.Contains(txt, "UBND xã Đại Sơn") {
		t.Errorf("the page lacks the date or the issuer: %s", txt)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(siteURL+"/tim-kiem/"), chromedp.WaitVisible("#q"),
		chromedp.Click("#q"), chromedp.SendKeys("#q", "321/KH-UBND")); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range waitResults(t, ctx) {
		if strings.HasSuffix(r.Href, page) {
			found = true
		}
	}
	if !found {
		t.Errorf("search for the number does not find %s", page)
	}
	if _, sm := get(t, "/sitemap.xml"); !strings.Contains(sm, page+"</loc>") {
		t.Errorf("the sitemap lacks %s", page)
	}
}
