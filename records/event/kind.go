// Package event is the kind of public record of the movement's meetings
// (sự kiện: sơ kết, tổng kết and the like): its descriptor, its typed
// record, its form in the back office and its page (/su-kien/<slug>/) with
// the day, the place, an optional photo and what was said.
package event

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/record"
)

// Collection is the collection of events.
const Collection = "events"

// Kind describes events.
var Kind = &record.Kind{
	Collection:   Collection,
	Section:      "su-kien",
	Noun:         "sự kiện",
	Label:        "Sự kiện",
	TitleField:   "title",
	Texts:        map[string]check.Kind{"summary": check.Markdown},
	SlugSource:   slugSource,
	SlugFallback: "su-kien",
	Linkable:     true,
	Editors:      []string{schema.RoleEditor, schema.RoleReviewer},
	Publishers:   []string{schema.RoleEditor, schema.RoleReviewer},
	Images:       []record.ImageField{{Name: "photo", Label: "Ảnh"}},
	Ahead:        true,
	Search:       &record.Search{Label: "Sự kiện", Rank: 7, Dated: true, Map: searchText},
	Export:       export,
	Form:         form,
	Sample:       sample,
}

// form is the back office's form of an event.
var form = &record.Form{
	Path: "su-kien", Title: "Sự kiện", One: "sự kiện", NewLabel: "Thêm sự kiện",
	Search: []string{"title", "place"},
	Column: record.Column{Field: "place", Label: "Địa điểm"},
	Fields: []record.FormField{
		{Name: "title", Label: "Tên sự kiện", Widget: "text", Hint: "Ví dụ: Hội nghị sơ kết 6 tháng đầu năm phong trào thi đua cải cách hành chính."},
		{Name: "date", Label: "Ngày diễn ra", Widget: "date"},
		{Name: "place", Label: "Địa điểm", Widget: "text", Hint: "Ví dụ: Hội trường UBND xã."},
		{Name: "summary", Label: "Nội dung", Widget: "markdown", Hint: "Thành phần dự, kết quả đánh giá, nhiệm vụ thời gian tới. Dùng các nút phía trên ô để định dạng; không dùng mã HTML."},
		{Name: "photo", Label: "Ảnh", Widget: "image", Hint: "Không bắt buộc. Ảnh JPEG, PNG hoặc WebP, tối đa 25 MB; được xoay đúng chiều, thu nhỏ và bỏ thông tin vị trí chụp."},
		{Name: "photoAlt", Label: "Mô tả ảnh", Widget: "text", Hint: "Cho người không xem được ảnh: trong ảnh có gì."},
		{Name: "slug", Label: "Địa chỉ trang", Widget: "slug", Hint: "Để trống thì hệ thống tự tạo từ tên sự kiện. Chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang."},
	},
}

// slugSource: an event's page is named after its title.
func slugSource(_ core.App, r *core.Record) string { return Of(r).Title() }

// sample is an event that may be saved and published.
func sample(n int) map[string]any {
	return map[string]any{"title": fmt.Sprintf("Hội nghị thử số %d", n), "date": "2026-07-10 01:00:00.000Z", "place": "Hội trường UBND xã"}
}
