package imagecheck

import (
	"bytes"
	"encoding/binary"
)

// JPEG markers read by jpegMeta.
const (
	markerSOI  = 0xD8
	markerEOI  = 0xD9
	markerSOS  = 0xDA
	markerAPP1 = 0xE1 // EXIF, XMP
	markerIPTC = 0xED // APP13: Photoshop, IPTC
	markerCOM  = 0xFE
)

// jpegMeta walks a JPEG's segments up to its first scan and returns the EXIF
// orientation (1 when there is none or it cannot be read) and whether the
// file carries metadata (EXIF, XMP, IPTC, comments). It reads only what the
// segment lengths allow and never allocates.
func jpegMeta(data []byte) (orientation int, metadata bool) {
	orientation = 1
	if len(data) < 2 || data[0] != 0xFF || data[1] != markerSOI {
		return orientation, false
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return orientation, metadata
		}
		marker := data[i+1]
		switch {
		case marker == 0xFF: // fill byte
			i++
			continue
		case marker == markerSOI || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7): // no length
			i += 2
			continue
		case marker == markerSOS || marker == markerEOI:
			return orientation, metadata
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return orientation, metadata
		}
		seg := data[i+4 : i+2+n]
		switch marker {
		case markerAPP1:
			metadata = true
			if tiff, ok := bytes.CutPrefix(seg, []byte("Exif\x00\x00")); ok && orientation == 1 {
				orientation = exifOrientation(tiff)
			}
		case markerIPTC, markerCOM:
			metadata = true
		}
		i += 2 + n
	}
	return orientation, metadata
}

// exifOrientation reads tag 0x0112 (Orientation) of the first image file
// directory of an EXIF block; 1 when it is missing or not 1 to 8.
func exifOrientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	if order.Uint16(tiff[2:]) != 42 {
		return 1
	}
	ifd := uint64(order.Uint32(tiff[4:]))
	if ifd+2 > uint64(len(tiff)) {
		return 1
	}
	n := uint64(order.Uint16(tiff[ifd:]))
	for k := range n {
		e := ifd + 2 + 12*k
		if e+12 > uint64(len(tiff)) {
			return 1
		}
		if order.Uint16(tiff[e:]) != 0x0112 {
			continue
		}
		// Type SHORT, one value, held in the entry itself.
		if order.Uint16(tiff[e+2:]) != 3 || order.Uint32(tiff[e+4:]) != 1 {
			return 1
		}
		if v := int(order.Uint16(tiff[e+8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}
