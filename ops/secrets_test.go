package ops

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

// A secret comes from a file named by a flag first, then the environment,
// a file named by the environment's _FILE variable, and a systemd
// credential; a file loses its final line break; a file too large to be
// a secret is refused; nothing given is "".
func TestReadSecret(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	creds := filepath.Join(dir, "creds")
	os.Mkdir(creds, 0o700)
	os.WriteFile(filepath.Join(creds, "smtp-password"), []byte("tu-credential\n"), 0o600)
	t.Setenv("PORTAL_TEST_SECRET", "")
	t.Setenv("PORTAL_TEST_SECRET_FILE", "")
	t.Setenv("CREDENTIALS_DIRECTORY", "")

	get := func(file string) string {
		t.Helper()
		v, _, err := readSecret("PORTAL_TEST_SECRET", file, "smtp-password")
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := get(""); v != "" {
		t.Fatalf("nothing given: %q", v)
	}
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o700)
	os.WriteFile(filepath.Join(folder, "portal_smtp-password"), []byte("tu-thu-muc\n"), 0o600)
	t.Setenv("CREDENTIALS_DIRECTORY", folder)
	if v := get(""); v != "tu-thu-muc" {
		t.Fatalf("from a folder of credentials: %q", v)
	}
	t.Setenv("CREDENTIALS_DIRECTORY", creds)
	if v := get(""); v != "tu-credential" {
		t.Fatalf("from the credential: %q", v)
	}
	t.Setenv("PORTAL_TEST_SECRET_FILE", write("env-file", "tu-tep-moi-truong\r\n"))
	if v := get(""); v != "tu-tep-moi-truong" {
		t.Fatalf("from $…_FILE: %q", v)
	}
	t.Setenv("PORTAL_TEST_SECRET", "tu-moi-truong")
	if v := get(""); v != "tu-moi-truong" {
		t.Fatalf("from the environment: %q", v)
	}
	if v := get(write("flag-file", "tu-co\n")); v != "tu-co" {
		t.Fatalf("from --…-file: %q", v)
	}
	if _, _, err := readSecret("PORTAL_TEST_SECRET", write("big", strings.Repeat("x", maxSecret+1)), ""); err == nil {
		t.Fatal("a file larger than a secret was read")
	}
	if _, _, err := readSecret("PORTAL_TEST_SECRET", filepath.Join(dir, "khong-co"), ""); err == nil || !strings.Contains(err.Error(), "khong-co") {
		t.Fatalf("a missing file: %v", err)
	}
}

// A secret given on the command line is accepted with a warning that
// names the ways to give it instead.
func TestSecretFlagWarns(t *testing.T) {
	var out bytes.Buffer
	consoleMu.Lock()
	old := console
	console = &out
	consoleMu.Unlock()
	t.Cleanup(func() { consoleMu.Lock(); console = old; consoleMu.Unlock() })
	t.Setenv("PORTAL_METRICS_TOKEN", "")
	o := &Ops{metricsToken: "bi-mat-tren-dong-lenh"}
	if err := o.readMetricsToken(); err != nil || o.metricsToken != "bi-mat-tren-dong-lenh" {
		t.Fatalf("the flag's token: %q %v", o.metricsToken, err)
	}
	for _, want := range []string{"--metrics-token", "ps", "--metrics-token-file", "PORTAL_METRICS_TOKEN", "LoadCredential=metrics-token"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the warning lacks %q: %s", want, out.String())
		}
	}
}

// A settings encryption key PocketBase cannot use is refused in
// Vietnamese; none, or 32 characters, pass.
func TestCheckEncryptionKey(t *testing.T) {
	for key, ok := range map[string]bool{"": true, strings.Repeat("k", 32): true, "ngan-qua": false, strings.Repeat("k", 33): false} {
		t.Setenv("PORTAL_TEST_KEY", key)
		if err := checkEncryptionKey("PORTAL_TEST_KEY"); (err == nil) != ok || (err != nil && !strings.Contains(err.Error(), "32 ký tự")) {
			t.Errorf("key of %d bytes: %v", len(key), err)
		}
	}
}

// Settings stored in plaintext before a key was given are encrypted at
// the next start with the key, and read back with it.
func TestEncryptSettings(t *testing.T) {
	dir := t.TempDir()
	open := func(env string) *core.BaseApp {
		t.Helper()
		app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir, EncryptionEnv: env})
		if err := app.Bootstrap(); err != nil {
			t.Fatal(err)
		}
		return app
	}
	stored := func(app core.App) string {
		t.Helper()
		var raw string
		if err := app.DB().NewQuery("SELECT value FROM _params WHERE id = 'settings'").Row(&raw); err != nil {
			t.Fatal(err)
		}
		return raw
	}
	t.Setenv("PORTAL_TEST_ENCRYPTION_KEY", "")
	app := open("PORTAL_TEST_ENCRYPTION_KEY")
	s := app.Settings()
	s.SMTP.Password = "mat-khau-go-o-trang-quan-tri"
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
	if err := encryptSettings(app); err != nil || !strings.Contains(stored(app), "mat-khau-go-o-trang-quan-tri") {
		t.Fatalf("without a key the settings stay as they are: %v", err)
	}
	app.ClearBootstrap()

	t.Setenv("PORTAL_TEST_ENCRYPTION_KEY", strings.Repeat("k", 32))
	app = open("PORTAL_TEST_ENCRYPTION_KEY")
	if err := encryptSettings(app); err != nil {
		t.Fatal(err)
	}
	if raw := stored(app); strings.HasPrefix(raw, "{") || strings.Contains(raw, "mat-khau-go-o-trang-quan-tri") {
		t.Fatalf("with a key the settings are still plaintext: %.100s", raw)
	}
	app.ClearBootstrap()
	app = open("PORTAL_TEST_ENCRYPTION_KEY")
	defer app.ClearBootstrap()
	if got := app.Settings().SMTP.Password; got != "mat-khau-go-o-trang-quan-tri" {
		t.Fatalf("the encrypted settings read back: %q", got)
	}
}
