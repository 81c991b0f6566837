package qrsvg

import (
	"strings"
	"testing"
)

func TestSVG(t *testing.T) {
	b, err := SVG("https://caicach.daison.gov.vn/tin-tuc/kiem-tra-dai-son/?nguon=qr", `Mã QR của "trang"`)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`<svg xmlns="http://www.w3.org/2000/svg"`, `shape-rendering="crispEdges"`, `aria-label="Mã QR của &#34;trang&#34;"`, `<path fill="#000" d="M`} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in %s", want, s[:200])
		}
	}
}
