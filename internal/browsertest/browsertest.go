// Package browsertest starts the real headless Chromium (Debian's chromium
// package) for tests that check what a person sees, and keeps their
// screenshots as test artefacts.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path returns the Chromium executable: $CHROMIUM_PATH, or chromium /
// chromium-browser on PATH. It fails the test, saying how to install it,
// when there is none: scripts/test installs it.
func Path(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("Chromium is missing: run scripts/test (it installs Debian's chromium package), " +
		"or `apt-get install -y chromium`, or set CHROMIUM_PATH")
	return ""
}

// TabLimit is how long a tab of New lives at most: a last resort against a
// hung browser (the tests' own steps wait 20 to 30 seconds each), long
// enough for a story whose tab stays open over many steps on a busy machine
// (the back office's editor tab in scripts/e2e).
const TabLimit = 10 * time.Minute

// New returns a context of a fresh headless Chromium tab with a window of
// width×height CSS pixels; the browser ends with the test.
func New(t testing.TB, width, height int) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Path(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "vi-VN"),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, TabLimit)
	t.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// ArtifactsDir is where screenshots go: $PORTAL_ARTIFACTS, or artifacts/
// at the repository's root.
func ArtifactsDir() string {
	if d := os.Getenv("PORTAL_ARTIFACTS"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "artifacts")
}

var unsafeName = regexp.MustCompile(`[^a-zA-Z0-9._-]+`)

// Screenshot saves a full-page PNG of the tab as artifacts/screenshots/<name>.png
// and returns its path.
func Screenshot(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	// A screenshot is evidence, not an assertion: a page caught between two
	// layouts (0 width) is tried again, and one that still cannot be taken
	// is logged rather than failing the test that asked for it.
	var png []byte
	var err error
	for try := 0; try < 3; try++ {
		if png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil || ctx.Err() != nil {
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	if err != nil {
		t.Logf("screenshot %s not taken: %v", name, err)
		return ""
	}
	dir := filepath.Join(ArtifactsDir(), "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, unsafeName.ReplaceAllString(name, "_")+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
