package sitetest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/daison/portal/internal/browsertest"
)

var (
	tokenOnce sync.Once
	token     string
	tokenErr  error
)

// adminToken logs in as the IT administrator (once) and returns the token.
func adminToken(t testing.TB) string {
	t.Helper()
	tokenOnce.Do(func() {
		token, tokenErr = portal.SignIn()
	})
	if tokenErr != nil {
		t.Fatal(tokenErr)
	}
	return token
}

// apiCall sends a JSON request to the portal, as the token's holder ("" is
// anonymous) and from the address ip ("" is the test's own), and returns
// the status and the body.
func apiCall(t testing.TB, tok, method, path, ip string, body any) (int, []byte) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, siteURL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if tok != "" {
		req.Header.Set("Authorization", tok)
	}
	if ip != "" {
		req.Header.Set("X-Forwarded-For", ip)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// adminRecords lists the records of a collection that match filter, as the
// IT administrator.
func adminRecords(t testing.TB, collection, filter string) []map[string]any {
	t.Helper()
	q := url.Values{"perPage": {"200"}, "filter": {filter}}
	code, body := apiCall(t, adminToken(t), http.MethodGet, "/api/collections/"+collection+"/records?"+q.Encode(), "", nil)
	if code != 200 {
		t.Fatalf("list %s (%s): %d %s", collection, filter, code, body)
	}
	var res struct {
		Items []map[string]any `json:"items"`
	}
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatal(err)
	}
	return res.Items
}

var ipSeq atomic.Int32

// testIP returns a fresh made-up address for a test's browser or requests
// (the portal trusts X-Forwarded-For in these tests), so that the rate
// limit of the citizens' forms counts each test alone.
func testIP() string {
	n := ipSeq.Add(1)
	return fmt.Sprintf("198.51.100.%d", n%250+1)
}

// browser opens a fresh Chromium at width×900 that sends X-Forwarded-For ip
// with every request, with JavaScript on or off.
func browser(t testing.TB, width int, ip string, js bool) context.Context {
	t.Helper()
	ctx := browsertest.New(t, width, 900)
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if ip != "" {
			h := network.Headers{"X-Forwarded-For": ip}
			if _, err := cdp.Call(ctx, tg, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: h}); err != nil {
				return err
			}
		}
		if !js {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}
		return nil
	}))
	if err != nil {
		t.Fatalf("set up Chromium: %v", err)
	}
	return ctx
}

// setIP changes the address a browser's requests claim to come from.
func setIP(t testing.TB, ctx context.Context, ip string) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"X-Forwarded-For": ip}})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// eval runs a script in the page and returns its value.
func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// waitFor polls a script in the page until it is truthy.
func waitFor(t testing.TB, ctx context.Context, what, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("waiting for %s (%s): %v", what, js, err)
	}
}

// waitPage waits, across a navigation (a form posted without
// JavaScript), until a script in the new page is truthy.
func waitPage(t testing.TB, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && v {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s (%s): %v", what, js, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// typeInto clicks a field and types text into it, as a person would.
func typeInto(t testing.TB, ctx context.Context, sel, text string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(sel), chromedp.SendKeys(sel, text)); err != nil {
		t.Fatalf("type into %s: %v", sel, err)
	}
}

// click clicks an element.
func click(t testing.TB, ctx context.Context, sel string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(sel)); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
}

// mainText is the text of the page's <main>, spaces folded.
func mainText(t testing.TB, ctx context.Context) string {
	t.Helper()
	return strings.Join(strings.Fields(eval[string](t, ctx, `(document.querySelector('main') || document.body).innerText`)), " ")
}
