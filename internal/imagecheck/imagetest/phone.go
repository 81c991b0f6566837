package imagetest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
)

// PhoneJPEG is a photo as a phone stores it: 4032 × 3024 pixels of noisy
// detail at quality 98 (about 12 MB), stored sideways with EXIF orientation
// 6 (the phone was held upright) and a GPS position in its EXIF. Its top
// left quarter, as stored, is red: upright, that is the top right.
func PhoneJPEG() []byte {
	const w, h = 4032, 3024
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(13, 2026))
	for y := range h {
		for x := range w {
			n, m := uint8(rng.IntN(100)), uint8(rng.IntN(130))
			c := color.NRGBA{n, uint8(120 + int(m)), uint8(60 + int(n)), 255}
			if x < w/2 && y < h/2 {
				c = color.NRGBA{200 + n/3, n / 4, n / 4, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 98})
	j := buf.Bytes()
	seg := phoneEXIF()
	var out bytes.Buffer
	out.Write(j[:2]) // SOI
	out.Write([]byte{0xFF, 0xE1})
	_ = binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(j[2:])
	return out.Bytes()
}

// GPSLatitude is the latitude's first rational as the EXIF holds it
// (21/1 degrees): what must not reach the public.
var GPSLatitude = []byte{0, 0, 0, 21, 0, 0, 0, 1}

// phoneEXIF is an APP1 EXIF segment with an orientation of 6 and a GPS
// directory (latitude 21° 1' 40" N, longitude 105° 50' 3" E).
func phoneEXIF() []byte {
	var t bytes.Buffer
	be := func(v any) { _ = binary.Write(&t, binary.BigEndian, v) }
	t.WriteString("MM\x00\x2a")
	be(uint32(8))
	// IFD0 at 8: Orientation, GPSInfo pointer.
	be(uint16(2))
	be(uint16(0x0112))
	be(uint16(3))
	be(uint32(1))
	be(uint16(6))
	be(uint16(0))
	gps := uint32(8 + 2 + 2*12 + 4)
	be(uint16(0x8825))
	be(uint16(4))
	be(uint32(1))
	be(gps)
	be(uint32(0))
	// GPS IFD: four entries, the rationals after it.
	data := gps + 2 + 4*12 + 4
	be(uint16(4))
	be(uint16(1)) // GPSLatitudeRef "N"
	be(uint16(2))
	be(uint32(2))
	t.Write([]byte{'N', 0, 0, 0})
	be(uint16(2)) // GPSLatitude
	be(uint16(5))
	be(uint32(3))
	be(data)
	be(uint16(3)) // GPSLongitudeRef "E"
	be(uint16(2))
	be(uint32(2))
	t.Write([]byte{'E', 0, 0, 0})
	be(uint16(4)) // GPSLongitude
	be(uint16(5))
	be(uint32(3))
	be(data + 24)
	be(uint32(0))
	for _, r := range []uint32{21, 1, 1, 1, 40, 1, 105, 1, 50, 1, 3, 1} {
		be(r)
	}
	return append([]byte("Exif\x00\x00"), t.Bytes()...)
}
