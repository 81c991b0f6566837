package sitetest

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestHTMLValid runs html-validate with its standard preset on every HTML
// file of the demo site (every page type, every list page, the redirects
// and the 404 page): no error allowed.
func TestHTMLValid(t *testing.T) {
	need(t)
	bin := npmFile(t, "html-validate/bin/html-validate.mjs")
	files := htmlFiles(t)
	args := []string{bin, "--preset", "standard", "--formatter", "json"}
	for _, f := range files {
		args = append(args, filepath.Join(liveDir, filepath.FromSlash(f)))
	}
	cmd := exec.Command(node(t), args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	runErr := cmd.Run()
	var results []struct {
		FilePath string `json:"filePath"`
		Messages []struct {
			RuleID   string `json:"ruleId"`
			Severity int    `json:"severity"`
			Message  string `json:"message"`
			Line     int    `json:"line"`
			Column   int    `json:"column"`
		} `json:"messages"`
	}
	if out.Len() > 0 {
		if err := json.Unmarshal(out.Bytes(), &results); err != nil {
			t.Fatalf("read html-validate's report: %v\n%s\n%s", err, out.String(), errOut.String())
		}
	}
	errs := 0
	for _, r := range results {
		rel, _ := filepath.Rel(liveDir, r.FilePath)
		for _, m := range r.Messages {
			if m.Severity >= 2 {
				errs++
				t.Errorf("%s:%d:%d: %s (%s)", rel, m.Line, m.Column, m.Message, m.RuleID)
			}
		}
	}
	if runErr != nil && errs == 0 {
		t.Fatalf("html-validate: %v\n%s", runErr, errOut.String())
	}
	t.Logf("html-validate --preset standard: %d files, %d errors", len(files), errs)
}
