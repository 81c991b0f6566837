package admin_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/imagecheck/imagetest"
	"github.com/daison/portal/internal/schema"
)

// bomb is a valid 20,000 × 20,000 grey PNG of half a megabyte: 400 MB of
// pixels once decoded, 1.6 GB as the RGBA a thumbnail is made from. Made
// once, streaming, in about a second.
var bomb = sync.OnceValue(func() []byte { return imagetest.BlackPNG(20_000, 20_000) })

// part is one file of a multipart upload.
type part struct {
	field, name string
	data        []byte
}

// upload sends fields and files to url as multipart form data, as the
// holder of token, and returns the status and body.
func upload(h http.Handler, method, url, token string, fields map[string]string, files ...part) (int, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	for _, f := range files {
		fw, _ := mw.CreateFormFile(f.field, f.name)
		_, _ = fw.Write(f.data)
	}
	_ = mw.Close()
	req := httptest.NewRequest(method, url, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", token)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// nominationFields are a unit A draft nomination's fields.
func nominationFields() map[string]string {
	return map[string]string{
		"unit": unitA, "year": fmt.Sprint(time.Now().Year() + 1), "nomineeName": "Lê Văn Học",
		"nomineeKind": "ca-nhan", "requestedForm": "giay-khen", "kind": "hang-nam",
		"achievements": "Số hóa hồ sơ một cửa.", "state": "draft",
	}
}

var articleFields = map[string]string{"title": "Tin có ảnh", "category": "thong-bao", "status": "draft"}

// fieldMessage returns the message of field in a refusal, failing the test
// unless it is a 400 naming that field in Vietnamese.
func fieldMessage(t *testing.T, what string, code int, body, field string) string {
	t.Helper()
	var got struct {
		Data map[string]struct{ Code, Message string } `json:"data"`
	}
	_ = json.Unmarshal([]byte(body), &got)
	msg := got.Data[field].Message
	if code != http.StatusBadRequest || !hasVietnamese(msg) {
		t.Errorf("%s: %d, want 400 with a Vietnamese message for %s: %s", what, code, field, body)
	}
	return msg
}

// storedFiles returns the files stored in field of the record whose JSON
// is body.
func storedFiles(t *testing.T, app core.App, collection, body, field string) (names []string, files [][]byte) {
	t.Helper()
	id := jsonField(t, body, "id")
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := app.NewFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	for _, name := range r.GetStringSlice(field) {
		rd, err := fsys.GetReader(r.BaseFilesPath() + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rd)
		rd.Close()
		names, files = append(names, name), append(files, b)
	}
	return names, files
}

// TestHostile01PixelBomb: a 20,000 × 20,000 PNG of half a megabyte is
// refused with a Vietnamese message on a unit's nomination dossier (PDF,
// Word or image; today only photo fields were checked) and on photo fields,
// and nothing is stored.
func TestHostile01PixelBomb(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	cases := []struct {
		what, role, collection, field string
		fields                        map[string]string
	}{
		{"nomination dossier", reporterA, schema.Nominations, "dossier", nominationFields()},
		{"article cover", editor, schema.Articles, "cover", articleFields},
		{"initiative photos", reporterA, schema.Initiatives, "photos",
			map[string]string{"title": "Sáng kiến có ảnh", "kind": "sang-kien", "field": "chuyen-doi-so", "unit": unitA, "status": "draft"}},
	}
	for _, c := range cases {
		code, body := upload(w.H, http.MethodPost, "/api/collections/"+c.collection+"/records", w.Tokens[c.role],
			c.fields, part{c.field, "bom.png", bomb()})
		msg := fieldMessage(t, c.what, code, body, c.field)
		if !strings.Contains(msg, "“bom.png” quá lớn: 20.000 × 20.000 điểm ảnh") {
			t.Errorf("%s: message %q", c.what, msg)
		}
	}
	if n, _ := w.App.CountRecords(schema.Nominations); n != 0 {
		t.Errorf("%d nominations stored", n)
	}
	// The dossier still takes what it is for: a PDF and a scan.
	code, body := upload(w.H, http.MethodPost, "/api/collections/nominations/records", w.Tokens[reporterA], nominationFields(),
		part{"dossier", "to-trinh.pdf", []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")},
		part{"dossier", "bien-ban.png", imagetest.PNG(imagetest.Photo(300, 400))})
	if code != http.StatusOK {
		t.Fatalf("PDF and scan: %d %s", code, body)
	}
}

// TestHostile01ThumbnailOfStoredBomb: a bomb stored before uploads were
// checked (saved here without validation) gets no thumbnail: a reviewer
// asking for one gets 422 with a Vietnamese reason and no thumbnail is
// made, while the original still downloads and a normal scan beside it
// still gets its thumbnail. Access is checked first: without a file token
// the answer is still 404.
func TestHostile01ThumbnailOfStoredBomb(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	bombFile, _ := filesystem.NewFileFromBytes(bomb(), "bom.png")
	scanFile, _ := filesystem.NewFileFromBytes(imagetest.PNG(imagetest.Photo(300, 400)), "bien-ban.png")
	c, err := w.App.FindCollectionByNameOrId(schema.Nominations)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	for k, v := range nominationFields() {
		r.Set(k, v)
	}
	r.Set("dossier", []any{bombFile, scanFile})
	if err := w.App.SaveNoValidate(r); err != nil {
		t.Fatal(err)
	}
	names := r.GetStringSlice("dossier")
	if len(names) != 2 {
		t.Fatalf("stored %v", names)
	}
	fileToken := jsonField(t, w.API(t, reviewer, http.MethodPost, "/api/files/token", "", 200), "token")
	url := func(name, thumb, token string) string {
		return "/api/files/nominations/" + r.Id + "/" + name + "?thumb=" + thumb + "&token=" + token
	}
	fsys, err := w.App.NewFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	thumbExists := func(name, thumb string) bool {
		ok, _ := fsys.Exists(r.BaseFilesPath() + "/thumbs_" + name + "/" + thumb + "_" + name)
		return ok
	}

	if code, body := get(w.H, url(names[0], "100x100", "")); code != http.StatusNotFound {
		t.Errorf("bomb thumbnail without a token: %d %s", code, body)
	}
	code, body := get(w.H, url(names[0], "100x100", fileToken))
	var got struct{ Message string }
	_ = json.Unmarshal([]byte(body), &got)
	if code != http.StatusUnprocessableEntity || !strings.Contains(got.Message, "Không tạo ảnh thu nhỏ") || !strings.Contains(got.Message, "20.000 × 20.000") {
		t.Errorf("bomb thumbnail: %d %s", code, body)
	}
	if thumbExists(names[0], "100x100") {
		t.Error("a thumbnail of the bomb was made")
	}
	if code, body := get(w.H, "/api/files/nominations/"+r.Id+"/"+names[0]+"?token="+fileToken); code != http.StatusOK || len(body) != len(bomb()) {
		t.Errorf("bomb original: %d, %d bytes", code, len(body))
	}
	code, body = get(w.H, url(names[1], "100x100", fileToken))
	if cfg, _, err := image.DecodeConfig(strings.NewReader(body)); code != http.StatusOK || err != nil || cfg.Width != 100 || !thumbExists(names[1], "100x100") {
		t.Errorf("scan thumbnail: %d %v %v", code, cfg, err)
	}
}

func get(h http.Handler, url string) (int, string) {
	req := httptest.NewRequest(http.MethodGet, url, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// TestHostile02CorruptImages: an image whose header is valid but whose data
// is not (a broken zlib stream, a file cut short) is refused on upload, on
// photo fields and dossiers alike: published, it would stop every build.
func TestHostile02CorruptImages(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	photo := imagetest.Photo(400, 300)
	files := []part{
		{"", "hong.png", imagetest.BreakPNGData(imagetest.PNG(photo))},
		{"", "cat-ngan.png", imagetest.Truncate(imagetest.PNG(photo))},
		{"", "cat-ngan.jpg", imagetest.Truncate(imagetest.JPEG(photo))},
	}
	for _, f := range files {
		for _, c := range []struct {
			role, collection, field string
			fields                  map[string]string
		}{
			{editor, schema.Articles, "cover", articleFields},
			{reporterA, schema.Nominations, "dossier", nominationFields()},
		} {
			f.field = c.field
			code, body := upload(w.H, http.MethodPost, "/api/collections/"+c.collection+"/records", w.Tokens[c.role], c.fields, f)
			what := f.name + " in " + c.collection
			if msg := fieldMessage(t, what, code, body, c.field); !strings.Contains(msg, "“"+f.name+"” bị hỏng, không đọc được") {
				t.Errorf("%s: message %q", what, msg)
			}
		}
	}
}

// TestHostile17HugePhotos: photos are stored at most 1,600 pixels long
// (JPEG stays JPEG, PNG stays PNG), upright, without their EXIF (where a
// phone writes the GPS position); a 50-megapixel photo is over the cap;
// dossier files are kept as sent.
func TestHostile17HugePhotos(t *testing.T) {
	t.Parallel()
	w := newWorld(t)

	code, body := upload(w.H, http.MethodPost, "/api/collections/articles/records", w.Tokens[editor], articleFields,
		part{"cover", "anh-lon.jpg", imagetest.JPEG(imagetest.Photo(4000, 3000))})
	if code != http.StatusOK {
		t.Fatalf("4000 × 3000 JPEG: %d %s", code, body)
	}
	names, files := storedFiles(t, w.App, schema.Articles, body, "cover")
	if cfg, format, err := image.DecodeConfig(bytes.NewReader(files[0])); err != nil || format != "jpeg" || cfg.Width != 1600 || cfg.Height != 1200 {
		t.Errorf("4000 × 3000 JPEG stored as %s %d × %d (%v)", format, cfg.Width, cfg.Height, err)
	}
	if !strings.HasPrefix(names[0], "anh_lon_") || !strings.HasSuffix(names[0], ".jpg") {
		t.Errorf("stored as %q", names[0])
	}

	// Turned by EXIF (orientation 6: the camera was held upright).
	turned := imagetest.WithEXIF(imagetest.JPEG(imagetest.Photo(300, 200)), 6, "GPS 21.0278 N 105.8342 E")
	code, body = upload(w.H, http.MethodPost, "/api/collections/honorees/records", w.Tokens[reviewer],
		map[string]string{"name": "Người có ảnh", "kind": "ca-nhan", "status": "draft"}, part{"photo", "chan-dung.jpg", turned})
	if code != http.StatusOK {
		t.Fatalf("EXIF-turned JPEG: %d %s", code, body)
	}
	_, files = storedFiles(t, w.App, schema.Honorees, body, "photo")
	img, err := jpeg.Decode(bytes.NewReader(files[0]))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 200 || b.Dy() != 300 {
		t.Errorf("EXIF-turned JPEG stored %d × %d, want 200 × 300 upright", b.Dx(), b.Dy())
	}
	if r, g, _, _ := img.At(175, 25).RGBA(); r>>8 < 180 || g>>8 > 80 { // the red quarter, now top right
		t.Errorf("EXIF-turned JPEG not upright: top right is (%d, %d, …)", r>>8, g>>8)
	}
	if bytes.Contains(files[0], []byte("Exif")) || bytes.Contains(files[0], []byte("GPS")) {
		t.Error("the EXIF segment was kept")
	}

	// Several photos: a wide PNG stays PNG, shrunk; a small JPEG is kept.
	small := imagetest.JPEG(imagetest.Photo(640, 480))
	code, body = upload(w.H, http.MethodPost, "/api/collections/initiatives/records", w.Tokens[editor],
		map[string]string{"title": "Sáng kiến có ảnh", "kind": "sang-kien", "field": "chuyen-doi-so", "status": "draft"},
		part{"photos", "so-do.png", imagetest.PNG(imagetest.Photo(3000, 1000))}, part{"photos", "nho.jpg", small})
	if code != http.StatusOK {
		t.Fatalf("two photos: %d %s", code, body)
	}
	names, files = storedFiles(t, w.App, schema.Initiatives, body, "photos")
	if len(files) != 2 {
		t.Fatalf("stored %v", names)
	}
	if cfg, format, err := image.DecodeConfig(bytes.NewReader(files[0])); err != nil || format != "png" || cfg.Width != 1600 || cfg.Height != 533 {
		t.Errorf("3000 × 1000 PNG stored as %s %d × %d (%v)", format, cfg.Width, cfg.Height, err)
	}
	if !bytes.Equal(files[1], small) {
		t.Error("a small JPEG without metadata was rewritten")
	}

	// 8160 × 6120 (a 50 Mpx phone mode): over the 40 Mpx cap.
	code, body = upload(w.H, http.MethodPost, "/api/collections/articles/records", w.Tokens[editor], articleFields,
		part{"cover", "50mp.png", imagetest.BlackPNG(8160, 6120)})
	if msg := fieldMessage(t, "50 Mpx photo", code, body, "cover"); !strings.Contains(msg, "8.160 × 6.120 điểm ảnh; tối đa 40 triệu điểm ảnh") {
		t.Errorf("50 Mpx photo: message %q", msg)
	}

	// A dossier's scan is evidence: kept as sent.
	scan := imagetest.JPEG(imagetest.Photo(3000, 2000))
	code, body = upload(w.H, http.MethodPost, "/api/collections/nominations/records", w.Tokens[reporterA], nominationFields(),
		part{"dossier", "giay-chung-nhan.jpg", scan})
	if code != http.StatusOK {
		t.Fatalf("dossier scan: %d %s", code, body)
	}
	if _, files = storedFiles(t, w.App, schema.Nominations, body, "dossier"); !bytes.Equal(files[0], scan) {
		t.Error("a dossier scan was rewritten")
	}
}
