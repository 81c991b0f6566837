package site

import (
	"fmt"
	"regexp"
	"strings"
)

// What staff see of Hugo's warnings (Report.Warnings, on the dashboard) is
// Vietnamese: each warning Hugo is known to give becomes a sentence saying
// what it means for the site and who acts on it; any other is counted and
// left to the log, where the builder writes Hugo's own words for IT.

// hugoWarning is one kind of warning Hugo gives: the pattern of its
// message and the Vietnamese sentence it becomes (its submatches put in
// by number, $1…).
type hugoWarning struct {
	re *regexp.Regexp
	vi string
}

// hugoWarnings are the warnings Hugo v0.165 gives a site like the
// portal's (their messages in hugolib, markup/goldmark, common/hugo,
// resources/images, langs/i18n).
var hugoWarnings = []hugoWarning{
	{regexp.MustCompile(`^found no layout file for "([^"]*)"(?: for layout "[^"]*")? for kind "([^"]*)"`),
		`Mẫu giao diện thiếu: không có mẫu cho loại trang “$2” (định dạng “$1”), nên các trang ấy không được tạo. Hãy báo bộ phận kỹ thuật.`},
	{regexp.MustCompile(`^Raw HTML omitted while rendering "([^"]*)"`),
		`Trang “$1”: đoạn mã HTML trong nội dung đã bị bỏ qua (nội dung không được dùng mã HTML). Hãy sửa nội dung của trang đó.`},
	{regexp.MustCompile(`^(.+?) was deprecated in Hugo (v?[0-9.]+) and (?:will be|subsequently) removed`),
		`Mẫu giao diện dùng chức năng cũ của Hugo ($1, bỏ từ phiên bản $2). Trang vẫn dựng được; hãy báo bộ phận kỹ thuật cập nhật mẫu giao diện.`},
	{regexp.MustCompile(`^Duplicate target paths:\s*(.*)`),
		`Có hai trang cùng một địa chỉ ($1): chỉ một trang được giữ. Hãy đổi địa chỉ trang (slug) của một trong hai.`},
	{regexp.MustCompile(`^Unable to decode (?:Exif )?metadata from image: (.+)`),
		`Không đọc được thông tin kèm theo (EXIF) của ảnh “$1”; ảnh vẫn được dùng.`},
	{regexp.MustCompile(`^i18n\|MISSING_TRANSLATION\|([^|]*)\|(.+)`),
		`Mẫu giao diện thiếu câu chữ “$2” (ngôn ngữ $1): chỗ đó để trống. Hãy báo bộ phận kỹ thuật bổ sung.`},
	{regexp.MustCompile(`^Failed to get translated string for language "([^"]*)" and ID "([^"]*)"`),
		`Mẫu giao diện thiếu câu chữ “$2” (ngôn ngữ $1): chỗ đó để trống. Hãy báo bộ phận kỹ thuật bổ sung.`},
	{regexp.MustCompile(`^page "([^"]*)" has both draft and published settings`),
		`Trang “$1” vừa được đánh dấu nháp vừa xuất bản; trang được coi là bản nháp và không lên trang.`},
	{regexp.MustCompile(`^Template (\S+) is unused`),
		`Mẫu giao diện “$1” không được trang nào dùng.`},
	{regexp.MustCompile(`^Unable to convert taxonomy weight .* for "([^"]*)"`),
		`Trang “$1”: thứ tự trong nhóm phân loại không đọc được, trang được xếp theo mặc định.`},
	{regexp.MustCompile(`^File "([^"]*)" not found, skipping`),
		`Không thấy tệp “$1”: đã bỏ qua.`},
	{regexp.MustCompile(`^Skip unknown config key "([^"]*)"`),
		`Cấu hình trang (hugo.toml) có mục “$1” không dùng được: đã bỏ qua. Hãy báo bộ phận kỹ thuật.`},
}

// hugoLevel finds the start of an entry of Hugo's log: "WARN  …",
// "ERROR …", "INFO  …".
var hugoLevel = regexp.MustCompile(`^(WARN|ERROR|INFO)\s+(.*)$`)

// viWarnings turns Hugo's warnings (its log of a build, the server's
// folders already stripped) into Vietnamese sentences, one a line; the
// same sentence is said once, with how many times it came. Entries Hugo
// writes on several lines ("You can suppress this warning…") are read
// whole; its errors are the build's failed pages, told apart.
func viWarnings(log string) string {
	var entries []string
	for _, line := range strings.Split(log, "\n") {
		line = strings.TrimRight(line, " \r")
		if m := hugoLevel.FindStringSubmatch(line); m != nil {
			if m[1] == "WARN" {
				entries = append(entries, m[2])
			} else {
				entries = append(entries, "") // not a warning: ends the one before
			}
			continue
		}
		// A line of the entry before (its advice on ignoreLogs adds
		// nothing for staff).
	}
	var order []string
	count := map[string]int{}
	other := 0
	for _, msg := range entries {
		if msg == "" {
			continue
		}
		vi := viWarning(msg)
		if vi == "" {
			other++
			continue
		}
		if count[vi] == 0 {
			order = append(order, vi)
		}
		count[vi]++
	}
	var b strings.Builder
	for _, vi := range order {
		b.WriteString(vi)
		if n := count[vi]; n > 1 {
			fmt.Fprintf(&b, " (%d lần)", n)
		}
		b.WriteString("\n")
	}
	if other > 0 {
		fmt.Fprintf(&b, "Chương trình dựng trang (Hugo) có %d cảnh báo kỹ thuật khác; trang vẫn được dựng. Chi tiết đã được ghi vào nhật ký hệ thống để bộ phận kỹ thuật xem.\n", other)
	}
	return strings.TrimSpace(b.String())
}

// viWarning is the Vietnamese sentence of one warning of Hugo, or "" for
// one it does not know. A warning the theme itself gives (warnf) in
// Vietnamese is kept as it is.
func viWarning(msg string) string {
	msg = strings.TrimSpace(msg)
	for _, w := range hugoWarnings {
		if m := w.re.FindStringSubmatchIndex(msg); m != nil {
			return string(w.re.ExpandString(nil, w.vi, msg, m))
		}
	}
	if hasVietnamese(msg) {
		return msg
	}
	return ""
}

// hasVietnamese tells a sentence the theme wrote in Vietnamese from Hugo's
// English: it holds a Vietnamese letter.
func hasVietnamese(s string) bool {
	return strings.ContainsAny(strings.ToLower(s), "ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ")
}
