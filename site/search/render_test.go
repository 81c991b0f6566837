package search_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/daison/portal/site/search"
)

// TestRenderWeakAndSnippet: a weak best result shows the page's box of
// other ways (the national portal, the hotlines); a good one leaves it
// hidden, and its snippet shows the phrase typed, not a common word.
func TestRenderWeakAndSnippet(t *testing.T) {
	set, _ := demoIndex(t)
	page := []byte(`<form id=tim-kiem><input id=q name=q></form><aside class=search-weak id=tim-kiem-yeu aria-labelledby=x hidden><p>Cổng Dịch vụ công quốc gia</p></aside><div class=search-server id=tim-kiem-may-chu></div>`)
	shown := regexp.MustCompile(`<aside[^>]*id=tim-kiem-yeu[^>]*>`)
	for q, weak := range map[string]bool{"đăng ký xe máy": true, "xyzzyqq": true, "dang ky ket hon": false, "khai sinh": false} {
		out := string(search.Render(page, set, q, ""))
		tag := shown.FindString(out)
		if hidden := strings.Contains(tag, "hidden"); hidden == weak {
			t.Errorf("%q: the box is %q, want shown %v", q, tag, weak)
		}
	}
	out := string(search.Render(page, set, "ket hon", ""))
	first := regexp.MustCompile(`(?s)<p class="item-summary">(.*?)</p>`).FindStringSubmatch(out)
	if first == nil || !strings.Contains(first[1], "<mark>kết</mark> <mark>hôn</mark>") {
		t.Errorf("ket hon: the first snippet does not show “kết hôn”: %v", first)
	}
	for _, m := range regexp.MustCompile(`(?s)<p class="item-summary">(.*?)</p>`).FindAllStringSubmatch(out, -1) {
		if strings.Contains(m[1], "<mark>hơn</mark>") && !strings.Contains(m[1], "hôn</mark>") {
			t.Errorf("ket hon: a snippet shows “hơn” (more) alone: %s", m[1])
		}
	}
}
