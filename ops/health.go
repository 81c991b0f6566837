package ops

import (
	"net/http"
	"slices"
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
	OK          bool              `json:"ok"` // every configured part succeeded
	Build       Part              `json:"build"`
	Deploy      Part              `json:"deploy"`
	Replication replicationHealth `json:"replication"`
	Backup      backupHealth      `json:"backup"`
	// Address is the site's public address; a loopback one does not make
	// the portal unhealthy, but staff are told.
	Address addressHealth `json:"address"`
	// Uploads: every file a record names is in the file storage; while
	// one is missing, deploys to the bucket are held (ops/uploads.go).
	Uploads Part `json:"uploads"`

	// Status is "ok", or "degraded" when a configured part failed, with
	// the Reason (for everyone, without the failures' errors).
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// replicationHealth is the replication's part: when the replicas last
// received the databases' changes, and how long ago that was.
type replicationHealth struct {
	Part
	LagSeconds *float64 `json:"lagSeconds,omitempty"`
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
	h.Replication = replicationHealth{Part: o.replicationHealth()}
	if r := h.Replication; r.Configured && !r.At.IsZero() {
		lag := time.Since(r.At).Seconds()
		h.Replication.LagSeconds = &lag
	}
	h.Backup = o.backups.get(e.App)
	h.Address = addressHealth{URL: o.PublicURL(), Loopback: LoopbackURL(o.PublicURL())}
	if h.Address.Loopback {
		h.Address.Warning = LoopbackWarning
	}
	h.Uploads = o.deploy.uploads.part(e.App)
	parts := []*Part{&h.Build, &h.Deploy, &h.Replication.Part, &h.Backup.Part, &h.Uploads}
	h.OK = true
	for _, p := range parts {
		if p.Configured && !p.OK {
			h.OK = false
		}
	}
	h.Status = "ok"
	if h.Reason = degraded(h, st.FailingSince, time.Now()); !h.OK {
		h.Status = "degraded"
	}
	staff := e.Auth != nil
	if !staff {
		for _, p := range parts {
			p.Error = ""
		}
		h.Address.Warning = ""
		h.Backup.Latest = ""
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
		msg = "Cổng đang chạy nhưng suy giảm: " + h.Reason
		if e.Request.URL.Query().Get("strict") == "1" {
			code = http.StatusServiceUnavailable
		}
	}
	return e.JSON(code, map[string]any{"code": code, "message": msg, "data": data})
}
