// Package printfont is the serif of printed papers: Tinos (SIL Open Font
// License 1.1, fonts/OFL.txt), drawn to the metrics of Times New Roman,
// which Nghị định 30/2020/NĐ-CP prescribes and which Linux machines lack.
// The four faces are cut down to Latin and Vietnamese (the letters with
// every diacritic, the combining marks, typographic punctuation, the đồng
// sign) so that a printable page can carry them inline and print alike on
// any machine, in a browser or saved to disk. It is a leaf.
package printfont

import (
	"embed"
	"encoding/base64"
	"strings"
	"sync"
)

//go:embed fonts/*.ttf fonts/OFL.txt
var files embed.FS

// Family is the name pages use for the embedded faces.
const Family = "Tinos"

// Stack is the CSS font-family of printed papers: the embedded faces
// first, then Times New Roman where it is installed.
const Stack = `"Tinos","Times New Roman",serif`

// DOCXFamily is the font a Word document names (the decree's), with
// AltNames as the fallbacks its font table gives for machines without it;
// the document embeds the four faces under that name, so that a machine
// without Times New Roman (LibreOffice on Linux) draws every Vietnamese
// letter with the same metrics.
const (
	DOCXFamily = "Times New Roman"
	AltNames   = "Tinos,Liberation Serif"
)

// faces are the embedded files by weight and style, with the element a
// Word font table embeds each as.
var faces = []struct{ file, weight, style, docx string }{
	{"Tinos-Regular.ttf", "400", "normal", "embedRegular"},
	{"Tinos-Bold.ttf", "700", "normal", "embedBold"},
	{"Tinos-Italic.ttf", "400", "italic", "embedItalic"},
	{"Tinos-BoldItalic.ttf", "700", "italic", "embedBoldItalic"},
}

// Face is one face of the serif: the font table element that embeds it in
// a Word document ("embedRegular"…) and its TrueType file.
type Face struct {
	Element string
	TTF     []byte
}

// Faces returns the four faces (regular, bold, italic, bold italic).
func Faces() []Face {
	out := make([]Face, len(faces))
	for i, f := range faces {
		b, err := files.ReadFile("fonts/" + f.file)
		if err != nil {
			panic("printfont: " + err.Error()) // embedded at build time
		}
		out[i] = Face{f.docx, b}
	}
	return out
}

var (
	cssOnce sync.Once
	css     string
)

// CSS returns the @font-face rules of the four faces, each with its file
// inline as a data: URL (a page's Content-Security-Policy then needs
// "font-src data:").
func CSS() string {
	cssOnce.Do(func() {
		var b strings.Builder
		for _, f := range faces {
			data, err := files.ReadFile("fonts/" + f.file)
			if err != nil {
				panic("printfont: " + err.Error()) // embedded at build time
			}
			b.WriteString(`@font-face{font-family:"` + Family + `";font-weight:` + f.weight + `;font-style:` + f.style +
				`;font-display:block;src:url(data:font/ttf;base64,` + base64.StdEncoding.EncodeToString(data) + `) format("truetype")}` + "\n")
		}
		css = b.String()
	})
	return css
}

// Licence returns the font's licence text.
func Licence() string {
	b, _ := files.ReadFile("fonts/OFL.txt")
	return string(b)
}
