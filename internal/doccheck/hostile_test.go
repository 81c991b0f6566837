package doccheck_test

import (
	"errors"
	"testing"

	"github.com/daison/portal/internal/doccheck"
	"github.com/daison/portal/internal/doccheck/doctest"
	"github.com/daison/portal/internal/testbudget"
)

// TestNestedOLERefused: a .doc whose directory nests storages 20,000 deep
// (2.6 MB; 3.3 GB and 20 s for a reader that copies each entry's path) is
// refused for its entry count while the directory is read, allocating a
// few hundred kilobytes; one nested 4,000 deep, within the count, is
// checked in memory linear in its size. (Not parallel: it measures the
// memory the check takes.)
func TestNestedOLERefused(t *testing.T) {
	nested := doctest.NestedDOC(20_000)
	if len(nested) < 2_500_000 || len(nested) > 2_700_000 {
		t.Fatalf("the nested .doc has %d bytes, want about 2.6 MB", len(nested))
	}
	var err error
	cpu, alloc := testbudget.Measure(func() { _, err = doccheck.Check(nested, "to-trinh.doc", doccheck.Default) })
	t.Logf("2.6 MB nested .doc: %v in %v of processor time, %d bytes allocated", err, cpu, alloc)
	if !errors.Is(err, doccheck.ErrTooManyParts) || !errors.Is(err, doccheck.ErrTooLarge) {
		t.Errorf("2.6 MB nested .doc: %v, want ErrTooManyParts", err)
	}
	if alloc > 1<<20 {
		t.Errorf("refusing it allocated %d bytes", alloc)
	}

	within := doctest.NestedDOC(4_000)
	var kind doccheck.Kind
	alloc = testbudget.Allocated(func() { kind, err = doccheck.Check(within, "to-trinh.doc", doccheck.Default) })
	if err != nil || kind != doccheck.DOC {
		t.Errorf("a Word file nested 4,000 deep: %q, %v", kind, err)
	}
	if alloc > 1<<20 {
		t.Errorf("checking a Word file nested 4,000 deep (%d bytes) allocated %d bytes", len(within), alloc)
	}
	if _, err := doccheck.Check(doctest.NestedDOC(0), "bieu-mau.xls", doccheck.Default); !errors.Is(err, doccheck.ErrType) {
		t.Errorf("a Word file named .xls: %v", err)
	}
}

// TestManyZipPartsRefused: a .docx of 100,000 empty parts (14 MB, under
// the 20 MB cap; tens of megabytes of archive/zip's entries) is refused
// before the archive is read.
func TestManyZipPartsRefused(t *testing.T) {
	many := doctest.ManyPartsDOCX(100_000)
	var err error
	alloc := testbudget.Allocated(func() { _, err = doccheck.Check(many, "mau.docx", doccheck.Default) })
	t.Logf("%d-byte .docx of 100,000 parts: %v, %d bytes allocated", len(many), err, alloc)
	if !errors.Is(err, doccheck.ErrTooManyParts) {
		t.Errorf("100,000 parts: %v, want ErrTooManyParts", err)
	}
	if alloc > 1<<20 {
		t.Errorf("refusing it allocated %d bytes", alloc)
	}
	if _, err := doccheck.Check(doctest.ManyPartsDOCX(100), "mau.docx", doccheck.Default); err != nil {
		t.Errorf("102 parts: %v", err)
	}
}
