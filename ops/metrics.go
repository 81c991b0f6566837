package ops

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/daison/portal/site"
)

// requestCounts counts the answers of the whole server (the site's pages
// skip PocketBase's middlewares, so they are counted around its handler)
// by kind (site or api) and status class.
type requestCounts struct {
	n [2][6]atomic.Int64 // [site, api][1xx…5xx, other]
}

// wrap returns h counting each answer.
func (c *requestCounts) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(sw, r)
		kind := 0
		if strings.HasPrefix(r.URL.Path, "/api/") || strings.HasPrefix(r.URL.Path, "/_/") {
			kind = 1
		}
		class := sw.code / 100
		if class < 1 || class > 5 {
			class = 0
		}
		c.n[kind][class].Add(1)
	})
}

// statusWriter remembers the status written.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush passes flushes through (PocketBase's realtime events need them).
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// metricsAllowed lets through a request with the metrics token
// (Authorization: Bearer <token>) and otherwise applies guard (staff).
func metricsAllowed(token string, guard *hook.Handler[*core.RequestEvent]) *hook.Handler[*core.RequestEvent] {
	return &hook.Handler[*core.RequestEvent]{
		Id: "portalMetricsAuth",
		Func: func(e *core.RequestEvent) error {
			got, ok := strings.CutPrefix(e.Request.Header.Get("Authorization"), "Bearer ")
			if token != "" && ok && subtle.ConstantTimeCompare([]byte(got), []byte(token)) == 1 {
				return e.Next()
			}
			return guard.Func(e)
		},
	}
}

// metrics answers GET /api/portal/metrics in Prometheus's text format.
func (o *Ops) metrics(e *core.RequestEvent) error {
	var b strings.Builder
	described := map[string]bool{} // metrics whose HELP and TYPE are written
	metric := func(name, help, typ string, value any, labels ...string) {
		if !described[name] {
			described[name] = true
			fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
		}
		l := ""
		if len(labels) > 0 {
			l = "{" + strings.Join(labels, ",") + "}"
		}
		fmt.Fprintf(&b, "%s%s %v\n", name, l, value)
	}
	bool01 := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	st := o.deploy.b.Status()
	metric("portal_build_running", "Whether a build of the site is running.", "gauge", bool01(st.Building))
	if r := st.Last; r != nil {
		metric("portal_build_last_ok", "Whether the last build went live.", "gauge", bool01(r.OK()))
		metric("portal_build_last_timestamp_seconds", "When the last build started.", "gauge", r.Started.Unix())
		metric("portal_build_last_duration_seconds", "How long the last build took.", "gauge", r.Duration.D().Seconds())
	}
	if r := st.LastSuccess; r != nil {
		liveMetrics(metric, r)
	}
	if d := st.Deploy; d != nil {
		metric("portal_deploy_last_ok", "Whether the last deploy to object storage succeeded.", "gauge", bool01(d.OK()))
		metric("portal_deploy_last_timestamp_seconds", "When the last deploy started.", "gauge", d.Started.Unix())
		metric("portal_deploy_last_duration_seconds", "How long the last deploy took.", "gauge", float64(d.Duration)/1000)
		metric("portal_deploy_last_uploaded_files", "Files the last deploy uploaded.", "gauge", d.Uploaded)
	}
	rep := o.replicationHealth()
	if rep.Configured {
		metric("portal_replication_ok", "Whether the database's replication to object storage is working.", "gauge", bool01(rep.OK))
		if !rep.At.IsZero() {
			metric("portal_replication_lag_seconds", "Seconds since the replica last received the database's changes.", "gauge", time.Since(rep.At).Seconds())
		}
	}
	bk := o.backups.get(e.App)
	if bk.Configured {
		metric("portal_backup_ok", "Whether the backups are as the schedule wants them (a recent backup in the store, no failure since).", "gauge", bool01(bk.OK))
		metric("portal_backup_count", "Backups in the backup store.", "gauge", bk.Count)
	}
	if !bk.At.IsZero() {
		metric("portal_backup_last_ok", "Whether the last backup succeeded.", "gauge", bool01(bk.OK))
		metric("portal_backup_last_timestamp_seconds", "When the newest backup in the store was made (or the last one failed).", "gauge", bk.At.Unix())
	}
	for kind, name := range []string{"site", "api"} {
		for class := range o.requests.n[kind] {
			n := &o.requests.n[kind][class]
			code := "other"
			if class > 0 {
				code = fmt.Sprintf("%dxx", class)
			}
			if v := n.Load(); v > 0 {
				metric("portal_http_requests_total", "Answers of the server by kind (site pages or API) and status class.", "counter", v,
					`kind="`+name+`"`, `code="`+code+`"`)
			}
		}
	}
	metric("portal_up_seconds", "Seconds since the portal started.", "gauge", time.Since(o.started).Seconds())
	if fi, err := os.Stat(e.App.DataDir() + "/data.db"); err == nil {
		metric("portal_database_bytes", "Size of the main database file.", "gauge", fi.Size())
	}
	e.Response.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	return e.String(http.StatusOK, b.String())
}

// liveMetrics describes the build now live.
func liveMetrics(metric func(name, help, typ string, value any, labels ...string), r *site.Report) {
	metric("portal_site_pages", "HTML pages of the live build.", "gauge", r.Pages)
	metric("portal_site_records", "Records with a page in the live build.", "gauge", r.Records)
	metric("portal_site_build_hugo_seconds", "Hugo's time in the live build.", "gauge", r.HugoDuration.D().Seconds())
}
