package imagetest

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// ManyScanJPEG returns a valid progressive grey JPEG of w × h pixels made
// of one DC scan and then scans-1 AC scans, each of which says "nothing
// here" for every block in a few end-of-band runs: about 50 bytes a scan,
// whatever the size. A decoder without a limit on scans walks every block
// of the image once per scan, so that a few hundred kilobytes at the pixel
// cap cost it minutes.
func ManyScanJPEG(w, h, scans int) []byte {
	var out bytes.Buffer
	out.Write([]byte{0xFF, 0xD8})
	// One quantisation table of ones.
	segment(&out, 0xDB, append([]byte{0x00}, bytes.Repeat([]byte{1}, 64)...))
	// Progressive frame, one component (id 1, 1 × 1 sampling, table 0).
	sof := []byte{8, 0, 0, 0, 0, 1, 1, 0x11, 0}
	binary.BigEndian.PutUint16(sof[1:], uint16(h))
	binary.BigEndian.PutUint16(sof[3:], uint16(w))
	segment(&out, 0xC2, sof)
	// DC table 0: one symbol, 0 (no difference), coded "0".
	dc := make([]byte, 1+16+1)
	dc[0], dc[1], dc[17] = 0x00, 1, 0
	segment(&out, 0xC4, dc)
	// AC table 0: the 15 end-of-band runs EOB0 to EOB14 (symbols r<<4),
	// each coded on 4 bits: symbol r is code r.
	ac := make([]byte, 1+16+15)
	ac[0], ac[4] = 0x10, 15
	for r := range 15 {
		ac[17+r] = byte(r << 4)
	}
	segment(&out, 0xC4, ac)

	blocks := ((w + 7) / 8) * ((h + 7) / 8)
	// The DC scan: a "0" bit for each block.
	segment(&out, 0xDA, []byte{1, 1, 0x00, 0, 0, 0x00})
	var bw bitWriter
	for range blocks {
		bw.put(0, 1)
	}
	out.Write(bw.flush())
	// The AC scans, each the same run of empty bands over every block.
	bw = bitWriter{}
	for left := blocks; left > 0; {
		r := min(14, bits.Len(uint(left))-1)
		n := min(left, 1<<r+(1<<r-1))
		bw.put(uint32(r), 4)
		bw.put(uint32(n-1<<r), r)
		left -= n
	}
	acScan := bw.flush()
	for range scans - 1 {
		segment(&out, 0xDA, []byte{1, 1, 0x00, 1, 63, 0x00})
		out.Write(acScan)
	}
	out.Write([]byte{0xFF, 0xD9})
	return out.Bytes()
}

// segment writes a marker segment: the marker, the length, the payload.
func segment(out *bytes.Buffer, marker byte, payload []byte) {
	out.Write([]byte{0xFF, marker})
	_ = binary.Write(out, binary.BigEndian, uint16(2+len(payload)))
	out.Write(payload)
}

// bitWriter writes entropy-coded data: most significant bit first, a
// zero byte stuffed after each 0xFF, the last byte padded with ones.
type bitWriter struct {
	out  []byte
	acc  uint32
	nacc int
}

func (b *bitWriter) put(v uint32, n int) {
	for i := n - 1; i >= 0; i-- {
		b.acc = b.acc<<1 | (v>>i)&1
		if b.nacc++; b.nacc == 8 {
			b.emit(byte(b.acc))
			b.acc, b.nacc = 0, 0
		}
	}
}

func (b *bitWriter) emit(c byte) {
	b.out = append(b.out, c)
	if c == 0xFF {
		b.out = append(b.out, 0)
	}
}

func (b *bitWriter) flush() []byte {
	if b.nacc > 0 {
		b.emit(byte(b.acc<<(8-b.nacc) | (1<<(8-b.nacc) - 1)))
		b.acc, b.nacc = 0, 0
	}
	return b.out
}
