// Package qrsvg draws QR codes as SVG, for printed posters: vector, so the
// code stays sharp at any size on A4; error correction level Q (a quarter of
// the code can be smudged or covered and it still scans), with the 4-module
// quiet zone scanners need. It uses rsc.io/qr, already in the portal's
// module graph.
package qrsvg

import (
	"fmt"
	"html"
	"strings"

	"rsc.io/qr"
)

// quiet is the margin around the code, in modules.
const quiet = 4

// SVG returns an SVG image of a QR code of text, at level Q, labelled for
// assistive technology with label.
func SVG(text, label string) ([]byte, error) {
	code, err := qr.Encode(text, qr.Q)
	if err != nil {
		return nil, fmt.Errorf("qr %q: %w", text, err)
	}
	n := code.Size + 2*quiet
	var path strings.Builder
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; x++ {
			if !code.Black(x, y) {
				continue
			}
			// Runs of dark modules on a row become one rectangle.
			run := 1
			for x+run < code.Size && code.Black(x+run, y) {
				run++
			}
			fmt.Fprintf(&path, "M%d %dh%dv1h-%dz", x+quiet, y+quiet, run, run)
			x += run - 1
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img" aria-label="%s">`,
		n, n, html.EscapeString(label))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`, n, n, path.String())
	return []byte(b.String()), nil
}
