// Package check holds the rules of what staff and citizens may save, shared
// by the kinds of record (records/), admin and its feature packages: the
// rules of text (Text, Kind, KindOf),
// site paths and web addresses (SitePath, WebURL), tags (Tags), and the
// helpers of record validation (FieldError, Validate, Texts, Unchanged)
// and of naming a record and its changes (RecordTitle, ChangedFields).
package check

import (
	"strings"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/markdown"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vntext"
)

// The rules of text. Every piece of text that enters the portal is of one
// of three kinds, and each kind has one rule, applied by Text wherever that
// text enters: public and staff records (TextsAs, Texts), an article's or a
// submission's tags (Tags), a guide's steps (records/guide), gallery
// captions (records/record), the citizens' forms (feedback.Input.clean),
// staff edits of a submission (cleanFeedback), and a proposal turned into
// an initiative (feedbackToInitiative).
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
// and web addresses have their own rules: SitePath and WebURL.
//
// A text the citizens' forms accept is therefore always a valid plain text
// of the same kind for staff records too, and quoteMarkdown makes any such
// text valid Markdown that shows as written.

// Problem is why a text was refused: a validation code and a Vietnamese
// message for the person who typed it.
type Problem struct {
	Code, Message string
}

// Text returns v as it is stored for its kind (NFC; single-line text
// trimmed, multi-line text without blank lines before or white space after)
// and the first problem the kind's rule finds in it, if any.
func Text(kind Kind, v string) (string, *Problem) {
	v = vntext.NFC(v)
	if kind == SingleLine {
		v = strings.TrimSpace(v)
	} else {
		// Leading spaces are kept: in Markdown they mean something.
		v = strings.TrimRight(strings.TrimLeft(v, "\r\n"), " \t\r\n")
	}
	if p := vntext.Check(v, kind != SingleLine); p != "" {
		return v, &Problem{"validation_text_characters", string(p)}
	}
	if kind == Markdown {
		if ps := markdown.Check(v); len(ps) > 0 {
			msgs := make([]string, len(ps))
			for i, p := range ps {
				msgs[i] = string(p)
			}
			return v, &Problem{"validation_markdown", strings.Join(msgs, " ")}
		}
		return v, nil
	}
	if markdown.HasShortcode(v) {
		return v, &Problem{"validation_markdown", string(markdown.ProblemShortcode)}
	}
	return v, nil
}

// Kind says what a text field may hold.
type Kind int

const (
	SingleLine Kind = iota // titles, names, codes: one line
	MultiLine              // plain paragraphs: summaries, achievements
	Markdown               // Markdown, checked for raw HTML and unsafe links
)

// textFields gives, for the staff-side collections, the kind of each of
// their text fields; fields not listed are single-line. The kinds of
// public record declare theirs (record.Kind.Texts). The rule of each kind
// is Text's.
var textFields = map[string]map[string]Kind{
	schema.Nominations: {"achievements": MultiLine, "comment": MultiLine},
	schema.UnitReports: {"summary": Markdown},
	schema.Feedback:    {"message": MultiLine, "answer": MultiLine, "question": MultiLine},
	commune.Collection: {"planText": Markdown, "aboutEn": MultiLine, "decisionBases": MultiLine, "decisionRecipients": MultiLine},
}

// KindOf is the kind of a staff-side collection's text field; fields not
// listed in textFields are single-line.
func KindOf(collection, field string) Kind {
	return textFields[collection][field]
}
