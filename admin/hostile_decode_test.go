package admin_test

import (
	"encoding/json"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/doccheck/doctest"
	"github.com/daison/portal/internal/imagecheck"
	"github.com/daison/portal/internal/imagecheck/imagetest"
	"github.com/daison/portal/internal/schema"
)

// manyScans is a 229 KB progressive JPEG of 6,320 × 6,320 grey pixels
// (just under the pixel cap) in 1,935 scans that each say "nothing here"
// for every block: about 90 s of image/jpeg's processor time.
var manyScans = sync.OnceValue(func() []byte { return imagetest.ManyScanJPEG(6320, 6320, 1935) })

// TestHostileManyScanJPEG: the many-scan JPEG is refused from its markers
// with a Vietnamese reason, on a photo field and a dossier alike, and
// nothing is stored; while one account sends two images at the limits
// (each a second or more of decoding) at once, another account's ordinary
// photo is stored as usual. The times are logged, not asserted.
func TestHostileManyScanJPEG(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, c := range []struct {
		role, collection, field string
		fields                  map[string]string
	}{
		{editor, schema.Articles, "cover", articleFields},
		{reporterA, schema.Nominations, "dossier", nominationFields()},
	} {
		start := time.Now()
		code, body := upload(w.H, http.MethodPost, "/api/collections/"+c.collection+"/records", w.Tokens[c.role],
			c.fields, part{c.field, "quet.jpg", manyScans()})
		t.Logf("%d-byte many-scan JPEG on %s.%s answered in %v", len(manyScans()), c.collection, c.field, time.Since(start))
		if msg := fieldMessage(t, c.collection, code, body, c.field); !strings.Contains(msg, "“quet.jpg” được lưu thành quá nhiều lượt quét") {
			t.Errorf("%s: message %q", c.collection, msg)
		}
	}
	for _, c := range []string{schema.Articles, schema.Nominations} {
		if n, _ := w.App.CountRecords(c); n != 0 {
			t.Errorf("%d %s stored", n, c)
		}
	}

	heavy := imagetest.ManyScanJPEG(6320, 6320, imagecheck.DefaultMaxPasses)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			start := time.Now()
			code, body := upload(w.H, http.MethodPost, "/api/collections/initiatives/records", w.Tokens[reporterA],
				map[string]string{"title": "Sáng kiến có ảnh lớn", "kind": "sang-kien", "field": "chuyen-doi-so", "unit": unitA, "status": "draft"},
				part{"photos", "lon.jpg", heavy})
			t.Logf("image at the limits #%d of one account: %d in %v", i+1, code, time.Since(start))
			if code != http.StatusOK {
				t.Errorf("image at the limits #%d: %d %s", i+1, code, body)
			}
		})
	}
	time.Sleep(100 * time.Millisecond) // the heavy ones first
	start := time.Now()
	code, body := upload(w.H, http.MethodPost, "/api/collections/articles/records", w.Tokens[editor], articleFields,
		part{"cover", "anh.jpg", imagetest.JPEG(imagetest.Photo(1200, 900))})
	t.Logf("another account's ordinary photo meanwhile: %d in %v", code, time.Since(start))
	if code != http.StatusOK {
		t.Errorf("ordinary photo: %d %s", code, body)
	}
	wg.Wait()
}

// TestHostileManyScanThumbnail: a many-scan JPEG stored before uploads
// counted scans (saved here without validation) gets no thumbnail: 422
// with a Vietnamese reason, and none is made.
func TestHostileManyScanThumbnail(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	file, _ := filesystem.NewFileFromBytes(manyScans(), "quet.jpg")
	c, err := w.App.FindCollectionByNameOrId(schema.Nominations)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	for k, v := range nominationFields() {
		r.Set(k, v)
	}
	r.Set("dossier", []any{file})
	if err := w.App.SaveNoValidate(r); err != nil {
		t.Fatal(err)
	}
	name := r.GetStringSlice("dossier")[0]
	fileToken := jsonField(t, w.API(t, reviewer, http.MethodPost, "/api/files/token", "", 200), "token")
	start := time.Now()
	code, body := get(w.H, "/api/files/nominations/"+r.Id+"/"+name+"?thumb=100x100&token="+fileToken)
	t.Logf("thumbnail of the stored many-scan JPEG answered in %v", time.Since(start))
	var got struct{ Message string }
	_ = json.Unmarshal([]byte(body), &got)
	if code != http.StatusUnprocessableEntity || !strings.Contains(got.Message, "quá nhiều lượt quét") {
		t.Errorf("thumbnail: %d %s", code, body)
	}
	fsys, err := w.App.NewFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	if ok, _ := fsys.Exists(r.BaseFilesPath() + "/thumbs_" + name + "/100x100_" + name); ok {
		t.Error("a thumbnail of the many-scan JPEG was made")
	}
}

// TestHostileNestedDOC: a 2.6 MB .doc whose directory nests storages
// 20,000 deep (3.3 GB for the OLE2 library the portal used) is refused
// with a Vietnamese reason while the portal's heap grows by less than
// 50 MB over the whole request. (Not parallel: it measures the heap.)
func TestHostileNestedDOC(t *testing.T) {
	w := newWorld(t)
	nested := doctest.NestedDOC(20_000)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code, body := upload(w.H, http.MethodPost, "/api/collections/"+schema.Documents+"/records", w.Tokens[editor],
		documentFields(), part{"file", "to-trinh.doc", nested})
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d-byte nested .doc: %d allocated over the request, heap %d → %d bytes", len(nested), allocated, before.HeapAlloc, after.HeapAlloc)
	if msg := fieldMessage(t, "nested .doc", code, body, "file"); !strings.Contains(msg, "“to-trinh.doc” có quá nhiều phần bên trong") {
		t.Errorf("message %q", msg)
	}
	if allocated > 50<<20 {
		t.Errorf("the request allocated %d bytes, want under 50 MB", allocated)
	}
	if n, _ := w.App.CountRecords(schema.Documents); n != 0 {
		t.Errorf("%d documents stored", n)
	}
}
