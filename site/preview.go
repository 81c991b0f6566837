package site

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/live"
)

// Preview renders rec's page in the real theme as it would look if
// published now, whatever its status, and returns it as one self-contained
// HTML document: the stylesheet and images inlined, marked not to be
// indexed. Staff see drafts this way before publishing.
func (b *Builder) Preview(rec *core.Record) ([]byte, error) {
	dir, err := os.MkdirTemp(b.dir.Root, live.PreviewPattern)
	if err != nil {
		return nil, fmt.Errorf("xem trước: %w", err)
	}
	defer os.RemoveAll(dir)
	src, out := filepath.Join(dir, "src"), filepath.Join(dir, "public")
	if _, _, err := syncSources(b.cfg.Sources, src); err != nil {
		return nil, err
	}
	url, err := export.Preview(b.app, src, export.Options{Now: b.cfg.Now(), BaseURL: b.baseURL(), Images: b.images}, rec)
	if err != nil {
		return nil, fmt.Errorf("xem trước: %w", err)
	}
	if _, err := b.preview.run(hugoRun{Source: src, Destination: out, BaseURL: b.baseURL(), CacheDir: b.dir.CachePath()}); err != nil {
		return nil, fmt.Errorf("xem trước: %w", err)
	}
	page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(url, "/")), "index.html"))
	if err != nil {
		return nil, fmt.Errorf("xem trước: không có trang %s: %w", url, err)
	}
	return inline(page, out), nil
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

// previewRoute answers GET /api/portal/preview/{collection}/{id} for staff
// who may see the record.
func previewRoute(b *Builder) func(e *core.RequestEvent) error {
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
		start := time.Now()
		page, err := b.Preview(rec)
		if err != nil {
			b.logger.Error("không tạo được trang xem trước", "collection", coll, "id", rec.Id, "error", err.Error())
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
