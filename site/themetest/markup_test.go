package themetest

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// news is the news section's own page, which every news article needs.
const news = `
-- content/tin-tuc/_index.md --
+++
title = "Tin tức"
+++
`

// TestRenderLink: only http(s), mailto, tel and site-relative links keep
// an href; a link to another host gets rel="noopener", one to the site's
// own host does not.
func TestRenderLink(t *testing.T) {
	b := build(t, news+`
-- content/tin-tuc/lien-ket.md --
+++
title = "Liên kết"
date = 2026-03-07T09:00:00+07:00
+++
- [kịch bản](javascript:alert(1))
- [chữ hoa](JaVaScRiPt:alert(1))
- [cách đầu](< javascript:alert(1)>)
- [dữ liệu](data:text/html;base64,PHNjcmlwdD4=)
- [vb](vbscript:msgbox(1))
- [gạch ngược](<\\evil.example/x>)
- [ngoài](https://example.org/x "Trang ngoài")
- [nội bộ](http://127.0.0.1:8090/tin-tuc/)
- [tương đối](/huong-dan/)
- [thư](mailto:ubnd@daison.gov.vn)
- [gọi](tel:+842923123456)
- [không giao thức](//evil.example/x)
`)
	b.AssertFileContent("public/tin-tuc/lien-ket/index.html",
		"<li>kịch bản</li>",
		"<li>chữ hoa</li>",
		"<li>cách đầu</li>",
		"<li>dữ liệu</li>",
		"<li>vb</li>",
		"<li>gạch ngược</li>",
		"! javascript:",
		"! data:text",
		"! vbscript:",
		`<li><a href="https://example.org/x" title="Trang ngoài" rel="noopener">ngoài</a></li>`,
		`<li><a href="http://127.0.0.1:8090/tin-tuc/">nội bộ</a></li>`,
		`<li><a href="/huong-dan/">tương đối</a></li>`,
		`<li><a href="mailto:ubnd@daison.gov.vn">thư</a></li>`,
		`<li><a href="tel:&#43;842923123456">gọi</a></li>`,
		`<li><a href="//evil.example/x" rel="noopener">không giao thức</a></li>`,
	)
}

// TestRenderHeading: a level-1 heading in Markdown becomes an h2 (the
// title is the page's only h1); every heading gets an id to link to.
func TestRenderHeading(t *testing.T) {
	b := build(t, news+`
-- content/tin-tuc/tieu-de.md --
+++
title = "Tiêu đề"
date = 2026-03-07T09:00:00+07:00
+++
# Mở đầu

## Thủ tục hành chính

### Bước 1
`)
	out := "public/tin-tuc/tieu-de/index.html"
	b.AssertFileContent(out,
		`<h2 id="mở-đầu">Mở đầu</h2>`,
		`<h2 id="thủ-tục-hành-chính">Thủ tục hành chính</h2>`,
		`<h3 id="bước-1">Bước 1</h3>`,
		"<h1>Tiêu đề</h1>",
	)
	if n := bytes.Count([]byte(b.FileContent(out)), []byte("<h1")); n != 1 {
		t.Errorf("the page has %d h1 elements, want 1 (the title)", n)
	}
}

// TestRenderTable: a Markdown table sits in a focusable, labelled wrapper
// that scrolls sideways, and keeps its columns' alignment.
func TestRenderTable(t *testing.T) {
	b := build(t, news+`
-- content/tin-tuc/bang.md --
+++
title = "Bảng"
date = 2026-03-07T09:00:00+07:00
+++
| Thủ tục | Số hồ sơ |
|---------|---------:|
| Khai sinh | 12 |
`)
	b.AssertFileContent("public/tin-tuc/bang/index.html",
		`<div class="table-wrap" role="group" aria-label="Bảng (cuộn ngang nếu màn hình hẹp)" tabindex="0">`,
		`<table class="table table--cards">`,
		`<th scope="col">Thủ tục</th>`,
		`<th scope="col" class="ta-right">Số hồ sơ</th>`,
		// Below 600 px a row is a card, each cell with its heading.
		`<td data-label="Thủ tục">Khai sinh</td>`,
		`<td class="ta-right" data-label="Số hồ sơ">12</td>`,
	)
}

// pngFile is a plain PNG of the given size, base64-encoded as hugolib.Test
// wants binary files in its txtar.
func pngFile(t *testing.T, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatalf("encoding the test image: %v", err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

// TestRenderImage: a bundle image becomes a responsive <picture> (WebP at
// the widths not larger than the original, a fallback with its size); an
// http(s) image a lazy <img>; any other scheme only its text alternative.
func TestRenderImage(t *testing.T) {
	b := build(t, news+`
-- content/tin-tuc/anh/index.md --
+++
title = "Ảnh"
date = 2026-03-07T09:00:00+07:00
+++
![Lễ phát động](le.png)

![Ảnh ngoài](https://example.org/a.jpg "Chú thích")

![Ảnh độc](javascript:alert(1))

![Ảnh dữ liệu](data:image/png;base64,AAAA)
-- content/tin-tuc/anh/le.png --
`+pngFile(t, 600, 400)+`
`)
	b.AssertFileContent("public/tin-tuc/anh/index.html",
		"<picture>",
		`<source type="image/webp" srcset="/tin-tuc/anh/le_`,
		` 480w" sizes="(min-width: 50em) 46rem, 100vw">`,
		"! 800w",
		`width="480" height="320" alt="Lễ phát động" loading="lazy" decoding="async">`,
		`<img src="https://example.org/a.jpg" alt="Ảnh ngoài" title="Chú thích" loading="lazy" decoding="async">`,
		"Ảnh độc",
		"Ảnh dữ liệu",
		"! javascript:",
		"! data:image",
	)
}

// TestDate: dates read dd/mm/yyyy with leading zeros in a <time> element
// that carries the ISO date; the update date shows only when it differs
// from the publication date; a page without a date shows none (not
// 01/01/0001).
func TestDate(t *testing.T) {
	b := build(t, news+`
-- content/tin-tuc/ngay.md --
+++
title = "Ngày"
date = 2026-03-07T09:00:00+07:00
lastmod = 2026-11-12T08:00:00+07:00
+++
-- content/tin-tuc/cung-ngay.md --
+++
title = "Cùng ngày"
date = 2026-03-07T09:00:00+07:00
lastmod = 2026-03-07T17:00:00+07:00
+++
-- content/tin-tuc/khong-ngay.md --
+++
title = "Không ngày"
+++
`)
	b.AssertFileContent("public/tin-tuc/ngay/index.html",
		`Ngày đăng: <time datetime="2026-03-07">07/03/2026</time>`,
		`Cập nhật: <time datetime="2026-11-12">12/11/2026</time>`,
	)
	b.AssertFileContent("public/tin-tuc/cung-ngay/index.html",
		`Ngày đăng: <time datetime="2026-03-07">07/03/2026</time>`,
		"! Cập nhật:",
	)
	b.AssertFileContent("public/tin-tuc/khong-ngay/index.html",
		"Ngày đăng: </span>",
		"! 0001",
	)
}
