package admin_test

import (
	"archive/zip"
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/daison/portal/internal/schema"
)

func documentFields() map[string]string {
	return map[string]string{
		"title": "Kế hoạch phát động phong trào thi đua cải cách hành chính", "number": "105/KH-UBND", "kind": "ke-hoach",
		"issuer": "UBND xã Đại Sơn", "signer": "Nguyễn Văn Chủ", "issuedOn": "2026-06-24 00:00:00.000Z", "status": "draft",
	}
}

func docxBytes(t *testing.T, parts ...string) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, name := range parts {
		f, _ := w.Create(name)
		_, _ = f.Write([]byte("<x/>"))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A document's number and symbol, date and file are checked, each refusal
// in Vietnamese beside its field; the good files go in and a published
// document must have one.
func TestDocumentsChecked(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	url := "/api/collections/" + schema.Documents + "/records"
	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

	bad := documentFields()
	bad["number"] = "105 KH UBND"
	code, body := upload(w.H, http.MethodPost, url, w.Tokens[editor], bad, part{"file", "ke-hoach.pdf", pdf})
	if msg := fieldMessage(t, "bad number", code, body, "number"); !strings.Contains(msg, "105/KH-UBND") {
		t.Errorf("number message %q", msg)
	}

	for _, c := range []struct {
		what string
		file part
		want string
	}{
		{"a JPEG named .pdf", part{"file", "quet.pdf", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")}, "không phải văn bản PDF"},
		{"a PDF cut short", part{"file", "ke-hoach.pdf", pdf[:30]}, "bị hỏng"},
		{"a zip named .docx", part{"file", "mau.docx", docxBytes(t, "a.txt")}, "không phải văn bản PDF"},
		{"a docx named .pdf", part{"file", "mau.pdf", docxBytes(t, "[Content_Types].xml", "word/document.xml")}, "không phải văn bản PDF"},
	} {
		code, body := upload(w.H, http.MethodPost, url, w.Tokens[editor], documentFields(), c.file)
		if msg := fieldMessage(t, c.what, code, body, "file"); !strings.Contains(msg, c.want) || !strings.Contains(msg, c.file.name) {
			t.Errorf("%s: message %q, want %q", c.what, msg, c.want)
		}
	}
	if n, _ := w.App.CountRecords(schema.Documents); n != 0 {
		t.Fatalf("%d documents stored from refused uploads", n)
	}

	pub := documentFields()
	pub["status"] = "published"
	code, body = upload(w.H, http.MethodPost, url, w.Tokens[editor], pub)
	if msg := fieldMessage(t, "published without file", code, body, "file"); !strings.Contains(msg, "trước khi xuất bản") {
		t.Errorf("no file message %q", msg)
	}

	lower := documentFields()
	lower["number"] = "Số: 12/2026/qđ-ubnd"
	code, body = upload(w.H, http.MethodPost, url, w.Tokens[editor], lower, part{"file", "mau-don.docx", docxBytes(t, "[Content_Types].xml", "word/document.xml")})
	if code != http.StatusOK {
		t.Fatalf("docx: %d %s", code, body)
	}
	if got := jsonField(t, body, "number"); got != "12/2026/QĐ-UBND" {
		t.Errorf("number stored as %q", got)
	}
	code, body = upload(w.H, http.MethodPost, url, w.Tokens[editor], pub, part{"file", "ke-hoach.pdf", pdf})
	if code != http.StatusOK {
		t.Fatalf("published PDF: %d %s", code, body)
	}
	if slug := jsonField(t, body, "slug"); !strings.HasPrefix(slug, "105-kh-ubnd-ke-hoach") {
		t.Errorf("slug %q", slug)
	}
	// Citizens see the published one only.
	code, body = upload(w.H, http.MethodGet, url, "", nil)
	if code != http.StatusOK || !strings.Contains(body, `"totalItems":1`) || !strings.Contains(body, "105/KH-UBND") {
		t.Errorf("anonymous list: %d %s", code, body)
	}
}
