package opstest

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
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

// The recipes of deploy/: the site files of nginx (one of them in
// /etc/nginx/sites-enabled), the snippets they include from
// /etc/nginx/snippets, and Caddy's files with the one they import.
var (
	nginxSites    = []string{"portal.conf", "portal-bucket.conf", "portal-folder.conf"}
	nginxSnippets = []string{"portal-locations.conf", "portal-proxy.conf", "portal-dynamic.conf", "portal-static-headers.conf"}
	caddyFiles    = []string{"Caddyfile", "Caddyfile.bucket", "Caddyfile.folder"}
	caddyImported = "portal-caddy.conf"
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

// deployFile reads a file of deploy/.
func deployFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(portaltest.RepoRoot(), "deploy", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// adapt returns text with each pair of replace (old, new) applied, failing
// the test when an old string is missing: the recipe changed under it.
func adapt(t *testing.T, name, text string, replace ...string) string {
	t.Helper()
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(text, replace[i]) {
			t.Fatalf("%s has no %q any more: update the test", name, replace[i])
		}
		text = strings.ReplaceAll(text, replace[i], replace[i+1])
	}
	return text
}

// nginxBin is Debian's nginx, or a skip.
func nginxBin(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		bin = "/usr/sbin/nginx"
		if _, err := os.Stat(bin); err != nil {
			t.Skip("nginx is not installed (Debian: apt-get install nginx-light)")
		}
	}
	return bin
}

// nginxConfig lays out an nginx configuration folder as Debian's
// /etc/nginx is: the shipped snippets, as they are, in snippets/;
// mime.types; and an nginx.conf whose http block includes the site file
// site (a text). It returns the path of nginx.conf.
func nginxConfig(t *testing.T, site string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "snippets"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range nginxSnippets {
		if err := os.WriteFile(filepath.Join(dir, "snippets", s), []byte(deployFile(t, "nginx/"+s)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mime, err := os.ReadFile("/etc/nginx/mime.types")
	if err != nil {
		mime = []byte("types { text/html html; text/css css; }\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "mime.types"), mime, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.conf"), []byte(site), 0o644); err != nil {
		t.Fatal(err)
	}
	conf := fmt.Sprintf(`daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 256; }
http {
    include mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
    include site.conf;
}
`, dir)
	p := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(p, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// nginxTest runs nginx -t on the configuration conf.
func nginxTest(t *testing.T, conf string) error {
	t.Helper()
	out, err := exec.Command(nginxBin(t), "-t", "-c", conf, "-p", filepath.Dir(conf)).CombinedOutput()
	if err != nil {
		return fmt.Errorf("nginx -t: %v\n%s", err, out)
	}
	return nil
}

// caddyValidate runs caddy validate on the Caddyfile text in a folder
// holding the shipped file it imports, as /etc/caddy would.
func caddyValidate(t *testing.T, name, text string) error {
	t.Helper()
	bin, err := exec.LookPath("caddy")
	if err != nil {
		t.Skip("caddy is not installed (Debian: apt-get install caddy)")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, caddyImported), []byte(deployFile(t, caddyImported)), 0o644)
	p := filepath.Join(dir, name)
	os.WriteFile(p, []byte(text), 0o644)
	cmd := exec.Command(bin, "validate", "--config", p, "--adapter", "caddyfile")
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Valid configuration") {
		return fmt.Errorf("caddy validate %s: %v\n%s", name, err, out)
	}
	if strings.Contains(string(out), `"level":"warn"`) && strings.Contains(string(out), `"logger":"caddyfile"`) {
		return fmt.Errorf("caddy validate %s warns about the file:\n%s", name, out)
	}
	return nil
}

// Every recipe passes its server's own check exactly as shipped, before
// any certificate exists (nginx over HTTP, certbot later; Caddy obtains
// its own): nginx -t on each site file with the snippets in
// /etc/nginx/snippets, caddy validate on each Caddyfile beside the file it
// imports.
func TestRecipesPassAsShipped(t *testing.T) {
	for _, site := range nginxSites {
		t.Run(site, func(t *testing.T) {
			if err := nginxTest(t, nginxConfig(t, deployFile(t, "nginx/"+site))); err != nil {
				t.Fatal(err)
			}
		})
	}
	for _, f := range caddyFiles {
		t.Run(f, func(t *testing.T) {
			if err := caddyValidate(t, f, deployFile(t, f)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// listenOn returns the site file of nginx with its port 80 made a free
// port of 127.0.0.1 (returned), and, if certFile is set, an HTTPS port as
// certbot --nginx adds one (also returned).
func listenOn(t *testing.T, name, site, certFile, keyFile string) (text string, port, tlsPort int) {
	t.Helper()
	var err error
	if port, err = testbin.FreePort(); err != nil {
		t.Fatal(err)
	}
	listen := fmt.Sprintf("listen 127.0.0.1:%d;", port)
	if certFile != "" {
		if tlsPort, err = testbin.FreePort(); err != nil {
			t.Fatal(err)
		}
		listen += fmt.Sprintf("\n    listen 127.0.0.1:%d ssl;\n    ssl_certificate %s;\n    ssl_certificate_key %s;", tlsPort, certFile, keyFile)
	}
	return adapt(t, name, site, "listen 80;", listen, "listen [::]:80;", ""), port, tlsPort
}

// startNginx runs Debian's nginx with the configuration conf and waits
// until it listens at port.
func startNginx(t *testing.T, conf string, port int) string {
	t.Helper()
	if err := nginxTest(t, conf); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(conf)
	cmd := exec.Command(nginxBin(t), "-c", conf, "-p", dir)
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
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	waitListen(t, addr, &out)
	return "http://" + addr
}

// waitListen waits until something listens at addr.
func waitListen(t *testing.T, addr string, out *bytes.Buffer) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing listens at %s: %s", addr, out.String())
		}
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key into dir.
func selfSigned(t *testing.T) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return certFile, keyFile
}

// insecure is a client for the test's self-signed HTTPS, following no
// redirects and leaving gzip to the caller.
var insecure = &http.Client{
	Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, DisableCompression: true},
	CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	},
	Timeout: 30 * time.Second,
}

// fetch does one request and returns the answer with its body read (and
// unzipped when it came gzipped).
func fetch(t *testing.T, c *http.Client, method, u string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(method, u, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s %s: Content-Encoding gzip, but %v", method, u, err)
		}
		raw, _ = io.ReadAll(zr)
	}
	return res, string(raw)
}

// hstsOnce fails t unless the answer carries Strict-Transport-Security
// exactly once.
func hstsOnce(t *testing.T, what string, res *http.Response) {
	t.Helper()
	if got := res.Header.Values("Strict-Transport-Security"); len(got) != 1 {
		t.Errorf("%s over HTTPS: Strict-Transport-Security %d times %q, want once", what, len(got), got)
	}
}

// The portal behind real nginx with deploy/nginx/portal.conf as shipped
// (its port made free; an HTTPS port added as certbot would): pages
// arrive gzipped with the portal's headers; the portal sees each
// citizen's own address (a header the citizen forges is not believed), so
// the feedback form's limit counts each citizen alone; over HTTPS,
// Strict-Transport-Security comes once.
func TestBehindNginx(t *testing.T) {
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--trusted-proxy-headers", "X-Real-IP"}})
	cert, key := selfSigned(t)
	site, port, tlsPort := listenOn(t, "portal.conf", deployFile(t, "nginx/portal.conf"), cert, key)
	site = adapt(t, "portal.conf", site, "127.0.0.1:8090", strings.TrimPrefix(p.URL, "http://"))
	proxy := startNginx(t, nginxConfig(t, site), port)
	checkProxy(t, p, proxy)
	secure := fmt.Sprintf("https://127.0.0.1:%d", tlsPort)
	for _, path := range []string{"/", "/api/health", "/quan-tri/"} {
		res, _ := fetch(t, insecure, "GET", secure+path)
		hstsOnce(t, path, res)
	}
	if res, _ := fetch(t, insecure, "GET", proxy+"/"); res.Header.Get("Strict-Transport-Security") != "" {
		t.Errorf("Strict-Transport-Security over plain HTTP")
	}
}

// The same behind Caddy (Debian's caddy) with deploy/Caddyfile, its site
// address made plain HTTP on a free port.
func TestBehindCaddy(t *testing.T) {
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--trusted-proxy-headers", "X-Real-IP"}})
	proxy := startCaddy(t, "Caddyfile", deployFile(t, "Caddyfile"), strings.TrimPrefix(p.URL, "http://"))
	checkProxy(t, p, proxy)
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
	for i := 1; i <= 5; i++ {
		if code := postFeedback(t, citizen, proxy, i); code != http.StatusSeeOther {
			t.Fatalf("feedback %d through the proxy: %d", i, code)
		}
	}
	if code := postFeedback(t, citizen, proxy, 6); code != http.StatusTooManyRequests {
		t.Fatalf("a sixth feedback from the same citizen: %d, want 429", code)
	}
	if code := postFeedback(t, clientFrom("127.0.0.4"), proxy, 7); code != http.StatusSeeOther {
		t.Fatalf("another citizen's feedback: %d (the proxy's address is counted, not the citizen's)", code)
	}
}

// postFeedback posts the feedback form (number n) through the proxy as
// the client c, with a forged address header, and returns the status.
func postFeedback(t *testing.T, c *http.Client, proxy string, n int) int {
	t.Helper()
	form := url.Values{"kind": {"gop-y"}, "message": {fmt.Sprintf("Góp ý số %d qua proxy: nên mở thêm quầy.", n)}, "page": {"/gop-y/"}}
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

// startCaddy runs Debian's caddy with the Caddyfile text (named name in
// deploy/, beside the file it imports, whose upstream becomes upstream),
// its site address made plain HTTP on a free port of 127.0.0.1, and the
// replacements replace applied to it; it returns the proxy's address.
func startCaddy(t *testing.T, name, text, upstream string, replace ...string) string {
	t.Helper()
	bin, err := exec.LookPath("caddy")
	if err != nil {
		t.Skip("caddy is not installed (Debian: apt-get install caddy)")
	}
	port, err := testbin.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	conf := "{\n\tadmin off\n\tauto_https off\n}\n" +
		adapt(t, name, text, append([]string{"caicach.daison.gov.vn {", "http://" + addr + " {"}, replace...)...)
	dir := t.TempDir()
	imported := adapt(t, caddyImported, deployFile(t, caddyImported), "127.0.0.1:8090", upstream)
	os.WriteFile(filepath.Join(dir, caddyImported), []byte(imported), 0o644)
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
	waitListen(t, addr, &out)
	return "http://" + addr
}
