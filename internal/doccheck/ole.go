package doccheck

import (
	"encoding/binary"
	"fmt"
)

// An OLE2 compound file (Microsoft's Compound File Binary format, MS-CFB)
// is a little file system: a header, sectors chained by a file allocation
// table (FAT) whose own sectors a "DIFAT" lists, and a directory of
// 128-byte entries forming a tree of storages and streams. A reading
// library builds the whole tree before anyone can count it, and
// github.com/richardlehane/mscfb copies each entry's path from the root,
// which costs memory with the square of the depth: a 2.6 MB .doc of
// storages nested 20,000 deep took it 3.3 GB. This reader reads only what
// the check needs (the names of the root's streams), in place, and counts
// sectors and entries while it follows their chains, so that its memory is
// a few bytes per entry and its work linear in the file.

// Special sector numbers (MS-CFB 2.1).
const (
	maxRegSect = 0xFFFFFFFA
	endOfChain = 0xFFFFFFFE
	noStream   = 0xFFFFFFFF
)

// Directory entry types (MS-CFB 2.6.1).
const (
	oleStorage = 1
	oleStream  = 2
	oleRoot    = 5
)

const (
	oleHeaderLen = 512
	oleDirEntry  = 128
)

// oleFile is a compound file being read: its bytes, its sector size, and
// the sectors of its FAT in order.
type oleFile struct {
	data     []byte
	ss       uint32 // sector size
	nSectors uint32 // whole sectors after the header
	fat      []uint32
}

// sector returns sector sn, or false when it is not a sector of the file.
func (f *oleFile) sector(sn uint32) ([]byte, bool) {
	if sn >= f.nSectors {
		return nil, false
	}
	off := (int64(sn) + 1) * int64(f.ss)
	return f.data[off : off+int64(f.ss)], true
}

// next follows the FAT from sector sn.
func (f *oleFile) next(sn uint32) (uint32, error) {
	per := f.ss / 4
	i := sn / per
	if int(i) >= len(f.fat) {
		return 0, fmt.Errorf("%w: OLE2 sector %d outside the FAT", ErrCorrupt, sn)
	}
	s, ok := f.sector(f.fat[i])
	if !ok {
		return 0, fmt.Errorf("%w: OLE2 FAT sector %d outside the file", ErrCorrupt, f.fat[i])
	}
	return binary.LittleEndian.Uint32(s[4*(sn%per):]), nil
}

// openOLE reads the header and the list of FAT sectors: only as many as
// the file has sectors to describe, whatever the header claims.
func openOLE(data []byte) (*oleFile, error) {
	if len(data) < oleHeaderLen {
		return nil, fmt.Errorf("%w: OLE2 header cut short", ErrCorrupt)
	}
	le := binary.LittleEndian
	f := &oleFile{data: data}
	switch shift := le.Uint16(data[30:]); shift {
	case 9, 12:
		f.ss = 1 << shift
	default:
		return nil, fmt.Errorf("%w: OLE2 sector shift %d", ErrCorrupt, shift)
	}
	if len(data) < int(f.ss) {
		return nil, fmt.Errorf("%w: OLE2 header cut short", ErrCorrupt)
	}
	f.nSectors = uint32(min(int64(len(data))/int64(f.ss)-1, maxRegSect))
	per := f.ss / 4
	need := int((f.nSectors + per - 1) / per) // FAT sectors enough for every sector
	f.fat = make([]uint32, 0, need)
	for i := 0; i < 109 && len(f.fat) < need; i++ {
		f.fat = append(f.fat, le.Uint32(data[76+4*i:]))
	}
	// The rest of the list is in DIFAT sectors: per-1 entries each, then
	// the next one's number.
	seen := make([]bool, f.nSectors)
	for sn := le.Uint32(data[68:]); len(f.fat) < need && sn != endOfChain && sn != noStream; {
		s, ok := f.sector(sn)
		if !ok || seen[sn] {
			return nil, fmt.Errorf("%w: OLE2 DIFAT chain broken at sector %d", ErrCorrupt, sn)
		}
		seen[sn] = true
		for i := uint32(0); i < per-1 && len(f.fat) < need; i++ {
			f.fat = append(f.fat, le.Uint32(s[4*i:]))
		}
		sn = le.Uint32(s[4*(per-1):])
	}
	return f, nil
}

// oleRootStreams reads the directory of an OLE2 file and calls stream with
// the name of each stream directly under the root (as UTF-16LE bytes). It
// counts directory entries as it follows the directory's sectors, and
// refuses more than maxEntries (ErrTooLarge) before reading further; it
// walks the tree without recursion, each entry at most once.
func oleRootStreams(data []byte, maxEntries int, stream func(name []byte)) error {
	f, err := openOLE(data)
	if err != nil {
		return err
	}
	per := int(f.ss / oleDirEntry)
	var dir [][]byte // the directory's sectors
	seen := make([]bool, f.nSectors)
	maxSectors := (maxEntries + per - 1) / per
	for sn := binary.LittleEndian.Uint32(data[48:]); sn != endOfChain; {
		if len(dir) >= maxSectors {
			return fmt.Errorf("%w: more than %d OLE2 directory entries", ErrTooManyParts, maxEntries)
		}
		s, ok := f.sector(sn)
		if !ok || seen[sn] {
			return fmt.Errorf("%w: OLE2 directory chain broken at sector %d", ErrCorrupt, sn)
		}
		seen[sn] = true
		dir = append(dir, s)
		if sn, err = f.next(sn); err != nil {
			return err
		}
	}
	n := uint32(len(dir) * per)
	entry := func(id uint32) []byte {
		s := dir[id/uint32(per)]
		off := (id % uint32(per)) * oleDirEntry
		return s[off : off+oleDirEntry]
	}
	if n == 0 || entry(0)[66] != oleRoot {
		return fmt.Errorf("%w: OLE2 without a root entry", ErrCorrupt)
	}
	le := binary.LittleEndian
	// Each item is an entry's id and whether it sits directly under the
	// root (a sibling in the root's tree of children).
	type item struct {
		id  uint32
		top bool
	}
	visited := make([]bool, n)
	visited[0] = true
	stack := []item{{le.Uint32(entry(0)[76:]), true}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.id == noStream {
			continue
		}
		if it.id >= n || visited[it.id] {
			return fmt.Errorf("%w: OLE2 directory tree broken at entry %d", ErrCorrupt, it.id)
		}
		visited[it.id] = true
		e := entry(it.id)
		stack = append(stack, item{le.Uint32(e[68:]), it.top}, item{le.Uint32(e[72:]), it.top})
		switch e[66] {
		case oleStream:
			if it.top {
				if l := int(le.Uint16(e[64:])); l >= 2 && l <= 64 && l%2 == 0 {
					stream(e[:l-2])
				}
			}
		case oleStorage:
			stack = append(stack, item{le.Uint32(e[76:]), false})
		}
	}
	return nil
}

// utf16Is reports whether name, UTF-16LE, is the ASCII text s.
func utf16Is(name []byte, s string) bool {
	if len(name) != 2*len(s) {
		return false
	}
	for i := range len(s) {
		if name[2*i] != s[i] || name[2*i+1] != 0 {
			return false
		}
	}
	return true
}
