package opstest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/internal/testbin"
)

// clientFrom is an HTTP client whose connections come from the loopback
// address ip (127.0.0.x), as if from another citizen; it follows no
// redirects and leaves gzip to the caller.
func clientFrom(ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	return &http.Client{
		Transport: &http.Transport{DialContext: d.DialContext, DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
		Timeout: 30 * time.Second,
	}
}

// startNginx runs Debian's nginx in front of the portal at upstream
// (host:port) with deploy/nginx/portal-locations.conf, on a free port;
// it returns the proxy's address.
func startNginx(t *testing.T, upstream string) string {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		bin = "/usr/sbin/nginx"
		if _, err := os.Stat(bin); err != nil {
			t.Skip("nginx is not installed (Debian: apt-get install nginx-light)")
		}
	}
	port, err := testbin.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	locations, _ := filepath.Abs(filepath.Join(portaltest.RepoRoot(), "deploy", "nginx", "portal-locations.conf"))
	conf := fmt.Sprintf(`daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
    upstream portal_upstream { server %[2]s; keepalive 16; }
    server {
        listen 127.0.0.1:%[3]d;
        server_name _;
        include %[4]s;
    }
}
`, dir, upstream, port, locations)
	cfg := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-t", "-c", cfg, "-p", dir).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-c", cfg, "-p", dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Logf("nginx output:\n%s\n%s", out.String(), log)
		}
	})
	addr := fmt.Sprintf("http://127.0.0.1:%d", port)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr[len("http://"):]); err == nil {
			c.Close()
			return addr
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx did not listen: %s", out.String())
		}
	}
}

// The portal behind real nginx with the recipe of deploy/nginx: pages
// arrive gzipped with the portal's headers; the portal sees each
// citizen's own address (a header the citizen forges is not believed),
// so the feedback form's limit counts each citizen alone.
func TestBehindNginx(t *testing.T) {
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--trusted-proxy-headers", "X-Real-IP"}})
	checkProxy(t, p, startNginx(t, strings.TrimPrefix(p.URL, "http://")))
}

// The same behind Caddy (Debian's caddy) with deploy/Caddyfile, its site
// address made plain HTTP on a free port.
func TestBehindCaddy(t *testing.T) {
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--trusted-proxy-headers", "X-Real-IP"}})
	checkProxy(t, p, startCaddy(t, strings.TrimPrefix(p.URL, "http://")))
}

// checkProxy checks the portal p through the proxy at the address proxy:
// a page gzipped with the portal's headers, the citizen's own address
// seen, the feedback form's limit counted per citizen.
func checkProxy(t *testing.T, p *portaltest.Portal, proxy string) {
	t.Helper()
	citizen := clientFrom("127.0.0.3")

	req, _ := http.NewRequest("GET", proxy+"/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := citizen.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("home page through the proxy: %d, Content-Encoding %q", res.StatusCode, res.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("home page is not gzip: %v", err)
	}
	page, _ := io.ReadAll(zr)
	// A portal not set up yet carries the neutral site name.
	if !strings.Contains(string(page), commune.Neutral.SiteName) || !strings.Contains(string(page), "</html>") {
		t.Fatalf("home page through the proxy: %.300s", page)
	}
	for k, want := range map[string]string{"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff",
		"X-Frame-Options": "DENY", "Content-Security-Policy": "default-src 'self'", "Vary": "Accept-Encoding"} {
		if !strings.Contains(res.Header.Get(k), want) {
			t.Errorf("header %s through the proxy = %q, want %q in it", k, res.Header.Get(k), want)
		}
	}

	// The address the portal sees, a forged header notwithstanding.
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	req, _ = http.NewRequest("GET", proxy+"/api/health", nil)
	req.Header.Set("Authorization", token)
	req.Header.Set("X-Real-IP", "6.6.6.6")
	req.Header.Set("X-Forwarded-For", "6.6.6.6")
	res, err = citizen.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), `"realIP":"127.0.0.3"`) {
		t.Fatalf("the portal does not see the citizen's address through the proxy: %s", body)
	}

	// The feedback form: 5 a minute for each address.
	post := func(c *http.Client, n int) int {
		form := url.Values{"kind": {"gop-y"}, "message": {fmt.Sprintf("Góp ý số %d qua nginx: nên mở thêm quầy.", n)}, "page": {"/gop-y/"}}
		req, _ := http.NewRequestWithContext(context.Background(), "POST", proxy+"/gop-y/gui", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", proxy)
		req.Header.Set("X-Real-IP", fmt.Sprintf("10.0.0.%d", n)) // forged: ignored
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}
	for i := 1; i <= 5; i++ {
		if code := post(citizen, i); code != http.StatusSeeOther {
			t.Fatalf("feedback %d through the proxy: %d", i, code)
		}
	}
	if code := post(citizen, 6); code != http.StatusTooManyRequests {
		t.Fatalf("a sixth feedback from the same citizen: %d, want 429", code)
	}
	if code := post(clientFrom("127.0.0.4"), 7); code != http.StatusSeeOther {
		t.Fatalf("another citizen's feedback: %d (the proxy's address is counted, not the citizen's)", code)
	}
}

// startCaddy runs Debian's caddy with deploy/Caddyfile in front of the
// portal at upstream, on a free port of 127.0.0.1 over plain HTTP; it
// returns the proxy's address.
func startCaddy(t *testing.T, upstream string) string {
	t.Helper()
	bin, err := exec.LookPath("caddy")
	if err != nil {
		t.Skip("caddy is not installed (Debian: apt-get install caddy)")
	}
	port, err := testbin.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	recipe, err := os.ReadFile(filepath.Join(portaltest.RepoRoot(), "deploy", "Caddyfile"))
	if err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	conf := "{\n\tadmin off\n\tauto_https off\n}\n" + strings.NewReplacer(
		"caicach.daison.gov.vn {", "http://"+addr+" {", "127.0.0.1:8090", upstream).Replace(string(recipe))
	dir := t.TempDir()
	cfg := filepath.Join(dir, "Caddyfile")
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run", "--config", cfg, "--adapter", "caddyfile")
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("caddy output:\n%s", out.String())
		}
	})
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return "http://" + addr
		}
		if time.Now().After(deadline) {
			t.Fatalf("caddy did not listen: %s", out.String())
		}
	}
}
