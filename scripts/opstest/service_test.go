package opstest

import (
	"bytes"
	"database/sql"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/daison/portal/internal/mailpit"
	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/internal/versitygw"
)

// healthParts is what the tests read of /api/health's portal parts.
type healthParts struct {
	Data struct {
		Portal struct {
			OK     bool `json:"ok"`
			Backup struct {
				Part
				Count  int    `json:"count"`
				Latest string `json:"latest"`
			} `json:"backup"`
			Replication struct {
				Part
				LagSeconds *float64 `json:"lagSeconds"`
			} `json:"replication"`
			Deploy  Part `json:"deploy"`
			Address struct {
				URL      string `json:"url"`
				Loopback bool   `json:"loopback"`
				Warning  string `json:"warning"`
			} `json:"address"`
		} `json:"portal"`
	} `json:"data"`
}

// readHealth reads /api/health with the token (may be empty).
func readHealth(t *testing.T, p *portaltest.Portal, token string) healthParts {
	t.Helper()
	var h healthParts
	api(t, p.URL, token, "GET", "/api/health", nil, &h)
	return h
}

// Secrets reach the portal through files, never its command line nor its
// database: the SMTP password from --smtp-password-file (the mail server
// takes only that password), the metrics token from --metrics-token-file,
// the S3 keys and the settings' encryption key from systemd credentials
// ($CREDENTIALS_DIRECTORY). None of them is in data.db (whose settings are
// encrypted) or in the process's command line; the data folder is the
// portal's alone (0700, files 0600), while "portal build --out" writes a
// site anyone may read; the start-up summary says the mail server and the
// bucket answer.
func TestSecretsFromFilesAndCredentials(t *testing.T) {
	const (
		smtpPassword  = "mat-khau-smtp-rat-bi-mat-9"
		metricsToken  = "ma-giam-sat-rat-bi-mat-7"
		encryptionKey = "0123456789abcdef0123456789abcdef"
	)
	mp := mailpit.StartAuth(t, "caicach", smtpPassword)
	s3 := versitygw.Start(t)
	s3.Bucket(t, "site")
	dir := t.TempDir()
	creds := filepath.Join(dir, "credentials")
	os.Mkdir(creds, 0o700)
	for name, v := range map[string]string{"encryption-key": encryptionKey + "\n",
		"aws-access-key-id": s3.AccessKey, "aws-secret-access-key": s3.SecretKey + "\n"} {
		if err := os.WriteFile(filepath.Join(creds, name), []byte(v), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	pwFile, tokenFile := filepath.Join(dir, "smtp-password"), filepath.Join(dir, "metrics-token")
	os.WriteFile(pwFile, []byte(smtpPassword+"\n"), 0o600)
	os.WriteFile(tokenFile, []byte(metricsToken), 0o600)
	t.Setenv("CREDENTIALS_DIRECTORY", creds)
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	t.Setenv("AWS_REGION", versitygw.Region)
	t.Setenv("AWS_CA_BUNDLE", "")

	p := portaltest.Start(t, portaltest.Options{Args: []string{
		"--smtp-host", mp.SMTPHost, "--smtp-port", strconv.Itoa(mp.SMTPPort), "--smtp-user", "caicach",
		"--smtp-password-file", pwFile, "--mail-from", "caicach@daison.test",
		"--metrics-token-file", tokenFile,
		"--deploy-bucket", s3.URL("site"), "--deploy-auto"}})

	// The mail server accepts the password of the file: the sign-in code
	// arrives.
	if _, err := p.SignInWith("_superusers", portaltest.SuperuserEmail, portaltest.SuperuserPassword, true,
		codeFromMail(t, mp, portaltest.SuperuserEmail)); err != nil {
		t.Fatalf("superuser sign-in with the code mailed through the password of the file: %v", err)
	}
	req, _ := http.NewRequest("GET", p.URL+"/api/portal/metrics", nil)
	req.Header.Set("Authorization", "Bearer "+metricsToken)
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != 200 {
		t.Fatalf("metrics with the token of the file: %v %v", res, err)
	}
	p.WaitFor(t, "the start-up summary", time.Minute, func() bool {
		return strings.Contains(p.Output(), "Máy chủ thư "+mp.SMTPHost+":"+strconv.Itoa(mp.SMTPPort)+" trả lời") &&
			strings.Contains(p.Output(), "truy cập được.")
	})
	if !strings.Contains(p.Output(), "✓ Kho trang tĩnh") {
		t.Errorf("the start-up summary does not confirm the bucket:\n%s", p.Output())
	}

	// Nowhere in the database, its WAL or a backup, nor on the command line.
	p.WaitFor(t, "the first backup", time.Minute, func() bool {
		m, _ := filepath.Glob(filepath.Join(p.Dir, "backups", "*.zip"))
		return len(m) > 0
	})
	for _, f := range []string{"data.db", "data.db-wal", "auxiliary.db"} {
		b, _ := os.ReadFile(filepath.Join(p.Dir, f))
		for _, secret := range []string{smtpPassword, metricsToken, encryptionKey, s3.SecretKey} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s holds the secret %q in plaintext", f, secret)
			}
		}
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(p.Dir, "data.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var settings string
	if err := db.QueryRow(`SELECT value FROM _params WHERE id = 'settings'`).Scan(&settings); err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(strings.TrimSpace(settings), "{") {
		t.Errorf("the settings are stored in plaintext although an encryption key is given: %.200s", settings)
	}
	for _, pid := range portalPIDs(t, p.Dir) {
		cmdline, _ := os.ReadFile(filepath.Join("/proc", pid, "cmdline"))
		for _, secret := range []string{smtpPassword, metricsToken, encryptionKey, s3.SecretKey} {
			if bytes.Contains(cmdline, []byte(secret)) {
				t.Errorf("the portal's command line shows the secret %q", secret)
			}
		}
	}

	// The data folder is the portal's alone.
	err = filepath.WalkDir(p.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.Type()&fs.ModeSymlink != 0 {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return nil // gone meanwhile (a build's temporary file)
		}
		if fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s is %v: others may read it", path, fi.Mode().Perm())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// "portal build --out" writes a site to publish: readable by all.
	p.Stop()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := p.Run("build", "--out", out); err != nil {
		t.Fatal(err)
	}
	files := 0
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, _ := d.Info()
		want := fs.FileMode(0o644)
		if d.IsDir() {
			want = 0o755
		} else {
			files++
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s of portal build --out is %v, want %v", path, fi.Mode().Perm(), want)
		}
		return nil
	})
	if err != nil || files < 20 {
		t.Fatalf("portal build --out: %d files, %v", files, err)
	}
}

// portalPIDs are the processes whose command line names the data folder.
func portalPIDs(t *testing.T, dataDir string) []string {
	t.Helper()
	entries, _ := os.ReadDir("/proc")
	var out []string
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		b, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if bytes.Contains(b, []byte(dataDir)) {
			out = append(out, e.Name())
		}
	}
	if len(out) == 0 {
		t.Fatal("the portal's process is not in /proc")
	}
	return out
}

// The health reads the real backup store: a new portal makes its first
// backup at start (none is not healthy); a backup made by "portal backup"
// in another process is seen; with every backup gone the health says so,
// to everyone as not ok and to staff with the reason.
func TestBackupsInHealth(t *testing.T) {
	p := portaltest.Start(t, portaltest.Options{})
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	var h healthParts
	p.WaitFor(t, "the first backup in the health", time.Minute, func() bool {
		h = readHealth(t, p, token)
		return h.Data.Portal.Backup.OK
	})
	if b := h.Data.Portal.Backup; b.Count != 1 || !strings.HasSuffix(b.Latest, "-dau-tien.zip") || b.At.IsZero() {
		t.Fatalf("the health after the first backup: %+v", b)
	}
	if !strings.Contains(p.Output(), "Đã tạo bản sao lưu đầu tiên") {
		t.Errorf("the console does not tell of the first backup:\n%s", p.Output())
	}

	if _, err := p.Run("backup", "--name", "tay-truoc-khi-nang-cap.zip"); err != nil {
		t.Fatal(err)
	}
	p.WaitFor(t, "the backup of portal backup in the health", time.Minute, func() bool {
		h = readHealth(t, p, token)
		return h.Data.Portal.Backup.Latest == "tay-truoc-khi-nang-cap.zip"
	})
	if b := h.Data.Portal.Backup; b.Count != 2 || !b.OK {
		t.Fatalf("the health after portal backup: %+v", b)
	}

	backups, _ := filepath.Glob(filepath.Join(p.Dir, "backups", "*.zip"))
	for _, f := range backups {
		os.Remove(f)
	}
	p.WaitFor(t, "no backup in the health", time.Minute, func() bool {
		h = readHealth(t, p, token)
		return !h.Data.Portal.Backup.OK
	})
	if b := h.Data.Portal.Backup; h.Data.Portal.OK || b.Count != 0 || !strings.Contains(b.Error, "Chưa có bản sao lưu nào") {
		t.Fatalf("the health with no backup: %+v", h.Data.Portal)
	}
	anon := readHealth(t, p, "")
	if anon.Data.Portal.OK || anon.Data.Portal.Backup.OK || anon.Data.Portal.Backup.Error != "" {
		t.Fatalf("the anonymous health with no backup: %+v", anon.Data.Portal.Backup)
	}
	if code := api(t, p.URL, "", "GET", "/api/health?strict=1", nil, nil); code != http.StatusServiceUnavailable {
		t.Fatalf("strict health with no backup: %d", code)
	}
	// The public address is a loopback one: staff are told, the health
	// stays ok for it.
	if a := h.Data.Portal.Address; !a.Loopback || a.URL != p.URL+"/" || !strings.Contains(a.Warning, "--base-url") {
		t.Errorf("the health's address: %+v", a)
	}
}

// A deploy that fails is told on the console (not only in /_/ → Logs) and
// in the health; the start-up summary says the bucket cannot be reached.
func TestDeployErrorOnConsole(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", "khoa")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "bi-mat")
	t.Setenv("AWS_CA_BUNDLE", "")
	dead := "s3://site?endpoint=http://127.0.0.1:9&region=us-east-1&use_path_style=true"
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--deploy-bucket", dead, "--deploy-auto"}})
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	p.WaitFor(t, "the failed deploy and the unreachable bucket on the console", 2*time.Minute, func() bool {
		out := p.Output()
		return strings.Contains(out, "✗ Xuất bản bản dựng") && strings.Contains(out, "thất bại") &&
			strings.Contains(out, "✗ Kho trang tĩnh s3://site?endpoint=http://127.0.0.1:9")
	})
	if strings.Contains(p.Output(), "cannot marshal") {
		t.Errorf("a log line could not be written:\n%s", p.Output())
	}
	h := readHealth(t, p, token)
	if h.Data.Portal.OK || h.Data.Portal.Deploy.OK || h.Data.Portal.Deploy.Error == "" {
		t.Fatalf("the health after a failed deploy: %+v", h.Data.Portal.Deploy)
	}
}

// With --replicate-to, the health gives the replica's lag; the start-up
// summary says the replica received the databases; when the S3 server
// stops, the console says replication stopped.
func TestReplicationLagInHealth(t *testing.T) {
	s3 := versitygw.Start(t)
	s3.SetEnv(t)
	s3.Bucket(t, "saoluu")
	url := "s3://saoluu/daison?endpoint=" + s3.Endpoint + "&region=" + versitygw.Region
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--replicate-to", url}})
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	var h healthParts
	p.WaitFor(t, "the replication in the health", time.Minute, func() bool {
		h = readHealth(t, p, token)
		return h.Data.Portal.Replication.OK
	})
	if lag := h.Data.Portal.Replication.LagSeconds; lag == nil || *lag < 0 || *lag > 30 {
		t.Fatalf("the replication's lag: %v", lag)
	}
	p.WaitFor(t, "the start-up summary", time.Minute, func() bool {
		return strings.Contains(p.Output(), "✓ Bản sao liên tục s3://saoluu/daison") && strings.Contains(p.Output(), "đã nhận dữ liệu")
	})
	s3.Stop()
	p.WaitFor(t, "the console to say replication stopped", 2*time.Minute, func() bool {
		return strings.Contains(p.Output(), "✗") && strings.Contains(p.Output(), "Sao chép cơ sở dữ liệu lên s3://saoluu/daison")
	})
	h = readHealth(t, p, token)
	if h.Data.Portal.OK || h.Data.Portal.Replication.OK || h.Data.Portal.Replication.Error == "" {
		t.Fatalf("the health with the replica's server stopped: %+v", h.Data.Portal.Replication)
	}
}
