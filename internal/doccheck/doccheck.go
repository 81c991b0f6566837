// Package doccheck decides whether the bytes of an uploaded official
// document are what they claim to be: a PDF must really be a PDF (its
// header, objects and end-of-file marker), a DOCX or XLSX a ZIP archive
// whose parts are those of a Word or Excel file and decompress within
// bounds (no ZIP bomb), a DOC or XLS an OLE2 compound file holding a Word
// or Excel stream. The kind is read from the bytes; the file's name must
// agree with it, so that the file opens in the program its name promises.
//
// It is a leaf: it imports nothing of the portal's.
package doccheck

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Kind is a document type the portal accepts.
type Kind string

// The kinds of document, named by their usual extension.
const (
	PDF  Kind = "pdf"
	DOC  Kind = "doc"
	DOCX Kind = "docx"
	XLS  Kind = "xls"
	XLSX Kind = "xlsx"
)

// Errors of Check; test for them with errors.Is.
var (
	// ErrType: the bytes are none of the accepted kinds, or not the kind
	// the name says.
	ErrType = errors.New("not an accepted document type")
	// ErrCorrupt: the bytes start as an accepted kind but are damaged.
	ErrCorrupt = errors.New("document corrupt")
	// ErrTooLarge: the file, or what it decompresses to, is over the limits.
	ErrTooLarge = errors.New("document too large")
	// ErrTooManyParts: a ZIP or OLE2 file has more parts than MaxParts (it
	// is ErrTooLarge as well).
	ErrTooManyParts = fmt.Errorf("%w: too many parts", ErrTooLarge)
)

// Limits bound the work of checking one file.
type Limits struct {
	MaxBytes    int64 // the file itself
	MaxUnpacked int64 // the sum of a ZIP's parts, uncompressed
	MaxParts    int   // entries of a ZIP, or of an OLE2 directory
}

// Default are the portal's limits: a scanned, signed PDF of a few dozen
// pages; a Word or Excel form with its pictures.
var Default = Limits{MaxBytes: 20 << 20, MaxUnpacked: 100 << 20, MaxParts: 5000}

// Label is the Vietnamese name of a kind, for messages and the site.
func (k Kind) Label() string {
	switch k {
	case PDF:
		return "PDF"
	case DOC, DOCX:
		return "Word (" + strings.ToUpper(string(k)) + ")"
	case XLS, XLSX:
		return "Excel (" + strings.ToUpper(string(k)) + ")"
	}
	return string(k)
}

// KindOfName is the kind a file name's extension promises, or "".
func KindOfName(name string) Kind {
	switch k := Kind(strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")); k {
	case PDF, DOC, DOCX, XLS, XLSX:
		return k
	}
	return ""
}

// Check reads data, a file named name, and returns its kind, or why it is
// refused.
func Check(data []byte, name string, lim Limits) (Kind, error) {
	if int64(len(data)) > lim.MaxBytes {
		return "", fmt.Errorf("%w: %d bytes", ErrTooLarge, len(data))
	}
	want := KindOfName(name)
	var (
		got Kind
		err error
	)
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		got, err = PDF, checkPDF(data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		got, err = safely(func() (Kind, error) { return checkOOXML(data, lim) })
	case bytes.HasPrefix(data, oleMagic):
		got, err = safely(func() (Kind, error) { return checkOLE(data, want, lim) })
	default:
		return "", fmt.Errorf("%w: unknown content", ErrType)
	}
	if err != nil {
		return got, err
	}
	if got != want {
		return got, fmt.Errorf("%w: a %s named %q", ErrType, got, name)
	}
	return got, nil
}

// checkPDF: a version after the header, at least one object, and the
// end-of-file marker in the last kilobyte (where every writer puts it).
func checkPDF(data []byte) error {
	if len(data) < 9 || data[5] < '1' || data[5] > '2' || data[6] != '.' {
		return fmt.Errorf("%w: PDF header", ErrCorrupt)
	}
	if !bytes.Contains(data, []byte(" obj")) {
		return fmt.Errorf("%w: PDF without objects", ErrCorrupt)
	}
	tail := data[max(0, len(data)-1024):]
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return fmt.Errorf("%w: PDF cut short (no %%%%EOF)", ErrCorrupt)
	}
	return nil
}

// checkOOXML reads a ZIP archive as Word or Excel would: it must have the
// content types part and the main part of a document or a workbook, and
// every part must decompress whole (checksums included) within the limits.
func checkOOXML(data []byte, lim Limits) (Kind, error) {
	// archive/zip reads every entry of the central directory (a File of
	// some 200 bytes each) before anything can count them, and reads on
	// past the count the archive claims: a few megabytes of empty entries
	// would take it hundreds. Each entry starts with this signature, so
	// counting it in the file bounds the entries first.
	if n := bytes.Count(data, zipEntrySignature); n > lim.MaxParts {
		return "", fmt.Errorf("%w: more than %d", ErrTooManyParts, lim.MaxParts)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%w: zip: %w", ErrCorrupt, err)
	}
	if len(zr.File) > lim.MaxParts {
		return "", fmt.Errorf("%w: %d", ErrTooManyParts, len(zr.File))
	}
	has := map[string]bool{}
	var declared uint64
	for _, f := range zr.File {
		has[f.Name] = true
		declared += f.UncompressedSize64
	}
	if declared > uint64(lim.MaxUnpacked) {
		return "", fmt.Errorf("%w: %d bytes unpacked", ErrTooLarge, declared)
	}
	var kind Kind
	switch {
	case has["word/document.xml"]:
		kind = DOCX
	case has["xl/workbook.xml"]:
		kind = XLSX
	default:
		return "", fmt.Errorf("%w: a zip that is neither a Word nor an Excel file", ErrType)
	}
	if !has["[Content_Types].xml"] {
		return kind, fmt.Errorf("%w: %s without [Content_Types].xml", ErrCorrupt, kind)
	}
	left := lim.MaxUnpacked
	for _, f := range zr.File {
		n, err := readPart(f, left)
		if err != nil {
			return kind, err
		}
		left -= n
	}
	return kind, nil
}

// zipEntrySignature starts each entry of a ZIP archive's central directory.
var zipEntrySignature = []byte("PK\x01\x02")

// readPart decompresses one part whole, at most left bytes of it.
func readPart(f *zip.File, left int64) (int64, error) {
	if f.Flags&0x1 != 0 {
		return 0, fmt.Errorf("%w: encrypted part %s", ErrCorrupt, f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return 0, fmt.Errorf("%w: part %s: %w", ErrCorrupt, f.Name, err)
	}
	defer rc.Close()
	n, err := io.Copy(io.Discard, io.LimitReader(rc, left+1))
	if err != nil {
		return n, fmt.Errorf("%w: part %s: %w", ErrCorrupt, f.Name, err)
	}
	if n > left {
		return n, fmt.Errorf("%w: unpacks past %d bytes", ErrTooLarge, left)
	}
	return n, nil
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// checkOLE reads an OLE2 compound file's directory (ole.go): a Word file
// has a "WordDocument" stream under its root, an Excel file a "Workbook"
// (or, before 1997, "Book") stream.
func checkOLE(data []byte, want Kind, lim Limits) (Kind, error) {
	var word, excel bool
	err := oleRootStreams(data, lim.MaxParts, func(name []byte) {
		switch {
		case utf16Is(name, "WordDocument"):
			word = true
		case utf16Is(name, "Workbook"), utf16Is(name, "Book"):
			excel = true
		}
	})
	if err != nil {
		return "", err
	}
	switch {
	case word && (want == DOC || !excel):
		return DOC, nil
	case excel:
		return XLS, nil
	}
	return "", fmt.Errorf("%w: an OLE2 file that is neither Word nor Excel", ErrType)
}

// safely turns a panic of a reader met by a hostile file into ErrCorrupt.
func safely(f func() (Kind, error)) (k Kind, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: reader failed: %v", ErrCorrupt, p)
		}
	}()
	return f()
}
