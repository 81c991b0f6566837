package markdown

import (
	"sort"
	"strings"
)

// openBlocks follows the lists left open: each blank line continues every
// one (at workPerOpenBlank each), and only a line after a blank one closes
// those it is not indented enough to be in, which is at least two columns
// a list. depth is the line's from prefix.
func (s *scan) openBlocks(line string, depth int) {
	if blank(line) {
		s.work[workBlankLines] += workPerOpenBlank * int64(s.open)
		s.blankBefore = true
		return
	}
	_, indent := spaces(line, 0)
	nest := depth - indent/4 + (indent+1)/2
	if s.blankBefore || nest > s.open {
		s.open, s.openLine = nest, s.line
	}
	s.blankBefore = false
}

// settleLabels charges the footnote labels waiting, which end at i.
func (s *scan) settleLabels(i int) {
	for _, p := range s.toClose {
		s.address += int64(min(i-p, 999))
	}
	s.toClose = s.toClose[:0]
}

// linkify charges the linkify expressions for an address starting at
// line[i], if one does: they match up to 256 bytes of domain characters
// with as many threads.
func (s *scan) linkify(line string, i int) {
	rest := line[i:]
	var n int
	switch {
	case strings.HasPrefix(rest, "www."):
		n = 4
	case strings.HasPrefix(rest, "http://"):
		n = 7
	case strings.HasPrefix(rest, "https://"):
		n = 8
	default:
		return
	}
	from := i + n
	if from >= s.domainEnd {
		s.domainEnd = from
		for s.domainEnd < len(line) && isDomainChar(line[s.domainEnd]) {
			s.domainEnd++
		}
	}
	s.autolinks += 256 * int64(min(s.domainEnd-from, 256))
}

// settle charges the link addresses waiting in *list that end at i: all of
// them when parens is -1, otherwise those that began inside more
// parentheses than the line now has (they are the last ones of the list).
func (s *scan) settle(list *[]address, i, parens int) {
	l := *list
	n := len(l)
	for n > 0 && (parens < 0 || l[n-1].parens > parens) {
		n--
		s.address += int64(i - l[n].pos)
	}
	*list = l[:n]
}

// codeSpans returns the work of the chunk's code spans, which ends at
// offset end. A run of n backticks (less one after a backslash, which makes
// it text) opens a code span that the next run of exactly n closes, read as
// it is (a backslash escapes nothing inside); parsing goes on after the
// closer. Without one, the opener is searched for to the chunk's end.
func (s *scan) codeSpans(end int) int64 {
	byLength := map[int][]int{} // the indexes of the runs of each length
	for i, t := range s.ticks {
		byLength[t.n] = append(byLength[t.n], i)
	}
	var w int64
	for i := 0; i < len(s.ticks); i++ {
		t := s.ticks[i]
		n, pos := t.n, t.pos
		if t.escaped {
			n, pos = n-1, pos+1
		}
		if n == 0 {
			continue
		}
		runs := byLength[n]
		if k := sort.SearchInts(runs, i+1); k < len(runs) {
			i = runs[k]
			continue
		}
		w += int64(end-pos) + workPerCodeLine*int64(s.lines-t.line)
	}
	return w
}
