package feedback

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"
)

// ShellPath is where the public site's build writes the empty page that
// the pages answered here (receipts, the lookup's results, a form sent
// again with its mistakes) are set in: the site's banner, header,
// navigation and footer around an empty <main>.
const ShellPath = "gop-y/khung/index.html"

// Shell returns the public site's page shell (ShellPath of the live
// build), or nil while there is none: those pages then stand alone, with
// the site's name only.
type Shell func() []byte

// shellKey keeps the app's Shell in its store.
const shellKey = "feedback.shell"

// inShell sets a page's title and content in the site's shell: its
// <title>'s text replaced, style added at the end of <head>, and the
// content of its <main> replaced by body. ok is false when shell has no
// such parts (a site built by another theme).
func inShell(shell []byte, title, style, body string) (page []byte, ok bool) {
	s := string(shell)
	t0 := strings.Index(s, "<title>")
	t1 := strings.Index(s, "</title>")
	h := strings.Index(s, "</head>")
	m0 := strings.Index(s, "<main")
	if t0 < 0 || t1 < t0 || h < t1 || m0 < h {
		return nil, false
	}
	m1 := strings.Index(s[m0:], ">")
	m2 := strings.LastIndex(s, "</main>")
	if m1 < 0 || m2 < m0+m1 {
		return nil, false
	}
	m1 += m0 + 1
	var b bytes.Buffer
	b.Grow(len(s) + len(body) + len(style))
	b.WriteString(s[:t0+len("<title>")])
	b.WriteString(title)
	b.WriteString(s[t1:h])
	b.WriteString("<style>")
	b.WriteString(style)
	b.WriteString("</style>")
	b.WriteString(s[h:m1])
	b.WriteString("\n")
	b.WriteString(body)
	b.WriteString("\n")
	b.WriteString(s[m2:])
	return b.Bytes(), true
}

// shellCSP is the policy of a page set in the site's shell: the site's own
// stylesheet and scripts, and the page's one inline style by its hash.
func shellCSP(style string) string {
	sum := sha256.Sum256([]byte(style))
	return fmt.Sprintf("default-src 'self'; script-src 'self'; style-src 'self' 'sha256-%s'; img-src 'self' data:; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'",
		base64.StdEncoding.EncodeToString(sum[:]))
}

// render runs the templates of a page for the site's shell: its title,
// its content's style and its content.
func renderParts(t *template.Template, data any) (title, style, body string, err error) {
	var b bytes.Buffer
	for _, part := range []struct {
		name string
		out  *string
	}{{"title", &title}, {"contentStyle", &style}, {"inner", &body}} {
		b.Reset()
		if err := t.ExecuteTemplate(&b, part.name, data); err != nil {
			return "", "", "", fmt.Errorf("feedback page %s: %w", part.name, err)
		}
		*part.out = b.String()
	}
	return title, style, body, nil
}
