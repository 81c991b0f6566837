package site_test

import (
	"os"
	"testing"

	"github.com/daison/portal/site"
)

// TestMain lets the test binary serve as the builder's Hugo worker process,
// as the portal binary does.
func TestMain(m *testing.M) {
	site.RunWorkerIfAsked()
	os.Exit(m.Run())
}
