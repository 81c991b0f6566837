package themetest

import "testing"

func TestSmoke(t *testing.T) {
	b := build(t, `
-- content/tin-tuc/_index.md --
+++
title = "Tin tức"
+++
-- content/tin-tuc/bai-mot.md --
+++
title = "Bài một"
date = 2026-03-07T09:00:00+07:00
+++
Xem [trang](javascript:alert(1)) và [ngoài](https://example.org/x).
`)
	t.Log(b.FileContent("public/tin-tuc/bai-mot/index.html"))
}
