package export

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/records"
)

// Problem is something of a record the export left out of the site (the
// record's page still goes live), told to staff on the dashboard so that
// they can fix it. Message is a whole Vietnamese sentence; it names no
// server path.
type Problem struct {
	Collection string `json:"collection,omitempty"` // PocketBase collection; "" for the site as a whole
	ID         string `json:"id,omitempty"`         // the record's id
	Title      string `json:"title,omitempty"`      // the record's title or name
	Field      string `json:"field,omitempty"`      // the field whose file was left out
	File       string `json:"file,omitempty"`       // the stored file's name
	Message    string `json:"message"`
}

// RecordNoun names one record of a public collection in a sentence
// ("bài viết"), or "" for another collection.
func RecordNoun(collection string) string { return records.Noun(collection) }

// FieldLabel names an image field as the back office's forms do ("Ảnh
// bìa"), or "" for another field.
func FieldLabel(field string) string { return records.ImageLabel(field) }

// recordTitle is a record's title, or its name.
func recordTitle(r *core.Record) string {
	if t := r.GetString("title"); t != "" {
		return t
	}
	return r.GetString("name")
}

// imageProblem records that a record's image was left out, and why.
func (x *exporter) imageProblem(r *core.Record, field, stored string, s storedImage) {
	what := fmt.Sprintf("%s “%s” của %s “%s”", FieldLabel(field), stored, RecordNoun(r.Collection().Name), recordTitle(r))
	var msg string
	switch s.bad {
	case badTooBig:
		size := ""
		if s.width > 0 {
			size = fmt.Sprintf(" (%s × %s điểm ảnh)", vntext.GroupDigits(s.width), vntext.GroupDigits(s.height))
		}
		msg = fmt.Sprintf("%s quá lớn%s nên không được đưa lên trang; ảnh được tối đa %d triệu điểm ảnh và mỗi chiều %s điểm ảnh. Hãy thu nhỏ ảnh rồi tải lên lại.",
			what, size, imageLimits.MaxPixels/1_000_000, vntext.GroupDigits(imageLimits.MaxSide))
	case badMissing:
		msg = fmt.Sprintf("Không tìm thấy tệp của %s trong kho lưu trữ nên ảnh không được đưa lên trang; hãy tải ảnh lên lại.", lowerFirst(what))
	case badRead:
		msg = fmt.Sprintf("Không đọc được tệp của %s từ kho lưu trữ nên lần dựng này không đưa ảnh lên trang. Nếu lỗi lặp lại, hãy báo bộ phận kỹ thuật.", lowerFirst(what))
	case badHugo:
		msg = fmt.Sprintf("%s không xử lý được khi dựng trang nên không được đưa lên trang; hãy tải lên ảnh khác (JPEG hoặc PNG).", what)
	default:
		msg = fmt.Sprintf("%s bị hỏng nên không được đưa lên trang; hãy tải lên ảnh khác.", what)
	}
	x.addProblem(Problem{Collection: r.Collection().Name, ID: r.Id, Title: recordTitle(r), Field: field, File: stored, Message: msg})
}

func (x *exporter) addProblem(p Problem) {
	x.probMu.Lock()
	x.res.Problems = append(x.res.Problems, p)
	x.probMu.Unlock()
}

// sortProblems orders the problems by collection, title and file, so
// that the dashboard's list does not move from build to build.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Collection != b.Collection {
			return a.Collection < b.Collection
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.File < b.File
	})
}

// lowerFirst lower-cases a sentence's first letter, to use it inside
// another.
func lowerFirst(s string) string {
	for i, c := range s {
		return strings.ToLower(string(c)) + s[i+len(string(c)):]
	}
	return s
}
