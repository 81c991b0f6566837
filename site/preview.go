package site

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/quota"
	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/live"
)

// Preview renders rec's page in the real theme as it would look if
// published now, whatever its status, and returns it as one self-contained
// HTML document: the stylesheet and images inlined, marked not to be
// indexed. Staff see drafts this way before publishing.
//
// It is a small render, apart from the builds: a small site is made of
// hard links to the last build's sources (the theme, the hand-written
// pages, the indexes; for the sections the ahead lane renders, no other
// record's bundle), rec's own page bundle is exported into it, and that
// page alone is rendered (hugoRun.Only). So a preview takes a fraction of
// a build, and works while the full build fails on another page. Before
// any build, the whole site is exported for it. Up to previewWorkers
// previews render at once.
func (b *Builder) Preview(rec *core.Record) ([]byte, error) {
	return b.previews.render(context.Background(), rec)
}

// previewer is the preview lane: one record's page in a small site, in
// one of the preview workers (workers.takePreview). Its folders are
// temporary, its state none.
type previewer struct{ *env }

// render is Preview, waiting for a free worker until ctx ends
// (errPreviewBusy).
func (p previewer) render(ctx context.Context, rec *core.Record) ([]byte, error) {
	section, ok := export.Sections[rec.Collection().Name]
	if !ok {
		return nil, fmt.Errorf("xem trước: không có trang cho bản ghi của %s", rec.Collection().Name)
	}
	if rec.GetString("slug") == "" {
		return nil, errors.New("xem trước: bản ghi chưa có địa chỉ trang")
	}
	run, release, err := p.workers.takePreview(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	dir, err := os.MkdirTemp(p.dir.Root, live.PreviewPattern)
	if err != nil {
		return nil, fmt.Errorf("xem trước: %w", err)
	}
	defer os.RemoveAll(dir)
	src, out := filepath.Join(dir, "src"), filepath.Join(dir, "public")
	opts := export.Options{Now: p.now(), BaseURL: p.baseURL(), Images: p.images}
	small, err := p.site(src, section+"/"+rec.GetString("slug"))
	if err != nil {
		return nil, fmt.Errorf("xem trước: %w", err)
	}
	// The theme as it is now (it may have changed since the last build).
	if _, _, err := syncSources(p.sources, src); err != nil {
		return nil, err
	}
	var url string
	if small {
		url, err = export.PreviewBundle(p.app, src, opts, rec)
	} else {
		url, err = export.Preview(p.app, src, opts, rec)
	}
	if err != nil {
		return nil, fmt.Errorf("xem trước: %w", err)
	}
	r := p.runFor(src, out)
	r.Only = url
	if _, err := run(r); err != nil {
		return nil, fmt.Errorf("xem trước: %w", err)
	}
	page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(url, "/")), "index.html"))
	if err != nil {
		return nil, fmt.Errorf("xem trước: không có trang %s: %w", url, err)
	}
	return inline(page, out), nil
}

// site makes src the small site of a preview of the page bundle
// ("tin-tuc/<slug>") from the builds' sources, without that bundle, and
// reports true; or, when no build has exported yet, leaves src to be
// filled in full and reports false. For the sections the ahead lane
// renders, the page's template looks up nothing but indexes and
// hand-written pages (site/ahead.go): other records stay out; for the
// others, every other record is kept.
func (p previewer) site(src, bundle string) (bool, error) {
	builds := p.dir.SrcPath()
	if _, err := os.Stat(filepath.Join(builds, export.ManifestName)); err != nil {
		return false, nil
	}
	section, _, _ := strings.Cut(bundle, "/")
	keepOthers := !aheadSections[section]
	if err := smallSite(builds, src, func(x string) bool { return keepOthers && x != bundle }); err != nil {
		return false, err
	}
	// With the sources' manifest, syncing the theme writes only what
	// changed since the build.
	if err := os.Link(filepath.Join(builds, sourcesManifest), filepath.Join(src, sourcesManifest)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	return true, nil
}

var (
	stylesheet = regexp.MustCompile(`<link[^>]+rel="?stylesheet"?[^>]*>`)
	hrefAttr   = regexp.MustCompile(`href="?([^" >]+)"?`)
	srcAttrs   = regexp.MustCompile(`(src|srcset)="([^"]+)"|(src|srcset)=([^" >]+)`)
	headOpen   = regexp.MustCompile(`<head[^>]*>`)
)

// inline makes a built page stand alone: local stylesheets become <style>,
// local images data: URIs, and a robots meta keeps it out of indexes.
func inline(page []byte, root string) []byte {
	local := func(u string) ([]byte, string, bool) {
		if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
			return nil, "", false
		}
		p := path.Clean(strings.SplitN(u, "?", 2)[0])
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			return nil, "", false
		}
		return b, mime.TypeByExtension(path.Ext(p)), true
	}
	page = stylesheet.ReplaceAllFunc(page, func(tag []byte) []byte {
		m := hrefAttr.FindSubmatch(tag)
		if m == nil {
			return tag
		}
		css, _, ok := local(string(m[1]))
		if !ok {
			return tag
		}
		return append(append([]byte("<style>"), css...), []byte("</style>")...)
	})
	page = srcAttrs.ReplaceAllFunc(page, func(attr []byte) []byte {
		m := srcAttrs.FindSubmatch(attr)
		name, value := m[1], m[2]
		if len(name) == 0 {
			name, value = m[3], m[4]
		}
		var parts []string
		for _, cand := range strings.Split(string(value), ",") {
			fields := strings.Fields(cand)
			if len(fields) == 0 {
				continue
			}
			if data, typ, ok := local(fields[0]); ok && strings.HasPrefix(typ, "image/") {
				fields[0] = "data:" + typ + ";base64," + base64.StdEncoding.EncodeToString(data)
			}
			parts = append(parts, strings.Join(fields, " "))
		}
		return []byte(string(name) + `="` + strings.Join(parts, ", ") + `"`)
	})
	robots := []byte(`<meta name="robots" content="noindex, nofollow">`)
	if loc := headOpen.FindIndex(page); loc != nil {
		page = append(page[:loc[1]:loc[1]], append(robots, page[loc[1]:]...)...)
	}
	return page
}

// Limits of the page preview (GET /api/portal/preview/…), per staff
// account: one preview at a time (a second click while the first renders
// is refused, not queued), previewsPerMinute in any minute. Past
// previewWait for a free worker (others' previews), the request is turned
// away.
const (
	previewsPerMinute = 12
	previewWait       = 20 * time.Second
)

// previewLimits are the per-account limits of one route.
type previewLimits struct {
	perMinute *quota.Window
	running   quota.InFlight
	wait      time.Duration
}

func newPreviewLimits() *previewLimits {
	return &previewLimits{perMinute: quota.NewWindow(previewsPerMinute, time.Minute), running: quota.InFlight{Max: 1}, wait: previewWait}
}

// previewRoute answers GET /api/portal/preview/{collection}/{id} for staff
// who may see the record, within the limits.
func previewRoute(b *Builder, lim *previewLimits) func(e *core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		coll := e.Request.PathValue("collection")
		if _, ok := export.Sections[coll]; !ok {
			return e.NotFoundError("Không có trang xem trước cho loại bản ghi này.", nil)
		}
		rec, err := e.App.FindRecordById(coll, e.Request.PathValue("id"))
		if err != nil {
			return e.NotFoundError("Không tìm thấy bản ghi.", err)
		}
		info, err := e.RequestInfo()
		if err != nil {
			return e.BadRequestError("", err)
		}
		if ok, _ := e.App.CanAccessRecord(rec, info, rec.Collection().ViewRule); !ok {
			return e.NotFoundError("Không tìm thấy bản ghi.", nil)
		}
		account := e.Auth.Collection().Id + "/" + e.Auth.Id
		release, ok := lim.running.Acquire(account)
		if !ok {
			e.Response.Header().Set("Retry-After", "2")
			return e.TooManyRequestsError("Bản xem trước bạn mở trước đó vẫn đang được tạo. Hãy đợi nó hiện ra rồi hãy mở bản khác.", nil)
		}
		defer release()
		if ok, after := lim.perMinute.Allow(account); !ok {
			secs := int(math.Ceil(after.Seconds()))
			e.Response.Header().Set("Retry-After", strconv.Itoa(secs))
			return e.TooManyRequestsError(fmt.Sprintf(
				"Bạn đã xem trước %d lần trong một phút, nhiều hơn mức cho phép. Hãy đợi %d giây rồi xem lại; nội dung đã lưu không bị ảnh hưởng.",
				previewsPerMinute, secs), nil)
		}
		ctx, cancel := context.WithTimeout(e.Request.Context(), lim.wait)
		defer cancel()
		start := time.Now()
		page, err := b.previews.render(ctx, rec)
		if errors.Is(err, errPreviewBusy) {
			e.Response.Header().Set("Retry-After", "5")
			return e.Error(http.StatusServiceUnavailable, "Máy chủ đang bận tạo bản xem trước cho người khác. Hãy thử lại sau vài giây.", nil)
		}
		if err != nil {
			b.env.logger.Error("không tạo được trang xem trước", "collection", coll, "id", rec.Id, "error", err.Error())
			return e.InternalServerError("Không tạo được trang xem trước. "+staffError(err), nil)
		}
		h := e.Response.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("X-Robots-Tag", "noindex, nofollow")
		// Its own styles and images are inlined; nothing else may load.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
		h.Set("Cache-Control", "no-store")
		h.Set("Server-Timing", fmt.Sprintf("build;dur=%d", time.Since(start).Milliseconds()))
		return e.Blob(http.StatusOK, "text/html; charset=utf-8", bytes.TrimSpace(page))
	}
}
