package ops

import (
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// Part is the health of one part of the portal's service.
type Part struct {
	Configured bool      `json:"configured"`
	OK         bool      `json:"ok"`
	At         time.Time `json:"at,omitzero"`     // when it last ran
	Error      string    `json:"error,omitempty"` // why it failed, for staff only
}

// partsHealth is what /api/health reports besides PocketBase's fields.
type partsHealth struct {
	OK          bool `json:"ok"` // every configured part succeeded
	Build       Part `json:"build"`
	Deploy      Part `json:"deploy"`
	Replication Part `json:"replication"`
	Backup      Part `json:"backup"`
	// Uploads: every file a record names is in the file storage; while
	// one is missing, deploys to the bucket are held (ops/uploads.go).
	Uploads Part `json:"uploads"`
}

// backupState records the outcome of the last backup made by this process.
type backupState struct {
	mu   sync.Mutex
	last Part
}

// watchBackups records each backup's outcome (the daily one, the
// dashboard's, "portal backup").
func (s *backupState) watch(app core.App) {
	app.OnBackupCreate().BindFunc(func(e *core.BackupEvent) error {
		err := e.Next()
		p := Part{Configured: true, OK: err == nil, At: time.Now()}
		if err != nil {
			p.Error = "Sao lưu thất bại: " + err.Error()
		}
		s.mu.Lock()
		s.last = p
		s.mu.Unlock()
		return err
	})
}

func (s *backupState) get(app core.App) Part {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.last
	p.Configured = p.Configured || app.Settings().Backups.Cron != ""
	if p.At.IsZero() {
		// No backup yet in this run: a configured schedule has not failed.
		p.OK = true
	}
	return p
}

// health answers GET /api/health (in place of PocketBase's own, whose
// fields it keeps): whether the last build, deploy, replication and backup
// succeeded. Everyone may ask (a monitor, a load balancer); the reasons of
// failures are shown to superusers and staff only. It answers 200, or with
// ?strict=1 503 when a configured part failed, for monitors that read only
// the status.
func (o *Ops) health(e *core.RequestEvent) error {
	h := partsHealth{}
	st := o.deploy.b.Status()
	h.Build = Part{Configured: true, OK: st.Last == nil || st.Last.OK()} // none yet: the first is running
	if st.Last != nil {
		h.Build.At, h.Build.Error = st.Last.Started, st.Last.Error
	}
	if d := st.Deploy; d != nil {
		h.Deploy = Part{Configured: true, OK: d.OK(), At: d.Started, Error: d.Error}
	} else {
		h.Deploy = Part{Configured: o.deploy.auto && o.deploy.cfg.Bucket != "", OK: true}
	}
	h.Replication = o.replicationHealth()
	h.Backup = o.backups.get(e.App)
	h.Uploads = o.deploy.uploads.part(e.App)
	h.OK = true
	for _, p := range []*Part{&h.Build, &h.Deploy, &h.Replication, &h.Backup, &h.Uploads} {
		if p.Configured && !p.OK {
			h.OK = false
		}
	}
	staff := e.Auth != nil
	if !staff {
		for _, p := range []*Part{&h.Build, &h.Deploy, &h.Replication, &h.Backup, &h.Uploads} {
			p.Error = ""
		}
	}
	data := map[string]any{"portal": h}
	if e.HasSuperuserAuth() {
		// PocketBase's own fields, which its dashboard reads.
		data["canBackup"] = !e.App.Store().Has(core.StoreKeyActiveBackup)
		data["realIP"] = e.RealIP()
		proxy := ""
		for _, hdr := range append(slices.Clone(e.App.Settings().TrustedProxy.Headers), "CF-Connecting-IP", "Fly-Client-IP", "X-Forwarded-For") {
			if e.Request.Header.Get(hdr) != "" {
				proxy = hdr
				break
			}
		}
		data["possibleProxyHeader"] = proxy
	}
	code, msg := http.StatusOK, "API is healthy."
	if !h.OK {
		msg = "Cổng đang chạy nhưng có phần việc gần nhất thất bại (dựng trang, xuất bản, sao chép dữ liệu hoặc sao lưu) hoặc thiếu tệp tải lên."
		if e.Request.URL.Query().Get("strict") == "1" {
			code = http.StatusServiceUnavailable
		}
	}
	return e.JSON(code, map[string]any{"code": code, "message": msg, "data": data})
}
