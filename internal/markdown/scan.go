package markdown

import "strings"

// scan estimates, in one pass, the work goldmark v1.8.7 does on a text
// where that work can grow faster than the text. Inline parsing works
// paragraph by paragraph, so scan cuts the text into chunks that hold at
// least one whole paragraph each (a chunk ends at a blank line, a heading
// or a list item, where a paragraph always ends) and charges each chunk:
//
//   - each "]" closing a "[": workPerSpan for each inline node between
//     them (which linkParser.containsLink walks) and, when a run of "*",
//     "_" or "~" is in between, workPerWalk for each node back to the
//     chunk's start (ProcessDelimiters and ClearDelimiters walk back to the
//     last delimiter still open before the "[", their "bottom", or to the
//     paragraph's start when there is none: which one, a scan cannot
//     tell, a "*" in an earlier link's address is none), workPerLineWalk for each line of the chunk from the "[" on
//     (blockReader.Value), and after "](" workPerAddress for each byte of
//     the address, up to the next space or unmatched ")", or after "](<"
//     up to the next ">" (parseLinkDestination);
//   - each backtick run no later run of its length closes: the rest of the
//     chunk, and workPerCodeLine for each of its lines (codeSpanParser);
//   - its runs of "*", "_" and "~": workPerDelim times the number of those
//     that may close times the number of all (ProcessDelimiters looks back
//     from each closer over every earlier run);
//   - a line looking like a table's |---| row: workPerCell for as many
//     cells as it has columns, on it and each later line of the chunk
//     (short rows are filled up); and workPerEscapedPipe for each escaped
//     "\|" of the text times their number (the table extension looks up
//     every one of them in each cell holding one);
//   - each run of n quotes (' or ") or "~": n²/2 (the typographer and the
//     strikethrough extension read the rest of the run at each of them);
//   - each "[": workPerBracket; and after "[^", or "!", a character and
//     "^" (a footnote), workPerAddress for each byte up to the next "]",
//     at most 999 (footnoteParser reads the label), and workPerLineWalk for
//     each line of the chunk from there on (blockReader.Value);
//   - each "www.", "http://" or "https://": 256 for each of the next 256
//     bytes that may be in a domain name (the linkify expressions try every
//     length of it);
//   - each "<" before a letter, "/", "!" or "?": workPerTag;
//   - each heading: workPerHeading;
//   - each blank line, workPerOpenBlank for each list that may be open;
//   - and for the whole text, each "]" closing a "[" times the longest link
//     reference definition ("[label]: address", to its chunk's end): a
//     reference link copies its definition's address and title, so that
//     Check reads them and Render writes them once for each.
//
// It also measures each line's nesting: the markers of the block quotes,
// list items, footnotes and definitions that open it plus a level for every
// four columns of indentation (each open block is continued on every line,
// at a cost growing with its depth).
type scan struct {
	work      [workKinds]int64
	worstLine [workKinds]int // the line starting the chunk that cost most, by kind
	worstWork [workKinds]int64

	deepest, deepestLine int

	pipes     int64 // escaped "|" in the text
	pipesLine int   // the line of the first

	open        int  // how many lists and quotes may be open, at most
	openLine    int  // the line that opened them
	blankBefore bool // whether the line before was blank

	allCloses         int64 // "]" closing a "[" in the text
	maxRef            int64 // bytes from the start of a link reference definition to its chunk's end, at most
	maxRefLine        int
	refStart, refLine int // where the chunk's first definition starts, or -1

	// The current chunk.
	line         int // number of the line being read, from 1
	startLine    int
	lines        int // lines in the chunk so far
	opens        []opener
	closes       int64 // "]" that closed a "[" in the chunk
	closeFrom    int64 // sum of the chunk line indexes of their "["
	spans        int64 // nodes between each "[" and its "]"
	walks        int64 // nodes walked back by links to their bottoms
	address      int64 // bytes of link addresses
	ticks        []tickRun
	nodes        int64 // inline nodes in the chunk so far: lines and special characters
	lastRun      int64 // the node of the last run of "*", "_" or "~", or -1
	delims       int64 // runs of "*", "_" and "~"
	closers      int64 // those of them that may close
	runs         int64 // work of runs of quotes and "~"
	cols         int64 // columns of the widest |---| row seen in the chunk
	cells        int64
	tags         int64
	headings     int64
	brackets     int64     // "["
	autolinks    int64     // work of the linkify expressions
	domainEnd    int       // where the run of domain characters last measured ends
	toClose      []int     // footnote labels ending at the next "]"
	footnotes    int64     // footnote labels read (each walks the lines after it, like a "]")
	footnoteFrom int64     // the sum of the chunk line indexes they are on
	parens       int       // "(" less ")" so far on the line
	toSpace      []address // link addresses ending at a space or an unmatched ")"
	toAngle      []address // link addresses ending at the next ">"
}

// address is where a link address starts, and the line's parenthesis
// depth inside it.
type address struct{ pos, parens int }

// opener is a "[": its node, and the line of its chunk it is on.
type opener struct {
	node int64
	line int
}

// tickRun is a run of n backticks at pos, on a line of its chunk; escaped
// when a backslash is before it.
type tickRun struct {
	pos, line, n int
	escaped      bool
}

func (s *scan) total() int64 {
	var t int64
	for _, w := range s.work {
		t += w
	}
	return t
}

func (s *scan) run(src string) {
	s.startLine, s.lastRun, s.refStart = 1, -1, -1
	for pos := 0; pos <= len(src); {
		end := strings.IndexByte(src[pos:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += pos
		}
		s.line++
		s.readLine(src, pos, end)
		pos = end + 1
	}
	s.endChunk(len(src))
	s.work[workTable] += workPerEscapedPipe * s.pipes * s.pipes
	s.work[workReferences] = s.maxRef * s.allCloses
	s.worstLine[workBlankLines] = s.openLine
	s.worstLine[workReferences] = s.maxRefLine
	if s.pipes > 0 && s.worstLine[workTable] == 0 {
		s.worstLine[workTable] = s.pipesLine
	}
}

// readLine reads the line src[pos:end].
func (s *scan) readLine(src string, pos, end int) {
	line := src[pos:end]
	content, quotes, depth, starts := prefix(line)
	if depth > s.deepest {
		s.deepest, s.deepestLine = depth, s.line
	}
	s.openBlocks(line, depth)
	rest := line[content:]
	if blank(rest) && !blank(line[quotes:]) {
		// An empty list item may not interrupt a paragraph: after one, its
		// marker is text ("*" a run of emphasis).
		content, rest = quotes, line[quotes:]
	}
	if blank(rest) || starts != startsNothing {
		s.endChunk(pos)
		s.startLine = s.line
		if blank(rest) {
			s.startLine = s.line + 1
			return
		}
	}
	if starts == startsHeading || s.lines > 0 && setextUnderline(rest) {
		s.headings++
	}
	s.lines++
	s.nodes++
	if s.cols > 0 {
		s.cells += s.cols
	}
	if n := tableColumns(rest); n > 0 {
		s.cols = max(s.cols, int64(n))
		s.cells += s.cols
	}
	at := s.lines - 1
	s.parens = 0
	if rest[0] == '[' && s.refStart < 0 && isDefinition(rest) {
		s.refStart, s.refLine = pos+content, s.line
	}
	escapedTick := -1
	for i := pos + content; i < end; i++ {
		switch c := src[i]; c {
		case '\\':
			if i+1 < end && src[i+1] == '`' {
				escapedTick = i + 1 // a run of backticks follows, its first one text
			} else if i+1 < end && isPunct(src[i+1]) {
				s.nodes++
				i++
				if src[i] == '|' {
					if s.pipes == 0 {
						s.pipesLine = s.line
					}
					s.pipes++
				}
			}
		case ' ', '\t', '\r', '\v', '\f':
			s.settle(&s.toSpace, i, -1)
		case '(':
			s.parens++
		case ')':
			s.parens--
			s.settle(&s.toSpace, i, s.parens)
		case '>':
			s.settle(&s.toAngle, i, -1)
		case '[':
			s.brackets++
			s.nodes++
			s.opens = append(s.opens, opener{s.nodes, at})
		case '^':
			// footnoteParser reads a label after "[^", and after "!" and
			// any character before "^".
			if i > pos+content && src[i-1] == '[' || i > pos+content+1 && src[i-2] == '!' {
				s.toClose = append(s.toClose, i)
				s.footnotes++
				s.footnoteFrom += int64(at)
			}
		case 'w', 'h':
			s.linkify(src[:end], i)
		case ']':
			s.settleLabels(i)
			if len(s.opens) == 0 {
				continue
			}
			o := s.opens[len(s.opens)-1]
			s.opens = s.opens[:len(s.opens)-1]
			s.nodes++
			s.spans += s.nodes - o.node
			if s.lastRun > o.node {
				s.walks += s.nodes
			}
			s.closes++
			s.allCloses++
			s.closeFrom += int64(o.line)
			if i+1 < end && src[i+1] == '(' {
				s.parens++
				j := i + 2
				for j < end && (src[j] == ' ' || src[j] == '\t') {
					j++
				}
				if j < end && src[j] == '<' {
					s.toAngle = append(s.toAngle, address{j, s.parens})
				} else {
					s.toSpace = append(s.toSpace, address{j, s.parens})
				}
				i = j - 1
			}
		case '`':
			j := i
			for j < end && src[j] == '`' {
				j++
			}
			s.nodes++
			s.ticks = append(s.ticks, tickRun{i, at, j - i, i == escapedTick})
			i = j - 1
		case '\'', '"':
			j := i
			for j < end && src[j] == c {
				j++
			}
			s.runs += int64(j-i) * int64(j-i-1) / 2
			s.nodes++
			i = j - 1
		case '*', '_', '~':
			j := i
			for j < end && src[j] == c {
				j++
			}
			if c == '~' {
				s.runs += int64(j-i) * int64(j-i-1) / 2
			}
			s.delims++
			s.nodes++
			s.lastRun = s.nodes
			if mayClose(src, i, j) {
				s.closers++
			}
			i = j - 1
		case '<':
			if i+1 < end && (isLetter(src[i+1]) || strings.IndexByte("/!?", src[i+1]) >= 0) {
				s.tags++
			}
			s.nodes++
		}
	}
	s.settle(&s.toSpace, end, -1)
	s.settle(&s.toAngle, end, -1)
	s.settleLabels(end)
}

// endChunk charges the chunk ending at offset end and starts a new one.
func (s *scan) endChunk(end int) {
	lines := int64(s.lines)
	var w [workKinds]int64
	w[workLinks] = workPerSpan*s.spans + workPerWalk*s.walks + workPerAddress*s.address +
		workPerLineWalk*(s.closes*lines-s.closeFrom+s.footnotes*lines-s.footnoteFrom)
	w[workCode] = s.codeSpans(end)
	if s.refStart >= 0 && int64(end-s.refStart) > s.maxRef {
		s.maxRef, s.maxRefLine = int64(end-s.refStart), s.refLine
	}
	w[workEmphasis] = workPerDelim * s.closers * s.delims
	w[workRuns] = s.runs
	w[workTable] = workPerCell * s.cells
	w[workLinks] += workPerBracket * s.brackets
	w[workAutolinks] = s.autolinks
	w[workTags] = workPerTag * s.tags
	w[workHeadings] = workPerHeading * s.headings
	for k, v := range w {
		s.work[k] += v
		if v > s.worstWork[k] {
			s.worstWork[k], s.worstLine[k] = v, s.startLine
		}
	}
	s.lines, s.closes, s.closeFrom, s.spans, s.walks, s.address, s.nodes = 0, 0, 0, 0, 0, 0, 0
	s.opens, s.ticks = s.opens[:0], s.ticks[:0]
	s.delims, s.closers, s.runs, s.cols, s.cells, s.tags, s.headings = 0, 0, 0, 0, 0, 0, 0
	s.lastRun, s.brackets, s.autolinks, s.domainEnd = -1, 0, 0, 0
	s.toClose, s.footnotes, s.footnoteFrom = s.toClose[:0], 0, 0
	s.toSpace, s.toAngle = s.toSpace[:0], s.toAngle[:0]
	s.refStart = -1
}
