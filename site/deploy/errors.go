package deploy

import (
	"errors"
	"fmt"
)

// What can go wrong, each with the Vietnamese staff read on the dashboard.
var (
	errEmptyBuild = errors.New("bản dựng trống hoặc không có trang chủ")
	errOpen       = errors.New("không mở được kho lưu trữ (bucket)")
	errList       = errors.New("không đọc được danh sách tệp trong kho lưu trữ")
	errUpload     = errors.New("không tải lên được")
	errDelete     = errors.New("không xóa được")
	errPurge      = errors.New("không báo được CDN xóa bộ nhớ đệm")
)

// tooManyDeletes refuses a deploy that would delete more than the limit.
type tooManyDeletes struct {
	n, of int
	share float64
}

func (e *tooManyDeletes) Error() string {
	return fmt.Sprintf("bản dựng mới thiếu %d trong %d tệp đang có trên kho lưu trữ (quá %.0f%%): không xuất bản để tránh xóa nhầm trang; hãy kiểm tra bản dựng, hoặc chạy portal deploy --max-delete-share 1 nếu đúng là cần xóa",
		e.n, e.of, e.share*100)
}

// staffMessage is err for staff: the step that failed, in Vietnamese, and
// that the previous site stays; the technical cause goes to the log.
func staffMessage(err error) string {
	var tm *tooManyDeletes
	if errors.As(err, &tm) {
		return tm.Error()
	}
	for _, e := range []error{errEmptyBuild, errOpen, errList, errUpload, errDelete, errPurge} {
		if errors.Is(err, e) {
			return "Xuất bản lên kho lưu trữ thất bại: " + e.Error() + ". Trang cũ trên kho lưu trữ vẫn được giữ nguyên."
		}
	}
	return "Xuất bản lên kho lưu trữ thất bại. Trang cũ trên kho lưu trữ vẫn được giữ nguyên."
}
