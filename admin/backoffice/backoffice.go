// Package backoffice serves the staff back office at /quan-tri/: a small
// Vietnamese single-page application in plain HTML, CSS and JavaScript
// modules (no build step), embedded in the binary. It is a client of
// PocketBase's REST API only, so every permission is decided by the API
// rules of the collections, never here.
//
//	GET /quan-tri             → 308 to /quan-tri/
//	GET /quan-tri/assets/…    the embedded files (ui/assets)
//	GET /quan-tri/meta.json   the collections' fields, the kinds of public record (sections, names, roles) and the fixed choices with their labels
//	GET /quan-tri/…           anything else: index.html, whose script routes on the client
//
// To work on the back office without rebuilding the binary, set
// PORTAL_BACKOFFICE_SRC to this package's ui folder: the files are then read
// from there at every request.
package backoffice

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Prefix is where the back office lives.
const Prefix = "/quan-tri/"

//go:embed ui
var uiFiles embed.FS

// UI returns the back office's files (index.html and assets/).
func UI() fs.FS {
	sub, err := fs.Sub(uiFiles, "ui")
	if err != nil {
		panic(err)
	}
	return sub
}

// CSP is the Content-Security-Policy of every back office response: scripts
// only from the portal itself (no inline script, no eval), no plugins, never
// framed. Inline styles are allowed because the preview of a record (a page
// of the real theme, with its CSS inlined) is shown in a sandboxed iframe
// from srcdoc, which inherits this policy; images may be data: and blob:
// URLs for the same preview and for the preview of an image before upload.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
	"frame-src 'self' blob: data:; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// Register serves the back office from app's router. Call it once, before
// app.Start.
func Register(app core.App) {
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: "portalBackoffice",
		Func: func(e *core.ServeEvent) error {
			meta := func() ([]byte, error) { return Meta(e.App) }
			var h http.Handler
			if dir := os.Getenv("PORTAL_BACKOFFICE_SRC"); dir != "" {
				h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					Handler(os.DirFS(dir), meta).ServeHTTP(w, r)
				})
			} else {
				h = Handler(UI(), meta)
			}
			e.Router.GET("/quan-tri", func(re *core.RequestEvent) error {
				return re.Redirect(http.StatusPermanentRedirect, Prefix)
			})
			e.Router.GET(Prefix+"{path...}", func(re *core.RequestEvent) error {
				h.ServeHTTP(re.Response, re.Request)
				return nil
			})
			return e.Next()
		},
	})
}

// Handler serves files under Prefix from ui, meta.json from meta, and
// index.html for every other path (the application's own routes).
func Handler(ui fs.FS, meta func() ([]byte, error)) http.Handler {
	files := loadFiles(ui)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		setSecurityHeaders(h)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "Phương thức không được hỗ trợ.", http.StatusMethodNotAllowed)
			return
		}
		rel, ok := strings.CutPrefix(r.URL.Path, Prefix)
		if !ok {
			notFound(w)
			return
		}
		switch {
		case rel == "meta.json":
			b, err := meta()
			if err != nil {
				http.Error(w, "Không đọc được cấu trúc dữ liệu.", http.StatusInternalServerError)
				return
			}
			serve(w, r, &file{name: "meta.json", data: b, etag: etagOf(b)})
		case strings.HasPrefix(rel, "assets/"):
			f, ok := files[path.Clean(rel)]
			if !ok || path.Clean(rel) != rel {
				notFound(w)
				return
			}
			serve(w, r, f)
		default:
			// A route of the application: /quan-tri/bai-viet/abc123…
			// A path that looks like a file (an extension) and is not one
			// is a real 404, so a mistyped asset is not answered with HTML.
			if path.Ext(rel) != "" && !strings.HasSuffix(rel, "/") {
				notFound(w)
				return
			}
			serve(w, r, files["index.html"])
		}
	})
}

func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Robots-Tag", "noindex, nofollow")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

func notFound(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, "Không tìm thấy tệp.", http.StatusNotFound)
}

// file is one embedded file, read once, with its content type and a strong
// ETag so browsers revalidate cheaply (Cache-Control: no-cache).
type file struct {
	name string
	data []byte
	etag string
}

var started = time.Now()

func loadFiles(ui fs.FS) map[string]*file {
	out := map[string]*file{}
	_ = fs.WalkDir(ui, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(ui, p)
		if err != nil {
			return err
		}
		out[p] = &file{name: p, data: b, etag: etagOf(b)}
		return nil
	})
	if out["index.html"] == nil {
		panic("backoffice: ui/index.html missing")
	}
	return out
}

func etagOf(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// contentTypes are set here, not taken from the system's MIME database,
// which differs between machines (a JavaScript module served as text/plain
// does not run).
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".json":  "application/json; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".ico":   "image/x-icon",
	".woff2": "font/woff2",
	".txt":   "text/plain; charset=utf-8",
}

func contentType(name string) string {
	ext := path.Ext(name)
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

func serve(w http.ResponseWriter, r *http.Request, f *file) {
	h := w.Header()
	h.Set("Content-Type", contentType(f.name))
	// The files are not fingerprinted: always revalidate, which costs a 304.
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", f.etag)
	http.ServeContent(w, r, "", started, bytes.NewReader(f.data))
}

// fieldMeta is what the back office needs to know of a field to build its
// form: type, limits and choices. Labels and hints live in the UI.
type fieldMeta struct {
	Name      string   `json:"name"`
	Type      string   `json:"type"`
	Required  bool     `json:"required,omitempty"`
	Max       float64  `json:"max,omitempty"`
	Min       *float64 `json:"min,omitempty"`
	MaxSelect int      `json:"maxSelect,omitempty"`
	MaxSize   int64    `json:"maxSize,omitempty"`
	MimeTypes []string `json:"mimeTypes,omitempty"`
	Values    []string `json:"values,omitempty"`
	OnlyInt   bool     `json:"onlyInt,omitempty"`
	// Collection is the name of the collection a relation points to.
	Collection string `json:"collection,omitempty"`
}

type collectionMeta struct {
	ID     string      `json:"id"`
	Name   string      `json:"name"`
	Fields []fieldMeta `json:"fields"`
}

// metaCollections are the collections whose fields the back office shows:
// the public ones (records.All), and the staff-only ones of the award
// process and the citizens' feedback (their limits only: field names and
// sizes, no data).
var metaCollections = append(records.Collections(), "nominations", "unitReports", "feedback", "portalConfig", "commune")

// kindMeta is what meta.json tells of a kind of public record, from its
// descriptor (records/<kind>/kind.go): where its pages live on the public
// site, how a record of it is named, the roles that edit and publish it,
// and the form of a kind that collections.js does not describe.
type kindMeta struct {
	Section    string   `json:"section,omitempty"` // "" when its records have no page
	Noun       string   `json:"noun"`
	Label      string   `json:"label"`
	TitleField string   `json:"titleField,omitempty"`
	Linkable   bool     `json:"linkable,omitempty"`
	Editors    []string `json:"editors"`
	Publishers []string `json:"publishers"`
	// Form is its form, for a kind whose form collections.js lacks.
	Form *record.Form `json:"form,omitempty"`
}

// kinds describes the kinds of public record, by collection.
func kinds() map[string]kindMeta {
	m := map[string]kindMeta{}
	for _, k := range records.All {
		m[k.Collection] = kindMeta{Section: k.Section, Noun: k.Noun, Label: k.Label, TitleField: k.TitleField, Linkable: k.Linkable, Editors: k.Editors, Publishers: k.Publishers, Form: k.Form}
	}
	return m
}

// Meta returns the JSON of /quan-tri/meta.json: the fields of the
// collections as the database has them, the kinds of public record as
// their descriptors say, and the fixed choices with their Vietnamese labels
// (internal/vocab), so a limit, an address or a label is written once.
func Meta(app core.App) ([]byte, error) {
	out := struct {
		Collections map[string]collectionMeta `json:"collections"`
		Kinds       map[string]kindMeta       `json:"kinds"`
		Vocab       map[string][]option       `json:"vocab"`
		Commune     identityMeta              `json:"commune"`
	}{Collections: map[string]collectionMeta{}, Kinds: kinds(), Vocab: vocabulary()}
	id, err := identity(app)
	if err != nil {
		return nil, err
	}
	out.Commune = id
	for _, name := range metaCollections {
		c, err := app.FindCachedCollectionByNameOrId(name)
		if err != nil {
			return nil, err
		}
		cm := collectionMeta{ID: c.Id, Name: c.Name}
		for _, f := range c.Fields {
			if f.GetHidden() {
				continue // never sent by the API, so never shown
			}
			fm := fieldMeta{Name: f.GetName(), Type: f.Type()}
			switch x := f.(type) {
			case *core.TextField:
				fm.Required, fm.Max = x.Required, float64(x.Max)
			case *core.NumberField:
				fm.Required, fm.OnlyInt, fm.Min = x.Required, x.OnlyInt, x.Min
				if x.Max != nil {
					fm.Max = *x.Max
				}
			case *core.SelectField:
				fm.Required, fm.Values, fm.MaxSelect = x.Required, x.Values, x.MaxSelect
			case *core.RelationField:
				fm.Required, fm.MaxSelect = x.Required, x.MaxSelect
				if rc, err := app.FindCachedCollectionByNameOrId(x.CollectionId); err == nil {
					fm.Collection = rc.Name
				}
			case *core.FileField:
				fm.Required, fm.MaxSelect, fm.MaxSize, fm.MimeTypes = x.Required, x.MaxSelect, x.MaxSize, x.MimeTypes
			case *core.JSONField:
				fm.Max = float64(x.MaxSize)
			case *core.DateField:
				fm.Required = x.Required
			case *core.URLField:
				fm.Required = x.Required
			}
			cm.Fields = append(cm.Fields, fm)
		}
		out.Collections[name] = cm
	}
	return json.Marshal(out)
}
