package markdown

import (
	"fmt"
	"unicode/utf8"
)

// goldmark (v1.8.7, which Hugo uses too) cannot be cancelled, and many
// inputs make it work quadratically: 100 KB of "[](" takes 6 s of processor
// time to parse, 100 KB of ">" 7 s, of "'" 3 s, of unmatched "_" and "*"
// 2.5 s, and a table header of 500 columns over short rows 4 s, against
// 15 to 20 ms for a plain 100 KB article. OverLimit refuses such texts in
// one linear pass, before anything parses them, from an estimate of the
// work goldmark would do (see scan), so that what it lets through takes at
// most about 65 ms to check on this project's server.

// MaxLength is the most characters a Markdown text may have: the longest
// field (an article's body) holds 100,000.
const MaxLength = 100_000

// MaxNesting is the most block quotes and lists a line may sit in.
const MaxNesting = 32

// maxWork bounds the estimated work of parsing a text, in units of roughly
// a nanosecond (measured on this project's 2-core server: 1.1 to 2.3 ns a
// unit): about 40 to 90 ms, against 15 to 20 ms for a plain 100 KB article.
const maxWork = 40_000_000

// Weights of the work units, from profiles of goldmark v1.8.7.
const (
	workPerBracket     = 800  // a "[" is tried by the link, footnote and task list parsers
	workPerSpan        = 4    // a "]" walks the nodes since its "[" (containsLink)
	workPerWalk        = 20   // a link walks back over its siblings to the last open "*", "_" or "~"
	workPerAddress     = 4    // a link address is read a byte at a time (parseLinkDestination)
	workPerLineWalk    = 4    // a "]" walks the paragraph's lines after its "[" (blockReader.Value)
	workPerCodeLine    = 200  // an unclosed "`" allocates a node per following line
	workPerDelim       = 10   // a closing "*", "_" or "~" looks back at each earlier one
	workPerCell        = 250  // a table cell, typed or added to fill a short row
	workPerEscapedPipe = 4    // an escaped "|" is looked up for each other one
	workPerTag         = 5000 // a "<" before a letter runs the raw HTML expressions
	workPerHeading     = 4000 // a heading gets an id, unique in the text
	workPerOpenBlank   = 300  // a blank line continues each open list
)

// ProblemTooLong refuses a text over MaxLength characters.
const ProblemTooLong Problem = "Nội dung quá dài: tối đa 100.000 ký tự. Hãy rút gọn, hoặc tách thành nhiều bài."

// work kinds, each with its explanation to staff.
const (
	workLinks = iota
	workCode
	workEmphasis
	workRuns
	workTable
	workAutolinks
	workTags
	workHeadings
	workReferences
	workBlankLines
	workKinds
)

var workProblems = [workKinds]string{
	workLinks:      "Đoạn văn bắt đầu ở dòng %d có quá nhiều dấu ngoặc [ ] ( ) lồng nhau hoặc chưa đóng, nên không kiểm tra được. Hãy xóa các dấu [ ] ( ) thừa, viết mỗi liên kết đủ dạng [chữ](địa chỉ), hoặc chia đoạn văn dài bằng một dòng trống.",
	workCode:       "Đoạn văn bắt đầu ở dòng %d có quá nhiều dấu ` chưa đóng, nên không kiểm tra được. Hãy xóa các dấu ` thừa, hoặc đóng mỗi đoạn mã bằng đúng số dấu ` đã mở.",
	workEmphasis:   "Đoạn văn bắt đầu ở dòng %d có quá nhiều dấu *, _ hoặc ~ (chữ đậm, nghiêng, gạch ngang) không thành cặp, nên không kiểm tra được. Hãy xóa các dấu thừa, hoặc chia đoạn văn dài bằng một dòng trống.",
	workRuns:       "Đoạn văn bắt đầu ở dòng %d có một dãy quá dài các dấu ' hoặc \" hoặc ~ viết liền nhau, nên không kiểm tra được. Hãy xóa bớt các dấu đó.",
	workTable:      "Bảng bắt đầu ở dòng %d có quá nhiều ô, nên không kiểm tra được. Hãy bớt số cột (mỗi dòng của bảng có bấy nhiêu ô như dòng gạch ngang |---|), hoặc tách thành nhiều bảng nhỏ.",
	workAutolinks:  "Đoạn văn bắt đầu ở dòng %d có quá nhiều địa chỉ web (www., http://) viết liền với các ký tự khác, nên không kiểm tra được. Hãy thêm dấu cách trước và sau mỗi địa chỉ, hoặc viết thành liên kết [chữ](địa chỉ).",
	workTags:       "Nội dung có quá nhiều dấu < đứng ngay trước chữ (trông như thẻ HTML, từ dòng %d), nên không kiểm tra được. Hãy xóa các dấu < thừa hoặc thêm dấu cách sau chúng.",
	workReferences: "Định nghĩa liên kết ở dòng %d ([nhãn]: địa chỉ) quá dài so với số lần nó được dùng lại, nên không kiểm tra được. Hãy rút ngắn địa chỉ, hoặc viết mỗi liên kết đủ dạng [chữ](địa chỉ).",
	workBlankLines: "Danh sách hoặc trích dẫn lồng nhiều cấp ở dòng %d có quá nhiều dòng trống sau nó, nên không kiểm tra được. Hãy xóa bớt các dòng trống thừa.",
	workHeadings:   "Nội dung có quá nhiều tiêu đề (dòng bắt đầu bằng # hoặc gạch dưới bằng === hay ---, từ dòng %d), nên không kiểm tra được. Hãy bớt tiêu đề, hoặc tách thành nhiều bài.",
}

// OverLimit returns why src may not be parsed: longer than MaxLength
// characters, lines nested deeper than MaxNesting, or an estimated parse
// over the work budget; "" when it is within the limits. It reads src once,
// in time linear in its length.
func OverLimit(src string) Problem {
	if len(src) > MaxLength && utf8.RuneCountInString(src) > MaxLength {
		return ProblemTooLong
	}
	var s scan
	s.run(src)
	if s.deepest > MaxNesting {
		return Problem(fmt.Sprintf("Dòng %d lồng nhau quá %d cấp (trích dẫn >, danh sách -, *, 1., chú thích [^…]: hoặc thụt đầu dòng mỗi 4 dấu cách là một cấp). Hãy bớt các dấu đó ở đầu dòng, hoặc bớt khoảng trắng thụt vào.",
			s.deepestLine, MaxNesting))
	}
	if s.total() <= maxWork {
		return ""
	}
	worst := 0
	for k := range s.work {
		if s.work[k] > s.work[worst] {
			worst = k
		}
	}
	return Problem(fmt.Sprintf(workProblems[worst], s.worstLine[worst]))
}
