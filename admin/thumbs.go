package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"github.com/daison/portal/internal/imagecheck"
	"github.com/daison/portal/internal/vntext"
)

// thumbRefusalKey is where boundThumbs leaves, in the request's store, why
// it refused a thumbnail, for refuseThumb to answer once PocketBase has
// checked that the caller may read the file.
const thumbRefusalKey = "portalThumbRefusal"

// boundThumbs keeps PocketBase's thumbnails (?thumb=WxH, which every file
// field offers at 100x100) within the caps. PocketBase makes a missing
// thumbnail by decoding the whole original, before any hook of ours runs;
// an image stored before uploads were checked whole may be a pixel bomb
// (20,000 × 20,000 pixels took the portal from 150 MB to 3 GB) or a JPEG of
// thousands of scans (a minute and a half of processor time). So, before
// its handler, this reads the original's header and counts a JPEG's
// scans: an image over the caps, or whose header does not read, gets no
// thumbnail (the thumb parameter is dropped so none is made, and
// refuseThumb answers 422 in Vietnamese); one within them is decoded within
// decodeBudget, one at a time per account, like uploads. (PocketBase's
// decode itself takes no deadline: the caps are what bound it.)
func boundThumbs(e *core.RequestEvent) error {
	thumb := e.Request.URL.Query().Get("thumb")
	if thumb == "" || !strings.HasPrefix(e.Request.URL.Path, "/api/files/") ||
		(e.Request.Method != http.MethodGet && e.Request.Method != http.MethodHead) {
		return e.Next()
	}
	collection, err := e.App.FindCachedCollectionByNameOrId(e.Request.PathValue("collection"))
	if err != nil || collection.IsView() {
		return e.Next()
	}
	record, err := e.App.FindRecordById(collection, e.Request.PathValue("recordId"))
	if err != nil {
		return e.Next()
	}
	name := e.Request.PathValue("filename")
	if record.FindFileFieldByFile(name) == nil {
		return e.Next()
	}
	info, err := storedImageHead(e.App, record, name, thumb)
	switch {
	case err != nil && (errors.Is(err, imagecheck.ErrTooLarge) || errors.Is(err, imagecheck.ErrCorrupt) || errors.Is(err, imagecheck.ErrTooComplex)):
		q := e.Request.URL.Query()
		q.Del("thumb")
		e.Request.URL.RawQuery = q.Encode()
		e.Set(thumbRefusalKey, thumbProblem(name, info, err))
		return e.Next()
	case err != nil || !info.IsImage():
		return e.Next() // no thumbnail to make, or one already made
	}
	weight, account := decodeWeight(info), requestAccount(e)
	if err := decoding.acquire(e.Request.Context(), account, weight); err != nil {
		return fmt.Errorf("wait to make a thumbnail of %s: %w", name, err)
	}
	defer decoding.release(account, weight)
	return e.Next()
}

// errThumbExists: the thumbnail asked for is already stored.
var errThumbExists = errors.New("thumbnail already made")

// storedImageHead inspects the header (and a JPEG's scans) of the stored
// file name of record, unless its thumbnail of size thumb is already made.
func storedImageHead(app core.App, record *core.Record, name, thumb string) (imagecheck.Info, error) {
	fsys, err := app.NewFilesystem()
	if err != nil {
		return imagecheck.Info{}, fmt.Errorf("open the file store: %w", err)
	}
	defer fsys.Close()
	base := record.BaseFilesPath()
	// Where PocketBase keeps thumbnails (apis/file.go).
	if ok, _ := fsys.Exists(base + "/thumbs_" + name + "/" + thumb + "_" + name); ok {
		return imagecheck.Info{}, errThumbExists
	}
	rd, err := fsys.GetReader(base + "/" + name)
	if err != nil {
		return imagecheck.Info{}, fmt.Errorf("open %s: %w", name, err)
	}
	defer rd.Close()
	return imagecheck.InspectReader(rd, imagecheck.Default)
}

// thumbProblem says in Vietnamese why no thumbnail is made of name.
func thumbProblem(name string, info imagecheck.Info, err error) string {
	if errors.Is(err, imagecheck.ErrTooComplex) {
		return "Không tạo ảnh thu nhỏ cho “" + name + "”: ảnh được lưu thành quá nhiều lượt quét (ảnh JPEG lũy tiến), máy chủ không đọc. Hãy tải tệp gốc về, lưu lại thành JPEG thông thường rồi tải lên lại."
	}
	if errors.Is(err, imagecheck.ErrTooLarge) {
		return fmt.Sprintf("Không tạo ảnh thu nhỏ cho “%s”: ảnh quá lớn (%s × %s điểm ảnh; tối đa %s triệu điểm ảnh và mỗi chiều %s điểm ảnh). Hãy tải tệp gốc về, thu nhỏ rồi tải lên lại.",
			name, vntext.GroupDigits(info.Width), vntext.GroupDigits(info.Height), vntext.GroupDigits(imagecheck.Default.MaxPixels/1_000_000), vntext.GroupDigits(imagecheck.Default.MaxSide))
	}
	return "Không tạo ảnh thu nhỏ cho “" + name + "”: ảnh bị hỏng, không đọc được. Hãy tải lên lại ảnh gốc."
}

// refuseThumb answers a download whose thumbnail boundThumbs refused, after
// PocketBase's access check: 422 with the reason, instead of the original.
func refuseThumb(e *core.FileDownloadRequestEvent) error {
	if msg, ok := e.Get(thumbRefusalKey).(string); ok {
		return router.NewApiError(http.StatusUnprocessableEntity, msg, nil)
	}
	return e.Next()
}
