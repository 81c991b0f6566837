package awards_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/daison/portal/internal/schema"
)

// TestSignedReportFile: a yearly report carries its signed file, a PDF or
// DOCX whose bytes say so; a text file named .pdf is refused in
// Vietnamese.
func TestSignedReportFile(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	send := func(name string, data []byte) (int, string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		_ = mw.WriteField("unit", unitA)
		_ = mw.WriteField("year", fmt.Sprint(time.Now().In(schema.Vietnam).Year()))
		_ = mw.WriteField("state", "draft")
		_ = mw.WriteField("summary", "Báo cáo kèm bản có chữ ký.")
		f, _ := mw.CreateFormFile("signedReport", name)
		_, _ = f.Write(data)
		_ = mw.Close()
		req := httptest.NewRequest(http.MethodPost, "/api/collections/unitReports/records", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", w.Tokens[reporterA])
		rec := httptest.NewRecorder()
		w.H.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	code, got := send("bao-cao.pdf", []byte("đây không phải PDF, chỉ là chữ"))
	if code != 400 || !strings.Contains(got, "signedReport") || !strings.Contains(got, "Loại tệp không được phép") {
		t.Fatalf("a text file as PDF: %d %s", code, got)
	}
	pdf := []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
	code, got = send("bao-cao-co-chu-ky.pdf", pdf)
	if code != 200 || !strings.Contains(got, `"signedReport":"bao_cao_co_chu_ky`) {
		t.Fatalf("a PDF: %d %s", code, got)
	}
}
