package ops

import (
	"fmt"
	"strings"
	"time"

	"github.com/daison/portal/internal/schema"
)

// degraded says, for everyone, why the portal is degraded: which of its
// configured parts failed and, for the builds, since when (the site then
// serves its last good build); "" when none failed. The failures' own
// errors are for staff only (Part.Error).
func degraded(h partsHealth, failingSince time.Time, now time.Time) string {
	var why []string
	if h.Build.Configured && !h.Build.OK {
		s := "Dựng trang thất bại"
		if !failingSince.IsZero() {
			s += fmt.Sprintf(" liên tục từ %s (%d phút)", failingSince.In(schema.Vietnam).Format("15:04 02/01/2006"), int(now.Sub(failingSince).Minutes()))
		}
		why = append(why, s+": những gì cán bộ xuất bản chưa lên trang; trang công khai vẫn phục vụ bản dựng tốt gần nhất.")
	}
	for _, p := range []struct {
		part Part
		what string
	}{{h.Deploy, "Xuất bản lên kho lưu trữ (S3/CDN) thất bại."}, {h.Replication.Part, "Sao chép dữ liệu ra máy khác thất bại."}, {h.Backup.Part, "Sao lưu thất bại hoặc chưa có bản sao lưu mới."}, {h.Uploads, "Thiếu tệp tải lên của một số bản ghi: việc xuất bản lên kho tạm dừng."}} {
		if p.part.Configured && !p.part.OK {
			why = append(why, p.what)
		}
	}
	return strings.Join(why, " ")
}
