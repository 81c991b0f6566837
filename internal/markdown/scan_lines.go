package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isDomainChar reports whether c may be in the domain of an address
// linkify recognises ([-a-zA-Z0-9@:%._+~#=]).
func isDomainChar(c byte) bool {
	return isLetter(c) || c >= '0' && c <= '9' || strings.IndexByte("-@:%._+~#=", c) >= 0
}

// mayClose reports whether the run src[i:j] of "*", "_" or "~" may close
// emphasis, as CommonMark says (and ScanDelimiter does): it is
// right-flanking and, for "_", not inside a word.
func mayClose(src string, i, j int) bool {
	before, after := rune('\n'), rune('\n')
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(src[:i])
	}
	if j < len(src) {
		after, _ = utf8.DecodeRuneInString(src[j:])
	}
	punct := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
	beforeSpace, afterSpace := unicode.IsSpace(before), unicode.IsSpace(after)
	left := !afterSpace && (!punct(after) || beforeSpace || punct(before))
	right := !beforeSpace && (!punct(before) || afterSpace || punct(after))
	if src[i] == '_' {
		return right && (!left || punct(after))
	}
	return right
}

// What a line starts, for a paragraph before it.
const (
	startsNothing = iota // it may continue a paragraph
	startsItem           // a list item, which ends a paragraph
	startsHeading        // an ATX heading (# …)
)

// prefix reads the start of a line: where its content begins after the
// markers of the block quotes, list items, footnotes and definitions it
// opens, where the leading block quote markers end, its nesting depth, and
// whether it starts a block that ends any paragraph before it (a non-empty
// bullet item, an ordered item numbered 1, or a heading), as CommonMark
// says. A footnote's or a definition's marker may also be text (a
// definition's only follows a paragraph): from the first one on, the line
// is content, and starts no block, though its markers count as depth.
func prefix(line string) (content, quotes, depth, starts int) {
	i, indent := spaces(line, 0)
	depth = indent / 4
	if indent >= 4 {
		return i, i, depth, startsNothing // indented code, or a continuation
	}
	text := -1       // where the first footnote or definition marker is
	inQuotes := true // only ">" markers so far
	set := func(s int) {
		if text < 0 {
			starts = s
		}
	}
markers:
	for i < len(line) && depth <= MaxNesting {
		if inQuotes {
			quotes = i
		}
		c := line[i]
		if c != '>' {
			inQuotes = false
		}
		switch {
		case c == '>':
			depth++
			i++
			if i < len(line) && (line[i] == ' ' || line[i] == '\t') {
				i++
			}
			j, w := spaces(line, i)
			if w >= 4 {
				if inQuotes {
					quotes = i
				}
				break markers
			}
			i = j
		case (c == '-' || c == '+' || c == '*') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			j, w := spaces(line, i+1)
			if !blank(line[j:]) {
				set(startsItem)
			}
			if w > 4 {
				i += 2
				break markers
			}
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j-i > 9 || j == len(line) || (line[j] != '.' && line[j] != ')') ||
				(j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t') {
				break markers
			}
			depth++
			k, w := spaces(line, j+1)
			if strings.TrimLeft(line[i:j], "0") == "1" && !blank(line[k:]) {
				set(startsItem)
			}
			if w > 4 {
				i = j + 2
				break markers
			}
			i = k
		case c == '[' && strings.HasPrefix(line[i:], "[^"):
			// A footnote's definition, "[^label]: …", holds blocks.
			j := strings.IndexByte(line[i+2:min(len(line), i+2+999)], ']')
			if j < 0 || !strings.HasPrefix(line[i+2+j:], "]:") || blank(line[i+2:i+2+j]) {
				break markers
			}
			if text < 0 {
				text = i
			}
			depth++
			i, _ = spaces(line, i+2+j+2)
		case c == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			// A definition's description, ": …", holds blocks too.
			if text < 0 {
				text = i
			}
			depth++
			i, _ = spaces(line, i+1)
		case c == '#':
			j := i
			for j < len(line) && line[j] == '#' {
				j++
			}
			if j-i <= 6 && (j == len(line) || line[j] == ' ' || line[j] == '\t') {
				set(startsHeading)
			}
			break markers
		default:
			break markers
		}
	}
	if inQuotes {
		quotes = i
	}
	if text >= 0 {
		return text, quotes, depth, starts
	}
	return i, quotes, depth, starts
}

// setextUnderline reports whether line is made of "=" or of "-" only (and
// spaces after them): under a paragraph, it makes that a heading.
func setextUnderline(line string) bool {
	line = strings.TrimRight(line, " \t\r")
	if line == "" || line[0] != '=' && line[0] != '-' {
		return false
	}
	return strings.Count(line, line[:1]) == len(line)
}

// spaces skips the spaces and tabs of line from i, returning where they
// end and how many columns they take (a tab reaching the next multiple of
// four).
func spaces(line string, i int) (int, int) {
	w := 0
	for ; i < len(line); i++ {
		switch line[i] {
		case ' ':
			w++
		case '\t':
			w += 4 - w%4
		default:
			return i, w
		}
	}
	return i, w
}

// tableColumns returns how many columns a line made of "|", "-", ":" and
// spaces has, as a table's delimiter row (|---|:--:|), or 0 if it is not
// one.
func tableColumns(line string) int {
	pipes, dashes := 0, false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '|':
			pipes++
		case '-':
			dashes = true
		case ':', ' ', '\t', '\r':
		default:
			return 0
		}
	}
	if !dashes {
		return 0
	}
	return pipes + 1
}

func blank(s string) bool {
	return strings.Trim(s, " \t\r") == ""
}

func isLetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isPunct reports whether c is ASCII punctuation, which a backslash escapes.
func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// isDefinition reports whether line starts like a link reference
// definition: "[label]:", the label at most 999 bytes.
func isDefinition(line string) bool {
	end := strings.IndexByte(line[1:min(len(line), 1001)], ']')
	return end >= 0 && strings.HasPrefix(line[1+end:], "]:")
}
