// Package e2e runs the real portal binary, as staff and citizens use it:
// started on a free port with a fresh data folder (internal/portaltest),
// driven over HTTP and in headless Chromium.
package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/daison/portal/internal/portaltest"
)

func TestMain(m *testing.M) {
	// Built before the tests, as their time limit does not count it
	// (shared with the other packages that run the portal: see Build).
	if _, err := portaltest.Build(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// portal is a running portal as the test (or story step) t sees it, with
// the superuser's token for the API.
type portal struct {
	*portaltest.Portal
	t     testing.TB
	token string
}

// start starts `portal serve` with the demo content if demo is set (and
// more flags), waits until the site answers, and signs the superuser in.
func start(t testing.TB, demo bool, extra ...string) *portal {
	t.Helper()
	p := &portal{Portal: portaltest.Start(t, portaltest.Options{Demo: demo, Args: extra}), t: t}
	p.login()
	return p
}

// with returns the portal for the test (or story step) t.
func (p *portal) with(t testing.TB) *portal {
	c := *p
	c.t = t
	return &c
}

// login signs the superuser in and keeps the token for api.
func (p *portal) login() {
	p.t.Helper()
	token, err := p.SignIn()
	if err != nil {
		p.t.Fatalf("superuser sign-in: %v", err)
	}
	p.token = token
}

// relaunch starts the portal again (after kill) and signs in again.
func (p *portal) relaunch() {
	p.t.Helper()
	if err := p.Launch(); err != nil {
		p.t.Fatalf("%v\nportal output:\n%s", err, p.Output())
	}
	p.login()
}

// waitFor polls ok until it holds or limit passes.
func (p *portal) waitFor(what string, limit time.Duration, ok func() bool) time.Duration {
	p.t.Helper()
	return p.WaitFor(p.t, what, limit, ok)
}

// api calls the portal's API as the superuser and decodes the answer into
// out (if not nil); it returns the status.
func (p *portal) api(method, path string, body any, out any) int {
	p.t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, p.URL+path, r)
	req.Header.Set("Content-Type", "application/json")
	if p.token != "" {
		req.Header.Set("Authorization", p.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			p.t.Fatalf("%s %s: %v: %s", method, path, err, b)
		}
	}
	return res.StatusCode
}

// get fetches a page of the public site anonymously.
func (p *portal) get(path string) (int, string) {
	p.t.Helper()
	return p.Get(p.t, path)
}

// head fetches a path anonymously and returns the response (body closed).
func (p *portal) head(path string) *http.Response {
	p.t.Helper()
	res, err := http.Get(p.URL + path)
	if err != nil {
		p.t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res
}

// createRecord creates a record as the superuser and returns it.
func (p *portal) createRecord(collection string, fields map[string]any) record {
	p.t.Helper()
	var r record
	if code := p.api("POST", "/api/collections/"+collection+"/records", fields, &r); code != 200 {
		p.t.Fatalf("create %s: %d", collection, code)
	}
	return r
}

// createStaff makes a staff account as IT does (portal staff upsert); unit
// is the slug of a unit reporter's unit.
func (p *portal) createStaff(email, password, name, role, unit string) {
	p.t.Helper()
	err := p.UpsertStaff(portaltest.Staff{Email: email, Password: password, Name: name, Role: role, Unit: unit})
	if err != nil {
		p.t.Fatal(err)
	}
}

// uploadAs signs in as a staff member and sends a file to a record's file
// field; it returns the status and the message of the field's error.
func (p *portal) uploadAs(email, password, collection, id, field, name string, data []byte) (int, string) {
	p.t.Helper()
	token, err := p.StaffToken(email, password)
	if err != nil {
		p.t.Fatal(err)
	}
	code, body := multipartPatch(p.URL+"/api/collections/"+collection+"/records/"+id, token, field, name, data)
	var answer struct {
		Message string                       `json:"message"`
		Data    map[string]map[string]string `json:"data"`
	}
	_ = json.Unmarshal(body, &answer)
	if f, ok := answer.Data[field]; ok {
		return code, f["message"]
	}
	return code, answer.Message
}

// multipartPatch sends one file to a record's field as a staff member.
func multipartPatch(url, token, field, name string, data []byte) (int, []byte) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, _ := w.CreateFormFile(field, name)
	fw.Write(data)
	w.Close()
	req, _ := http.NewRequest("PATCH", url, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}
