// Package doctest makes the hostile documents upload tests send, in Go,
// at the size asked: OLE2 (.doc, .xls) files whose directory nests
// storages thousands deep, and ZIP archives of many tiny parts.
package doctest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"strconv"
	"unicode/utf16"
)

const (
	sectorSize = 512
	entrySize  = 128
	endOfChain = 0xFFFFFFFE
	fatSect    = 0xFFFFFFFD
	freeSect   = 0xFFFFFFFF
	noStream   = 0xFFFFFFFF
)

// entry is one directory entry of an OLE2 file.
type entry struct {
	name               string
	kind               byte // 1 storage, 2 stream, 5 root
	left, right, child uint32
}

// NestedDOC returns a version 3 OLE2 compound file whose root holds a
// "WordDocument" stream (empty) and a chain of depth storages, each the
// only child of the one before: about 128 bytes an entry, so that 20,000
// deep is a 2.6 MB .doc. A reader that copies each entry's path from the
// root needs memory with the square of depth.
func NestedDOC(depth int) []byte {
	entries := []entry{{name: "Root Entry", kind: 5, left: noStream, right: noStream, child: 1}}
	// Entry 1: the Word stream, whose right sibling is the first storage.
	next := uint32(noStream)
	if depth > 0 {
		next = 2
	}
	entries = append(entries, entry{name: "WordDocument", kind: 2, left: noStream, right: next, child: noStream})
	for i := range depth {
		child := uint32(noStream)
		if i < depth-1 {
			child = uint32(len(entries) + 1)
		}
		entries = append(entries, entry{name: "ObjectPool", kind: 1, left: noStream, right: noStream, child: child})
	}
	return compoundFile(entries)
}

// compoundFile lays out entries as a version 3 compound file: the FAT
// sectors first, then the directory's sectors in one chain.
func compoundFile(entries []entry) []byte {
	perSector := sectorSize / entrySize
	dirSectors := (len(entries) + perSector - 1) / perSector
	// FAT sectors needed for themselves and the directory.
	fatSectors := 1
	for fatSectors*(sectorSize/4) < fatSectors+dirSectors {
		fatSectors++
	}
	if fatSectors > 109 {
		panic("doctest: directory too large for a header-only DIFAT")
	}
	le := binary.LittleEndian
	var out bytes.Buffer
	header := make([]byte, sectorSize)
	copy(header, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(header[24:], 0x3E)
	le.PutUint16(header[26:], 3)
	le.PutUint16(header[28:], 0xFFFE)
	le.PutUint16(header[30:], 9)
	le.PutUint16(header[32:], 6)
	le.PutUint32(header[44:], uint32(fatSectors))
	le.PutUint32(header[48:], uint32(fatSectors)) // the directory follows the FAT
	le.PutUint32(header[56:], 4096)
	le.PutUint32(header[60:], endOfChain)
	le.PutUint32(header[68:], endOfChain)
	for i := range 109 {
		v := uint32(freeSect)
		if i < fatSectors {
			v = uint32(i)
		}
		le.PutUint32(header[76+4*i:], v)
	}
	out.Write(header)

	fat := make([]byte, fatSectors*sectorSize)
	for i := range fatSectors * sectorSize / 4 {
		v := uint32(freeSect)
		switch {
		case i < fatSectors:
			v = fatSect
		case i < fatSectors+dirSectors-1:
			v = uint32(i + 1)
		case i == fatSectors+dirSectors-1:
			v = endOfChain
		}
		le.PutUint32(fat[4*i:], v)
	}
	out.Write(fat)

	dir := make([]byte, dirSectors*sectorSize)
	for i, e := range entries {
		b := dir[i*entrySize : (i+1)*entrySize]
		name := utf16.Encode([]rune(e.name))
		for j, c := range name {
			le.PutUint16(b[2*j:], c)
		}
		le.PutUint16(b[64:], uint16(2*len(name)+2))
		b[66], b[67] = e.kind, 1 // black
		le.PutUint32(b[68:], e.left)
		le.PutUint32(b[72:], e.right)
		le.PutUint32(b[76:], e.child)
		le.PutUint32(b[116:], endOfChain)
	}
	for i := len(entries); i < dirSectors*perSector; i++ {
		b := dir[i*entrySize : (i+1)*entrySize]
		le.PutUint32(b[68:], noStream)
		le.PutUint32(b[72:], noStream)
		le.PutUint32(b[76:], noStream)
	}
	out.Write(dir)
	return out.Bytes()
}

// ManyPartsDOCX returns a Word (.docx) archive holding, beside its two
// required parts, n empty parts: about 140 bytes each in the archive, so
// that 14 MB hold a hundred thousand of them.
func ManyPartsDOCX(n int) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	add := func(name, body string) {
		f, _ := w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		_, _ = f.Write([]byte(body))
	}
	add("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	add("word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`)
	for i := range n {
		add("customXml/item"+strconv.Itoa(i)+".xml", "")
	}
	_ = w.Close()
	return buf.Bytes()
}
