package opstest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/internal/versitygw"
	"github.com/daison/portal/site/live"
)

// publicRead lets anyone read the objects of bucket (a bucket policy
// allowing s3:GetObject), as the static site's bucket must.
func publicRead(t *testing.T, srv *versitygw.Server, bucket string) {
	t.Helper()
	client := s3.New(s3.Options{Region: versitygw.Region, BaseEndpoint: aws.String(srv.Endpoint), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider(srv.AccessKey, srv.SecretKey, "")})
	policy := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::` + bucket + `/*"]}]}`
	if _, err := client.PutBucketPolicy(context.Background(), &s3.PutBucketPolicyInput{Bucket: aws.String(bucket), Policy: aws.String(policy)}); err != nil {
		t.Fatalf("public read policy: %v", err)
	}
}

// bucketPortal starts a versitygw with a public bucket "site" and a
// portal deploying its site there under daison/, behind a trusted proxy;
// it returns both once the first build is in the bucket.
func bucketPortal(t *testing.T) (*versitygw.Server, *portaltest.Portal) {
	t.Helper()
	srv := versitygw.Start(t)
	srv.SetEnv(t)
	srv.Bucket(t, "site")
	publicRead(t, srv, "site")
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--trusted-proxy-headers", "X-Real-IP",
		"--deploy-bucket", srv.URL("site"), "--deploy-prefix", "daison", "--deploy-auto"}})
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	p.WaitFor(t, "the first deploy", 2*time.Minute, func() bool {
		var st deployStatus
		api(t, p.URL, token, "GET", "/api/site/status", nil, &st)
		return st.Deploy != nil && st.Deploy.OK() && st.LastSuccess != nil && st.Deploy.Build == st.LastSuccess.ID
	})
	if strings.Contains(p.Output(), "cannot marshal") {
		t.Errorf("the log of a deploy could not be written:\n%s", p.Output())
	}
	return srv, p
}

// The static site from the S3 bucket behind nginx, with
// deploy/nginx/portal-bucket.conf as shipped but for the addresses (its
// port, the portal's, the S3 server's, the bucket's path) and an HTTPS
// port as certbot adds.
func TestBucketBehindNginx(t *testing.T) {
	srv, p := bucketPortal(t)
	cert, key := selfSigned(t)
	s3host := strings.TrimPrefix(srv.Endpoint, "http://")
	site, port, tlsPort := listenOn(t, "portal-bucket.conf", deployFile(t, "nginx/portal-bucket.conf"), cert, key)
	site = adapt(t, "portal-bucket.conf", site,
		"127.0.0.1:8090", strings.TrimPrefix(p.URL, "http://"),
		"server 192.0.2.10:443;", "server "+s3host+";",
		"proxy_pass https://static_origin;", "proxy_pass http://static_origin;",
		"Host s3.tinh.gov.vn;", "Host "+s3host+";",
		"/trang/daison", "/site/daison")
	proxy := startNginx(t, nginxConfig(t, site), port)
	checkStaticOrigin(t, p, proxy, fmt.Sprintf("https://127.0.0.1:%d", tlsPort), true)
}

// The static site from the live build behind nginx, with
// deploy/nginx/portal-folder.conf as shipped but for the addresses and
// the folder.
func TestFolderBehindNginx(t *testing.T) {
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--trusted-proxy-headers", "X-Real-IP"}})
	cert, key := selfSigned(t)
	site, port, tlsPort := listenOn(t, "portal-folder.conf", deployFile(t, "nginx/portal-folder.conf"), cert, key)
	site = adapt(t, "portal-folder.conf", site,
		"127.0.0.1:8090", strings.TrimPrefix(p.URL, "http://"),
		"/var/lib/portal/site/live", live.InData(p.Dir).LivePath())
	proxy := startNginx(t, nginxConfig(t, site), port)
	checkStaticOrigin(t, p, proxy, fmt.Sprintf("https://127.0.0.1:%d", tlsPort), true)
}

// The static site from the S3 bucket behind Caddy, with
// deploy/Caddyfile.bucket.
func TestBucketBehindCaddy(t *testing.T) {
	srv, p := bucketPortal(t)
	proxy := startCaddy(t, "Caddyfile.bucket", deployFile(t, "Caddyfile.bucket"), strings.TrimPrefix(p.URL, "http://"),
		"https://s3.tinh.gov.vn", srv.Endpoint, "/trang/daison", "/site/daison")
	checkStaticOrigin(t, p, proxy, "", false)
}

// The static site from the live build behind Caddy, with
// deploy/Caddyfile.folder.
func TestFolderBehindCaddy(t *testing.T) {
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--trusted-proxy-headers", "X-Real-IP"}})
	proxy := startCaddy(t, "Caddyfile.folder", deployFile(t, "Caddyfile.folder"), strings.TrimPrefix(p.URL, "http://"),
		"/var/lib/portal/site/live", live.InData(p.Dir).LivePath())
	checkStaticOrigin(t, p, proxy, "", false)
}

// fingerprintedCSS finds the stylesheet of a page.
var fingerprintedCSS = regexp.MustCompile(`href="?(/css/[^" >]+\.[0-9a-f]{32,}\.css)`)

// checkStaticOrigin checks a proxy that serves the static site itself and
// sends the portal's own paths to the portal p: the API, the back office,
// PocketBase's dashboard, the forms and the receipt lookup (its page and
// its answer) reach the portal; pages come with the portal's security
// headers and cache headers, gzipped (unzipped for a client without
// gzip, if gunzips); a missing page is the site's 404 page with status
// 404; over HTTPS (secure, if set) Strict-Transport-Security comes once;
// and the site stays up while the portal is stopped.
func checkStaticOrigin(t *testing.T, p *portaltest.Portal, proxy, secure string, gunzips bool) {
	t.Helper()
	c := clientFrom("127.0.0.5")
	// A portal not set up yet carries the neutral site name.
	siteName := commune.Neutral.SiteName

	// The portal's paths.
	if res, body := fetch(t, c, "GET", proxy+"/api/health"); res.StatusCode != 200 || !strings.Contains(body, `"portal"`) {
		t.Errorf("/api/health through the proxy: %d %.200s", res.StatusCode, body)
	}
	if res, body := fetch(t, c, "GET", proxy+"/quan-tri/"); res.StatusCode != 200 || !strings.Contains(body, "/quan-tri/assets/js/main.js") {
		t.Errorf("/quan-tri/ through the proxy: %d %.200s", res.StatusCode, body)
	}
	if res, _ := fetch(t, c, "GET", proxy+"/quan-tri/dat-lai-mat-khau"); res.StatusCode != 200 {
		t.Errorf("/quan-tri/dat-lai-mat-khau through the proxy: %d", res.StatusCode)
	}
	if res, body := fetch(t, c, "GET", proxy+"/_/"); res.StatusCode != 200 || !strings.Contains(body, "<html") {
		t.Errorf("/_/ through the proxy: %d %.200s", res.StatusCode, body)
	}
	if code := postFeedback(t, c, proxy, 1); code != http.StatusSeeOther {
		t.Errorf("the feedback form through the proxy: %d, want 303", code)
	}
	if res, body := fetch(t, c, "GET", proxy+"/gop-y/tra-cuu/"); res.StatusCode != 200 || !strings.Contains(body, "<form") {
		t.Errorf("/gop-y/tra-cuu/ through the proxy: %d %.300s", res.StatusCode, body)
	}
	form := url.Values{"ma": {"khong-dung-dang"}}
	req, _ := http.NewRequest("POST", proxy+"/gop-y/tra-cuu/ket-qua", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", proxy)
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body := readAll(res)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Mã tiếp nhận chưa đúng dạng") {
		t.Errorf("a receipt lookup posted through the proxy: %d %.300s (the portal must answer it)", res.StatusCode, body)
	}

	// The static site.
	checkStaticPages(t, c, proxy, siteName, gunzips)
	if secure != "" {
		for _, path := range []string{"/", "/khong-co-trang-nay/", "/api/health", "/quan-tri/"} {
			res, _ := fetch(t, insecure, "GET", secure+path, "Accept-Encoding", "gzip")
			hstsOnce(t, path, res)
		}
		if res, _ := fetch(t, c, "GET", proxy+"/"); res.Header.Get("Strict-Transport-Security") != "" {
			t.Errorf("Strict-Transport-Security over plain HTTP")
		}
	}

	// The portal stopped: the site is still there.
	p.Stop()
	if res, body := fetch(t, c, "GET", proxy+"/", "Accept-Encoding", "gzip"); res.StatusCode != 200 || !strings.Contains(body, siteName) {
		t.Errorf("the home page with the portal stopped: %d %.200s", res.StatusCode, body)
	}
	if res, body := fetch(t, c, "GET", proxy+"/gop-y/tra-cuu/"); res.StatusCode != 200 || !strings.Contains(body, "/gop-y/tra-cuu/ket-qua") {
		t.Errorf("the receipt lookup's page with the portal stopped (a static page): %d %.200s", res.StatusCode, body)
	}
}

// checkStaticPages checks the static answers of the proxy.
func checkStaticPages(t *testing.T, c *http.Client, proxy, siteName string, gunzips bool) {
	t.Helper()
	res, home := fetch(t, c, "GET", proxy+"/", "Accept-Encoding", "gzip")
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(home, siteName) || !strings.Contains(home, "</html>") {
		t.Fatalf("the home page: %d, Content-Encoding %q: %.300s", res.StatusCode, res.Header.Get("Content-Encoding"), home)
	}
	want := http.Header{}
	live.SecurityHeaders(want)
	for k := range want {
		if got := res.Header.Values(k); len(got) != 1 || got[0] != want.Get(k) {
			t.Errorf("the home page's %s: %q, want %q once", k, got, want.Get(k))
		}
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=60") && cc != "no-cache" {
		t.Errorf("the home page's Cache-Control: %q", cc)
	}
	if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
		t.Errorf("the home page's Vary: %q", res.Header.Get("Vary"))
	}
	if gunzips {
		if res, body := fetch(t, c, "GET", proxy+"/"); res.Header.Get("Content-Encoding") != "" || !strings.Contains(body, siteName) {
			t.Errorf("the home page for a client without gzip: Content-Encoding %q, %.100q", res.Header.Get("Content-Encoding"), body)
		}
	}
	m := fingerprintedCSS.FindStringSubmatch(home)
	if m == nil {
		t.Fatalf("no fingerprinted stylesheet on the home page")
	}
	if res, _ := fetch(t, c, "GET", proxy+m[1], "Accept-Encoding", "gzip"); res.StatusCode != 200 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") ||
		!strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Errorf("%s: %d, Cache-Control %q, Content-Type %q", m[1], res.StatusCode, res.Header.Get("Cache-Control"), res.Header.Get("Content-Type"))
	}
	res, body := fetch(t, c, "GET", proxy+"/khong-co-trang-nay/", "Accept-Encoding", "gzip")
	if res.StatusCode != http.StatusNotFound || !strings.Contains(body, "Không tìm thấy trang") || !strings.Contains(body, siteName) {
		t.Errorf("a missing page: %d, %.300s (want the site's 404 page)", res.StatusCode, body)
	}
	if got := res.Header.Get("Content-Security-Policy"); got != live.SiteCSP {
		t.Errorf("the 404 page's Content-Security-Policy: %q", got)
	}
	if res, body := fetch(t, c, "GET", proxy+"/sitemap.xml", "Accept-Encoding", "gzip"); res.StatusCode != 200 || !strings.Contains(body, "<urlset") {
		t.Errorf("/sitemap.xml: %d %.200s", res.StatusCode, body)
	}
}

// readAll reads and closes an answer's body.
func readAll(res *http.Response) string {
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return string(b)
}
