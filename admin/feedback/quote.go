package feedback

import "strings"

// markdownEscaper escapes every character Markdown (with the site's
// extensions) or Hugo could read as syntax inside a line.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"#", `\#`, "|", `\|`, "~", `\~`, "&", `\&`, "{", `\{`, "}", `\}`, "!", `\!`,
)

// quoteMarkdown makes a citizen's plain text a Markdown quote that shows as
// written: the characters Markdown would read as syntax are escaped, and so
// is what would start a block at the head of a line (a list item, a heading
// underline, a numbered item); a line's indentation is left out. Any plain
// text gives Markdown that markdown.Check accepts.
func quoteMarkdown(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = markdownEscaper.Replace(l)
		// Leading white space would make a code block: it is left out.
		body := strings.TrimLeft(l, " \t")
		if body != "" && strings.ContainsRune("-+=", rune(body[0])) {
			body = `\` + body
		} else if n := leadingDigits(body); n > 0 && n < len(body) && (body[n] == '.' || body[n] == ')') {
			body = body[:n] + `\` + body[n:]
		}
		lines[i] = "> " + body
	}
	return strings.Join(lines, "\n")
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
