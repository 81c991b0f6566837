// Package imagetest makes the images upload tests send: pixel bombs that
// cost little to make, photos, files damaged after a valid header, and JPEGs
// turned by an EXIF orientation.
package imagetest

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// BlackPNG returns a valid 8-bit grey PNG of w × h black pixels. Its rows
// are compressed as they are written, so a 20,000 × 20,000 bomb (400 MB of
// pixels once decoded) costs half a megabyte and a second to make.
func BlackPNG(w, h int) []byte {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8 // bit depth; colour type 0 (grey), no interlace
	writeChunk(&out, "IHDR", ihdr)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	row := make([]byte, 1+w) // filter byte 0, then the pixels
	for range h {
		_, _ = zw.Write(row)
	}
	_ = zw.Close()
	writeChunk(&out, "IDAT", z.Bytes())
	writeChunk(&out, "IEND", nil)
	return out.Bytes()
}

func writeChunk(out *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	out.WriteString(kind)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}

// Photo returns a w × h picture with a red top-left quarter on a blue and
// green gradient: enough detail that JPEG has work to do, and a corner to
// tell which way up it is.
func Photo(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{0, uint8(255 * x / w), uint8(255 * y / h), 255}
			if x < w/2 && y < h/2 {
				c = color.NRGBA{230, 20, 20, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// JPEG returns img encoded as a JPEG of quality 90.
func JPEG(img image.Image) []byte {
	var buf bytes.Buffer
	_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	return buf.Bytes()
}

// PNG returns img encoded as a PNG.
func PNG(img image.Image) []byte {
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}

// BreakPNGData returns a copy of a PNG whose first IDAT chunk starts with
// an invalid zlib header, with its chunk checksum correct: the header is
// valid, the pixels are not ("zlib: invalid header" when decoded).
func BreakPNGData(p []byte) []byte {
	out := bytes.Clone(p)
	for i := 8; i+12 <= len(out); {
		n := int(binary.BigEndian.Uint32(out[i:]))
		if i+12+n > len(out) {
			break
		}
		if string(out[i+4:i+8]) == "IDAT" && n >= 2 {
			out[i+8], out[i+9] = 0, 0
			binary.BigEndian.PutUint32(out[i+8+n:], crc32.ChecksumIEEE(out[i+4:i+8+n]))
			break
		}
		i += 12 + n
	}
	return out
}

// Truncate returns the first half of b: a file cut short in transfer.
func Truncate(b []byte) []byte {
	return bytes.Clone(b[:len(b)/2])
}

// WithEXIF returns a copy of a JPEG with an EXIF segment (APP1) after its
// start marker, holding an orientation (1 to 8) and an image description,
// such as a phone writes with the place a photo was taken.
func WithEXIF(j []byte, orientation uint16, description string) []byte {
	desc := append([]byte(description), 0)
	var t bytes.Buffer // TIFF, big-endian
	t.WriteString("MM\x00\x2a")
	be := func(v any) { _ = binary.Write(&t, binary.BigEndian, v) }
	be(uint32(8))      // first directory
	be(uint16(2))      // two entries, by tag
	be(uint16(0x010E)) // ImageDescription: ASCII, stored after the directory
	be(uint16(2))
	be(uint32(len(desc)))
	be(uint32(8 + 2 + 2*12 + 4))
	be(uint16(0x0112)) // Orientation: one SHORT, in the entry
	be(uint16(3))
	be(uint32(1))
	be(orientation)
	be(uint16(0))
	be(uint32(0)) // no next directory
	t.Write(desc)

	seg := append([]byte("Exif\x00\x00"), t.Bytes()...)
	var out bytes.Buffer
	out.Write(j[:2]) // SOI
	out.Write([]byte{0xFF, 0xE1})
	_ = binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(j[2:])
	return out.Bytes()
}
