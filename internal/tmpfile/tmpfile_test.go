package tmpfile

import (
	"os"
	"strings"
	"syscall"
	"testing"
)

// A file gets 0666 less the umask, like any new file, and a name of its
// own each time.
func TestCreate(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	a, err := Create(dir, ".x-")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Create(dir, ".x-")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if a.Name() == b.Name() || !strings.Contains(a.Name(), "/.x-") {
		t.Fatalf("names %q, %q", a.Name(), b.Name())
	}
	fi, err := os.Stat(a.Name())
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o640 {
		t.Fatalf("mode %v under umask 027, want 0640", got)
	}
}
