package doccheck_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/daison/portal/internal/doccheck"
	"github.com/daison/portal/internal/doccheck/doctest"
	"github.com/daison/portal/internal/testbudget"
)

// PDF is a small but whole PDF.
var PDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

// zipOf packs the named parts into a ZIP archive.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, body := range parts {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func docx(t testing.TB) []byte {
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
	})
}

func xlsx(t testing.TB) []byte {
	f := excelize.NewFile()
	if err := f.SetCellValue("Sheet1", "A1", "Đại Sơn"); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(t *testing.T, name string) []byte {
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAccepts(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want doccheck.Kind
	}{
		{"ke-hoach.pdf", PDF, doccheck.PDF},
		{"mau-don.DOCX", docx(t), doccheck.DOCX},
		{"bang-tong-hop.xlsx", xlsx(t), doccheck.XLSX},
		{"bieu-mau.xls", read(t, "excel.xls"), doccheck.XLS},
		{"to-trinh.doc", read(t, "word.doc"), doccheck.DOC},
	} {
		got, err := doccheck.Check(c.data, c.name, doccheck.Default)
		if err != nil || got != c.want {
			t.Errorf("Check(%s) = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
}

func TestRefuses(t *testing.T) {
	big := bytes.Repeat([]byte("0"), 50<<20)
	bomb := zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": string(big)})
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"anh.pdf", []byte("\xff\xd8\xff\xe0 a JPEG"), doccheck.ErrType},
		{"ke-hoach.pdf", PDF[:40], doccheck.ErrCorrupt},                                          // cut short
		{"ke-hoach.pdf", []byte("%PDF-1.7\n%%EOF\n"), doccheck.ErrCorrupt},                       // no objects
		{"ke-hoach.docx", PDF, doccheck.ErrType},                                                 // a PDF named .docx
		{"mau.docx", zipOf(t, map[string]string{"a.txt": "x"}), doccheck.ErrType},                // a plain zip
		{"mau.docx", zipOf(t, map[string]string{"word/document.xml": "x"}), doccheck.ErrCorrupt}, // no content types
		{"mau.docx", docx(t)[:200], doccheck.ErrCorrupt},                                         // truncated zip
		{"mau.xlsx", docx(t), doccheck.ErrType},
		{"bieu-mau.xls", read(t, "excel.xls")[:600], doccheck.ErrCorrupt},
		{"bieu-mau.doc", read(t, "excel.xls"), doccheck.ErrType},
		{"khong-ten", PDF, doccheck.ErrType},
	} {
		if _, err := doccheck.Check(c.data, c.name, doccheck.Default); !errors.Is(err, c.want) {
			t.Errorf("Check(%s, %.20q) = %v; want %v", c.name, c.data, err, c.want)
		}
	}
	small := doccheck.Default
	small.MaxUnpacked = 10 << 20
	if _, err := doccheck.Check(bomb, "mau.docx", small); !errors.Is(err, doccheck.ErrTooLarge) {
		t.Errorf("a docx unpacking to 50 MB under a 10 MB limit: %v", err)
	}
	tooBig := append(append([]byte(nil), PDF...), make([]byte, 21<<20)...)
	if _, err := doccheck.Check(tooBig, "to.pdf", doccheck.Default); !errors.Is(err, doccheck.ErrTooLarge) {
		t.Errorf("21 MB PDF: %v", err)
	}
}

// A damaged part is found even when the directory is whole: its checksum
// fails on reading.
func TestDamagedPart(t *testing.T) {
	good := docx(t)
	i := bytes.Index(good, []byte("w:body"))
	if i < 0 {
		// stored compressed: damage the middle of the archive instead
		i = len(good) / 3
	}
	bad := append([]byte(nil), good...)
	bad[i] ^= 0xff
	if _, err := doccheck.Check(bad, "mau.docx", doccheck.Default); err == nil {
		t.Fatal("a docx with a damaged part was accepted")
	}
}

// fuzzBudget bounds the processor time of checking one input: generous,
// so that a busy machine does not fail it, yet far below the seconds an
// unbounded directory costs.
const fuzzBudget = time.Second

// FuzzCheck: no file, however made, panics the check, is accepted under a
// name of another kind, or costs more than fuzzBudget of processor time or
// more memory than a small multiple of its size.
func FuzzCheck(f *testing.F) {
	f.Add(PDF, "a.pdf")
	f.Add(docx(f), "a.docx")
	f.Add(xlsx(f), "a.xlsx")
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, "a.doc")
	f.Add(doctest.NestedDOC(3), "a.doc")
	f.Add(doctest.ManyPartsDOCX(3), "a.docx")
	for _, name := range []string{"word.doc", "excel.xls"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, name)
	}
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		var (
			k   doccheck.Kind
			err error
		)
		cpu, alloc := testbudget.Measure(func() { k, err = doccheck.Check(data, name, doccheck.Default) })
		if err == nil && !strings.HasSuffix(strings.ToLower(name), "."+string(k)) {
			t.Fatalf("accepted %q as %s", name, k)
		}
		if limit := 16*uint64(len(data)) + 4<<20; alloc > limit {
			t.Fatalf("checking %d bytes named %q allocated %d bytes, over %d", len(data), name, alloc, limit)
		}
		if cpu > fuzzBudget {
			t.Fatalf("checking %d bytes named %q took %v of processor time, over %v", len(data), name, cpu, fuzzBudget)
		}
	})
}
