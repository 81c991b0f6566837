package imagecheck

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The work of decoding a JPEG grows with its pixels and with its scans:
// Go's image/jpeg walks every block of a scan's components once per scan,
// even when the scan's data says "nothing here" for thousands of blocks in
// a few bytes. A 229 KB progressive JPEG just under the pixel cap with two
// thousand such scans took it a minute and a half, with no way to stop it.
// jpegWork counts the scans and that work before anything is decoded, by
// reading the file's markers as image/jpeg reads them.

// Encoders write few scans: a baseline JPEG has one scan (or one per
// component), libjpeg's and libjpeg-turbo's progressive scripts 6 (grey),
// 10 (colour) and 18 (CMYK) scans, mozjpeg picks a dozen or so of its 64
// candidates, Photoshop 3 to 5. Counted in passes over the image's blocks
// (a scan of one component of a colour photo is a fraction of a pass),
// libjpeg's scripts are 5 to 6 passes.
const (
	// DefaultMaxScans is the most scans a JPEG may have: more than any
	// encoder writes.
	DefaultMaxScans = 100
	// DefaultMaxPasses is the most passes over the image's blocks its
	// scans may make together: three times libjpeg's progressive scripts.
	DefaultMaxPasses = 20
)

// jpegCost is what jpegWork learnt of a JPEG's structure.
type jpegCost struct {
	scans int
	// work is the blocks the scans walk, summed over the scans; blocks
	// those of the whole image (all components), one pass.
	work, blocks int64
}

// passes is work in whole passes over the image, rounded up.
func (c jpegCost) passes() int64 {
	if c.blocks == 0 {
		return 0
	}
	return (c.work + c.blocks - 1) / c.blocks
}

// errJPEGStructure: the markers do not read as image/jpeg would read them.
var errJPEGStructure = errors.New("jpeg structure")

// jpegWork reads the markers of the JPEG in r, as image/jpeg's decoder
// reads them (extraneous bytes and entropy-coded data skipped up to the
// next marker), and returns its scans and the blocks they walk. It stops
// as soon as the scans or the passes are over the limits, so that its own
// work is linear in the file and its memory a small buffer.
func jpegWork(r io.Reader, maxScans, maxPasses int) (jpegCost, error) {
	br := bufio.NewReaderSize(r, 4096)
	var (
		c        jpegCost
		seg      [2 + 2 + 3*maxComponents]byte
		compWork [256]int64 // blocks of each component, by its id
		frame    bool
	)
	if b, err := readN(br, seg[:2]); err != nil || b[0] != 0xFF || b[1] != markerSOI {
		return c, fmt.Errorf("%w: no start of image", errJPEGStructure)
	}
	for {
		// Skip to the next 0xFF: entropy-coded data and extraneous bytes.
		if _, err := br.ReadSlice(0xFF); err != nil {
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			return c, nil // cut short: image/jpeg fails, having done no more
		}
		marker, err := br.ReadByte()
		for err == nil && marker == 0xFF { // fill bytes
			marker, err = br.ReadByte()
		}
		switch {
		case err != nil:
			return c, nil
		case marker == 0x00, marker >= 0xD0 && marker <= 0xD7: // stuffed byte, restart marker
			continue
		case marker == markerEOI:
			return c, nil
		}
		b, err := readN(br, seg[:2])
		if err != nil {
			return c, nil
		}
		n := int(binary.BigEndian.Uint16(b)) - 2
		if n < 0 {
			return c, fmt.Errorf("%w: short segment", errJPEGStructure)
		}
		switch {
		case marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
			if frame {
				return c, fmt.Errorf("%w: two frames", errJPEGStructure)
			}
			frame = true
			if err := readFrame(br, n, &c, &compWork); err != nil {
				return c, err
			}
		case marker == markerSOS:
			if n < 1 || n > len(seg) {
				return c, fmt.Errorf("%w: scan header of %d bytes", errJPEGStructure, n)
			}
			h, err := readN(br, seg[:n])
			if err != nil {
				return c, nil
			}
			c.scans++
			for i := 0; i < int(h[0]) && 1+2*i < n; i++ {
				c.work += compWork[h[1+2*i]]
			}
			if c.scans > maxScans || (c.blocks > 0 && c.work > int64(maxPasses)*c.blocks) {
				return c, nil
			}
		default:
			if _, err := br.Discard(n); err != nil {
				return c, nil
			}
		}
	}
}

// maxComponents is the most components a JPEG frame has.
const maxComponents = 4

// readFrame reads a frame header (SOFn) of n bytes into c and compWork:
// each component's blocks, as image/jpeg lays them out (whole MCUs).
func readFrame(br *bufio.Reader, n int, c *jpegCost, compWork *[256]int64) error {
	var buf [6 + 3*maxComponents]byte
	if n < 6 || n > len(buf) {
		return fmt.Errorf("%w: frame header of %d bytes", errJPEGStructure, n)
	}
	f, err := readN(br, buf[:n])
	if err != nil {
		return fmt.Errorf("%w: frame header cut short", errJPEGStructure)
	}
	height, width, nComp := int64(binary.BigEndian.Uint16(f[1:])), int64(binary.BigEndian.Uint16(f[3:])), int(f[5])
	if nComp < 1 || nComp > maxComponents || n != 6+3*nComp {
		return fmt.Errorf("%w: %d components", errJPEGStructure, nComp)
	}
	var maxH, maxV int64 = 1, 1
	for i := range nComp {
		s := f[6+3*i+1]
		maxH, maxV = max(maxH, int64(s>>4)), max(maxV, int64(s&0x0F))
	}
	mcus := ((width + 8*maxH - 1) / (8 * maxH)) * ((height + 8*maxV - 1) / (8 * maxV))
	for i := range nComp {
		id, s := f[6+3*i], f[6+3*i+1]
		blocks := mcus * int64(s>>4) * int64(s&0x0F)
		compWork[id] = blocks
		c.blocks += blocks
	}
	return nil
}

// readN reads len(p) bytes into p.
func readN(br *bufio.Reader, p []byte) ([]byte, error) {
	_, err := io.ReadFull(br, p)
	return p, err
}
