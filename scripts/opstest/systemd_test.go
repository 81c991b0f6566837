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
// binary where the unit expects it), and keeps its hardening.
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
		"NoNewPrivileges=yes", "--dir /var/lib/portal", "PORTAL_TRUSTED_PROXY_HEADERS=X-Real-IP"} {
		if !strings.Contains(string(unit), want) {
			t.Errorf("the unit lacks %q", want)
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
