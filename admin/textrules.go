package admin

import (
	"strings"

	"github.com/daison/portal/internal/markdown"
	"github.com/daison/portal/internal/vntext"
)

// The rules of text (security fault 16). Every piece of text that enters the
// portal is of one of three kinds, and each kind has one rule, applied by
// cleanText wherever that text enters: staff records (cleanTexts), an
// article's or a submission's tags (cleanTags), a guide's steps
// (cleanSteps), the citizens' forms (FeedbackInput.clean), staff edits of
// a submission (cleanFeedback), and a proposal turned into an initiative
// (feedbackToInitiative).
//
//   - Single-line plain text (titles, names, codes, tags; a step's title,
//     link words and cost; a citizen's topic, name and service): stored in
//     NFC and trimmed; no line break, control or invisible character (a tab
//     is allowed: it comes with text pasted from a spreadsheet); no Hugo
//     shortcode opening ("{{<", "{{%").
//   - Multi-line plain text (summaries, achievements, comments, a citizen's
//     message, an answer to it): the same, with line breaks and tabs.
//   - Markdown (bodies, stories, a step's text, a unit's report): multi-line
//     text that also passes markdown.Check: no raw HTML, only safe links.
//
// Plain text is text, not markup: "<", ">" and "&" are characters like any
// other ("giá < 5.000đ", "<Tên thủ tục>", even "<b>"), because everything
// that shows plain text escapes it: the site's templates, the back office
// (text nodes only, never innerHTML), the printable lists (html/template)
// and the exports (text cells; CSV cells neutralised by internal/table). Markup
// lives in Markdown fields, so that is where raw HTML is refused. Site paths
// and web addresses have their own rules: sitePath and webURL.
//
// A text the citizens' forms accept is therefore always a valid plain text
// of the same kind for staff records too, and quoteMarkdown makes any such
// text valid Markdown that shows as written.

// textProblem is why a text was refused: a validation code and a Vietnamese
// message for the person who typed it.
type textProblem struct {
	Code, Message string
}

// cleanText returns v as it is stored for its kind (NFC; single-line text
// trimmed, multi-line text without blank lines before or white space after)
// and the first problem the kind's rule finds in it, if any.
func cleanText(kind textKind, v string) (string, *textProblem) {
	v = vntext.NFC(v)
	if kind == kindSingleLine {
		v = strings.TrimSpace(v)
	} else {
		// Leading spaces are kept: in Markdown they mean something.
		v = strings.TrimRight(strings.TrimLeft(v, "\r\n"), " \t\r\n")
	}
	if p := vntext.Check(v, kind != kindSingleLine); p != "" {
		return v, &textProblem{"validation_text_characters", string(p)}
	}
	if kind == kindMarkdown {
		if ps := markdown.Check(v); len(ps) > 0 {
			msgs := make([]string, len(ps))
			for i, p := range ps {
				msgs[i] = string(p)
			}
			return v, &textProblem{"validation_markdown", strings.Join(msgs, " ")}
		}
		return v, nil
	}
	if markdown.HasShortcode(v) {
		return v, &textProblem{"validation_markdown", string(markdown.ProblemShortcode)}
	}
	return v, nil
}

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
