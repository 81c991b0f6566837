package opstest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/daison/portal/internal/portaltest"
)

// deploy/portal.service passes systemd-analyze verify (with the portal's
// binary where the unit expects it), and keeps its hardening; its secrets
// come as systemd credentials, settings encryption among them, and the
// data folder is the portal's alone.
func TestSystemdUnit(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed")
	}
	unit, err := os.ReadFile(filepath.Join(portaltest.RepoRoot(), "deploy", "portal.service"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"User=portal", "StateDirectory=portal", "Restart=on-failure", "ProtectSystem=strict",
		"NoNewPrivileges=yes", "--dir /var/lib/portal", "PORTAL_TRUSTED_PROXY_HEADERS=X-Real-IP",
		"LoadCredential=portal:/etc/portal/credentials", "encryption-key", "UMask=0077", "StateDirectoryMode=0700"} {
		if !strings.Contains(string(unit), want) {
			t.Errorf("the unit lacks %q", want)
		}
	}
	for _, secret := range []string{"PORTAL_SMTP_PASSWORD=", "AWS_SECRET_ACCESS_KEY=", "PORTAL_METRICS_TOKEN=", "--smtp-password ", "--metrics-token "} {
		if strings.Contains(string(unit), secret) {
			t.Errorf("the unit gives a secret as %q: only as a credential", secret)
		}
	}
	bin, err := portaltest.Build()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "portal.service")
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(string(unit), "/usr/local/bin/portal", bin)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(analyze, "verify", path).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "" {
		t.Fatalf("systemd-analyze verify: %v\n%s", err, out)
	}
}
