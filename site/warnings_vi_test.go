package site

import (
	"strings"
	"testing"
)

// TestViWarnings: Hugo's warnings reach staff in Vietnamese, each said
// once with its count; one Hugo gives that is not known is counted, never
// shown in English.
func TestViWarnings(t *testing.T) {
	log := strings.Join([]string{
		`WARN  found no layout file for "html" for kind "taxonomy": You should create a template file which matches Hugo Layouts Lookup Rules for this combination.`,
		`WARN  Raw HTML omitted while rendering "/tin-tuc/le-ra-mat/index.md"; see https://gohugo.io/getting-started/configuration-markup/#rendererunsafe`,
		`You can suppress this warning by adding the following to your project configuration:`,
		`ignoreLogs = ['warning-goldmark-raw-html']`,
		`WARN  Raw HTML omitted while rendering "/tin-tuc/le-ra-mat/index.md"; see https://gohugo.io/getting-started/configuration-markup/#rendererunsafe`,
		`WARN  .Site.Data was deprecated in Hugo v0.156.0 and will be removed in a future release. Use hugo.Data instead.`,
		`WARN  Something Hugo says that nobody mapped yet`,
		`ERROR render of "/vinh-danh/a/" failed: template: x.html:3:4: boom`,
		`WARN  Ảnh bìa của bài “Lễ ra mắt” thiếu mô tả.`,
	}, "\n")
	got := viWarnings(log)
	for _, want := range []string{
		"Mẫu giao diện thiếu: không có mẫu cho loại trang “taxonomy” (định dạng “html”)",
		"Trang “/tin-tuc/le-ra-mat/index.md”: đoạn mã HTML trong nội dung đã bị bỏ qua",
		"(2 lần)",
		"chức năng cũ của Hugo (.Site.Data, bỏ từ phiên bản v0.156.0)",
		"có 1 cảnh báo kỹ thuật khác",
		"Ảnh bìa của bài “Lễ ra mắt” thiếu mô tả.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the warnings lack %q:\n%s", want, got)
		}
	}
	for _, english := range []string{"You can suppress", "ignoreLogs", "nobody mapped", "found no layout", "boom", "WARN"} {
		if strings.Contains(got, english) {
			t.Errorf("the warnings show %q:\n%s", english, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 5 {
		t.Errorf("%d lines, want 5:\n%s", n, got)
	}
	if viWarnings("") != "" || viWarnings("INFO  build took 1s\n") != "" {
		t.Error("no warning should say nothing")
	}
}
