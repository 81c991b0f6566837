package themetest

import (
	"strings"
	"testing"
)

// TestBrowseChips: a section's "browse by" lists each taxonomy's terms as
// links with their counts, by the export's weight when it gave one (years
// newest first), else by title.
func TestBrowseChips(t *testing.T) {
	b := build(t, `
-- content/vinh-danh/_index.md --
+++
title = "Vinh danh"
+++
-- content/vinh-danh/a.md --
+++
title = "Nguyễn Văn A"
date = 2026-05-01T08:00:00+07:00
vinh-danh-nam = ["2024"]
vinh-danh-don-vi = ["truong-tieu-hoc"]
+++
-- content/vinh-danh/b.md --
+++
title = "Trần Thị B"
date = 2026-05-02T08:00:00+07:00
vinh-danh-nam = ["2026"]
vinh-danh-don-vi = ["truong-tieu-hoc"]
+++
-- content/vinh-danh/c.md --
+++
title = "Lê Văn C"
date = 2026-01-01T08:00:00+07:00
vinh-danh-nam = ["2026"]
vinh-danh-don-vi = ["buu-dien"]
+++
-- content/vinh-danh-nam/2024/_index.md --
+++
title = "Năm 2024"
slug = "2024"
weight = 2
+++
-- content/vinh-danh-nam/2026/_index.md --
+++
title = "Năm 2026"
slug = "2026"
weight = 1
+++
-- content/vinh-danh-don-vi/truong-tieu-hoc/_index.md --
+++
title = "Trường Tiểu học"
slug = "truong-tieu-hoc"
+++
-- content/vinh-danh-don-vi/buu-dien/_index.md --
+++
title = "Bưu điện xã"
slug = "buu-dien"
+++
`)
	html := b.FileContent("public/vinh-danh/index.html")
	browse := section(html, `<nav class="browse"`, "</nav>")
	for _, want := range []string{
		`<li><a class="chip" href="/vinh-danh/nam/2026/">Năm 2026 <span class="chip-count">2</span></a></li>
<li><a class="chip" href="/vinh-danh/nam/2024/">Năm 2024 <span class="chip-count">1</span></a></li>`,
		`<li><a class="chip" href="/vinh-danh/don-vi/buu-dien/">Bưu điện xã <span class="chip-count">1</span></a></li>
<li><a class="chip" href="/vinh-danh/don-vi/truong-tieu-hoc/">Trường Tiểu học <span class="chip-count">2</span></a></li>`,
	} {
		if !strings.Contains(browse, want) {
			t.Errorf("browse: no\n%s\nin\n%s", want, browse)
		}
	}
}
