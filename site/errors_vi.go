package site

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/daison/portal/site/export"
)

// What staff see of a failed build (Report.Error, on the dashboard) is a
// Vietnamese sentence saying which step failed: never Hugo's English or a
// path on the server. The error itself, with every detail, goes to the
// portal's log (PocketBase's logs, which IT reads).

// stageError is a build step's failure: vi is what staff are told.
type stageError struct {
	vi  string
	err error
}

func (e *stageError) Error() string { return e.vi + ": " + e.err.Error() }
func (e *stageError) Unwrap() error { return e.err }

// failStep wraps a step's error with what staff are told of it (a whole
// Vietnamese sentence without server paths).
func failStep(vi string, err error) error {
	if err == nil {
		return nil
	}
	return &stageError{vi: vi, err: err}
}

// hugoError is an error Hugo itself reported (as text, from its worker
// process), with the errors it logged (a template's errorf, an image it
// could not process): "logged 1 error(s)" says nothing by itself.
type hugoError struct {
	msg, log string
	// failures are the pages the build failed on, as the worker read them;
	// stalled says Hugo stopped after too many (and named none).
	failures []pageFailure
	stalled  bool
}

func (e *hugoError) Error() string {
	if e.log == "" {
		return e.msg
	}
	return e.msg + "\n" + e.log
}

// hugoFailure is the worker's answer to a failed build as an error.
func hugoFailure(msg, log string) *hugoError {
	var errs []string
	for _, line := range strings.Split(log, "\n") {
		if strings.HasPrefix(line, "ERROR") {
			errs = append(errs, line)
		}
	}
	return &hugoError{msg: msg, log: strings.Join(errs, "\n")}
}

// logDetail ends every message to staff.
const logDetail = " Chi tiết kỹ thuật đã được ghi vào nhật ký hệ thống."

var (
	// templateAt finds the template and line of a template error (the last
	// is the innermost: the partial that failed).
	templateAt = regexp.MustCompile(`template: ([A-Za-z0-9_./-]+\.[a-z]+):(\d+):\d+`)
	// contentPage finds a content file in a Hugo error.
	contentPage = regexp.MustCompile(`/content/((?:[a-z0-9-]+/)*)(?:index|_index)\.md`)
)

// staffError is the message staff are told of a failed build.
func staffError(err error) string {
	var st *stageError
	if errors.As(err, &st) {
		return st.vi + logDetail
	}
	var he *hugoError
	if errors.As(err, &he) {
		return hugoStaffError(he.Error())
	}
	return "Dựng trang thất bại do lỗi của máy chủ." + logDetail
}

// hugoStaffError tells what Hugo's error msg is about: the disk, or the
// template and the page it failed on.
func hugoStaffError(msg string) string {
	switch {
	case strings.Contains(msg, errBudget.Error()):
		return "Bản dựng dừng lại vì ổ đĩa sắp đầy, để chừa chỗ cho cơ sở dữ liệu. Hãy báo bộ phận kỹ thuật giải phóng dung lượng." + logDetail
	case strings.Contains(msg, writeFailed):
		return "Không ghi được các trang của bản dựng ra ổ đĩa. Hãy báo bộ phận kỹ thuật." + logDetail
	case strings.Contains(msg, errStalled.Error()):
		return "Rất nhiều trang không dựng được nên chương trình dựng trang (Hugo) đã dừng. Nếu vừa sửa giao diện, hãy báo bộ phận kỹ thuật xem lại mẫu giao diện vừa sửa." + logDetail
	}
	var b strings.Builder
	b.WriteString("Chương trình dựng trang (Hugo) báo lỗi")
	if ms := templateAt.FindAllStringSubmatch(msg, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		b.WriteString(" ở mẫu giao diện “" + m[1] + "”, dòng " + m[2])
	}
	if m := contentPage.FindStringSubmatch(msg); m != nil && !strings.HasPrefix(m[1], export.RedirectSection+"/") {
		if m[1] == "" {
			b.WriteString(" khi dựng trang chủ")
		} else {
			b.WriteString(" khi dựng trang “/" + m[1] + "”")
		}
	}
	b.WriteString(". Nếu vừa sửa giao diện, hãy báo bộ phận kỹ thuật; nếu vừa sửa nội dung, hãy xem lại nội dung đó." + logDetail)
	return b.String()
}

// stripPaths takes the server's folders (roots: the build's source and
// site folders) out of Hugo's warnings, so that staff see a file's place
// in the site ("content/tin-tuc/…/index.md") and nothing of the server.
func stripPaths(s string, roots ...string) string {
	for _, r := range roots {
		if r = strings.TrimSuffix(r, string(filepath.Separator)); r != "" {
			s = strings.ReplaceAll(s, r+string(filepath.Separator), "")
		}
	}
	return s
}

// viDuration writes a timeout in Vietnamese: "3 phút", "90 giây".
func viDuration(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d phút", d/time.Minute)
	}
	return fmt.Sprintf("%d giây", (d+time.Second/2)/time.Second)
}
