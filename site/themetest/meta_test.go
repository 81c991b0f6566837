package themetest

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// metaDescription is the content of a page's <meta name="description">,
// HTML entities as Hugo wrote them.
var metaDescription = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)

// TestDescription: a page's description is its own when it has one, else
// its summary as plain text (no tags, entities decoded once), else the
// site's; never over 300 characters and never cut inside a word.
func TestDescription(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("Người dân nộp hồ sơ trực tuyến toàn trình tại xã. ", 12))
	b := build(t, news+`
-- content/tin-tuc/co-mo-ta.md --
+++
title = "Có mô tả"
date = 2026-03-07T09:00:00+07:00
description = "Mô tả riêng của bài."
+++
Nội dung khác hẳn.
-- content/tin-tuc/dai.md --
+++
title = "Dài"
date = 2026-03-07T09:00:00+07:00
description = "`+long+`"
+++
-- content/tin-tuc/ngan.md --
+++
title = "Ngắn"
date = 2026-03-07T09:00:00+07:00
+++
Hồ sơ **đúng hạn** & <b>đủ</b> giấy tờ.
`)
	desc := func(path string) string {
		t.Helper()
		m := metaDescription.FindStringSubmatch(b.FileContent(path))
		if m == nil {
			t.Fatalf("%s has no meta description", path)
		}
		return m[1]
	}
	if d := desc("public/tin-tuc/co-mo-ta/index.html"); d != "Mô tả riêng của bài." {
		t.Errorf("own description: %q", d)
	}
	if d := desc("public/tin-tuc/ngan/index.html"); d != "Hồ sơ đúng hạn &amp; đủ giấy tờ." {
		t.Errorf("summary as plain text: %q", d)
	}
	d := desc("public/tin-tuc/dai/index.html")
	text := strings.TrimSpace(strings.TrimSuffix(d, "…"))
	if d == text {
		t.Errorf("a long summary should end in an ellipsis: %q", d)
	}
	if n := utf8.RuneCountInString(d); n > 301 || n < 200 {
		t.Errorf("long description has %d characters, want 200–301: %q", n, d)
	}
	if !strings.HasPrefix(long, text) || !strings.HasPrefix(long[len(text):], " ") {
		t.Errorf("description is not its front matter cut at a word: %q", d)
	}
	// The home page has no text of its own: the site's description, from
	// the commune's movement (data/commune.json; without it, the neutral
	// name internal/commune gives a portal not yet set up).
	b.AssertFileContent("public/index.html",
		`<meta name="description" content="Cổng thông tin Phong trào thi đua “Đẩy mạnh cải cách hành chính giai đoạn 2026 – 2030”: tin tức`)
}
