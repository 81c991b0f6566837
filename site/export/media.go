package export

import (
	"fmt"
	"image"
	"io"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/daison/portal/internal/imagecheck"
	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
	"github.com/daison/portal/site/cards"
)

// media are the stored files of the records an export shows: their images
// checked whole before any page uses them, and the copies of images and
// files into the pages' bundles.
type media struct {
	files  *filesystem.System
	checks *ImageChecks
	images map[string]storedImage // this export's images, by storage key
	tree   *Tree
	out    *outcome
}

// checkAll checks every image of the records to export (the image fields
// of each kind, on all cores, decoding only files not checked before),
// before any page is written.
func (m *media) checkAll(pub *published) {
	var keys []string
	for _, k := range records.All {
		for _, r := range pub.recs[k.Collection] {
			for _, f := range k.Images {
				for _, name := range r.GetStringSlice(f.Name) {
					if _, ok := imageExts[strings.ToLower(path.Ext(name))]; ok {
						keys = append(keys, r.BaseFilesPath()+"/"+name)
					}
				}
			}
		}
	}
	m.images = make(map[string]storedImage, len(keys))
	var mu sync.Mutex
	jobs := make(chan string)
	var wg sync.WaitGroup
	for i := 0; i < runtime.NumCPU(); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for key := range jobs {
				s := m.check(key)
				mu.Lock()
				m.images[key] = s
				mu.Unlock()
			}
		}()
	}
	for _, k := range keys {
		jobs <- k
	}
	close(jobs)
	wg.Wait()
}

// check checks one stored image, or takes the verdict of an earlier
// check of the same version.
func (m *media) check(key string) storedImage {
	attrs, err := m.files.Attributes(key)
	if err != nil {
		return storedImage{bad: badMissing}
	}
	size, mod := attrs.Size, attrs.ModTime.UnixNano()
	s := storedImage{version: fmt.Sprintf("%s@%d.%d", key, size, mod)}
	if v, ok := m.checks.lookup(key, size, mod); ok {
		s.bad, s.width, s.height = v.Bad, v.Width, v.Height
		return s
	}
	v, err := m.decode(key, size)
	if err != nil {
		s.bad = badRead // a storage failure, not the file's: not remembered
		return s
	}
	v.Size, v.Mod = size, mod
	m.checks.store(key, v)
	s.bad, s.width, s.height = v.Bad, v.Width, v.Height
	return s
}

// decode decodes a stored image whole, as Hugo would: first its header,
// to refuse a bomb before decoding it. An error is a failure to read the
// storage.
func (m *media) decode(key string, size int64) (imageVerdict, error) {
	if size > maxImageBytes {
		return imageVerdict{Bad: badTooBig}, nil
	}
	rd, err := m.files.GetReader(key)
	if err != nil {
		return imageVerdict{}, fmt.Errorf("open image %s: %w", key, err)
	}
	data, err := io.ReadAll(io.LimitReader(rd, maxImageBytes+1))
	rd.Close()
	if err != nil {
		return imageVerdict{}, fmt.Errorf("read image %s: %w", key, err)
	}
	return checkImageData(data, &m.checks.decoding), nil
}

// copyImage copies a record's stored image (of the field) into the page
// bundle dir as base+ext and returns it; or nil when there is no image, or
// when it cannot go live, which is then a Problem.
func (m *media) copyImage(k *record.Kind, r *core.Record, field, stored, dir, base, altText string) *record.Image {
	if stored == "" {
		return nil
	}
	ext, ok := imageExts[strings.ToLower(path.Ext(stored))]
	if !ok {
		return nil
	}
	key := r.BaseFilesPath() + "/" + stored
	s, checked := m.images[key]
	if !checked {
		s = m.check(key) // not of a listed field: checked now
	}
	if s.bad != "" {
		m.out.problem(imageProblem(k, r, field, stored, s))
		return nil
	}
	name := base + ext
	rel := dir + "/" + name
	m.out.res.Images[strings.TrimPrefix(rel, "content")] = key
	m.tree.PutCopy(rel, "img:"+s.version, func(dst string) (int64, error) {
		src, err := m.files.GetReader(key)
		if err != nil {
			return 0, fmt.Errorf("open image %s of %s %s: %w", stored, r.Collection().Name, r.Id, err)
		}
		defer src.Close()
		return copyReader(dst, src)
	})
	return &record.Image{Src: name, Alt: altText}
}

// copyFile copies a record's stored file (not an image) to rel and returns
// its size, or an error when the storage does not have it.
func (m *media) copyFile(r *core.Record, stored, rel string) (int64, error) {
	key := r.BaseFilesPath() + "/" + stored
	attrs, err := m.files.Attributes(key)
	if err != nil {
		return 0, fmt.Errorf("the file %s of %s %s: %w", stored, r.Collection().Name, r.Id, err)
	}
	version := fmt.Sprintf("doc:%s@%d.%d", key, attrs.Size, attrs.ModTime.UnixNano())
	m.tree.PutCopy(rel, version, func(dst string) (int64, error) {
		src, err := m.files.GetReader(key)
		if err != nil {
			return 0, fmt.Errorf("open the file %s of %s %s: %w", stored, r.Collection().Name, r.Id, err)
		}
		defer src.Close()
		return copyReader(dst, src)
	})
	return attrs.Size, nil
}

// photo is a stored image of r this export found whole, for a share card:
// its version (part of the card's cache key) and how to read its pixels
// when the card is drawn; ok is false when there is none.
func (m *media) photo(r *core.Record, stored string) (version string, read func() (image.Image, error), ok bool) {
	if stored == "" {
		return "", nil, false
	}
	key := r.BaseFilesPath() + "/" + stored
	s, checked := m.images[key]
	if !checked || s.bad != "" {
		return "", nil, false
	}
	return s.version, func() (image.Image, error) {
		rd, err := m.files.GetReader(key)
		if err != nil {
			return nil, fmt.Errorf("open the photo %s for a share card: %w", key, err)
		}
		data, err := io.ReadAll(io.LimitReader(rd, maxImageBytes))
		rd.Close()
		if err != nil {
			return nil, fmt.Errorf("read the photo %s for a share card: %w", key, err)
		}
		info, err := imagecheck.Inspect(data, imageLimits)
		if err != nil {
			return nil, fmt.Errorf("the photo %s for a share card: %w", key, err)
		}
		px := info.Width * info.Height
		m.checks.decoding.take(px)
		defer m.checks.decoding.give(px)
		img, err := imagecheck.Decode(data, info)
		if err != nil {
			return nil, fmt.Errorf("the photo %s for a share card: %w", key, err)
		}
		return imagecheck.Upright(img, info.Orientation, 2*cards.Width), nil
	}, true
}

// imageProblem says that a record's image was left out, and why.
func imageProblem(k *record.Kind, r *core.Record, field, stored string, s storedImage) record.Problem {
	title := k.Title(r)
	what := fmt.Sprintf("%s “%s” của %s “%s”", k.ImageLabel(field), stored, k.Noun, title)
	var msg string
	switch s.bad {
	case badTooBig:
		size := ""
		if s.width > 0 {
			size = fmt.Sprintf(" (%s × %s điểm ảnh)", vntext.GroupDigits(s.width), vntext.GroupDigits(s.height))
		}
		msg = fmt.Sprintf("%s quá lớn%s nên không được đưa lên trang; ảnh được tối đa %d triệu điểm ảnh và mỗi chiều %s điểm ảnh. Hãy thu nhỏ ảnh rồi tải lên lại.",
			what, size, imageLimits.MaxPixels/1_000_000, vntext.GroupDigits(imageLimits.MaxSide))
	case badMissing:
		msg = fmt.Sprintf("Không tìm thấy tệp của %s trong kho lưu trữ nên ảnh không được đưa lên trang; hãy tải ảnh lên lại.", lowerFirst(what))
	case badRead:
		msg = fmt.Sprintf("Không đọc được tệp của %s từ kho lưu trữ nên lần dựng này không đưa ảnh lên trang. Nếu lỗi lặp lại, hãy báo bộ phận kỹ thuật.", lowerFirst(what))
	case badHugo:
		msg = fmt.Sprintf("%s không xử lý được khi dựng trang nên không được đưa lên trang; hãy tải lên ảnh khác (JPEG hoặc PNG).", what)
	default:
		msg = fmt.Sprintf("%s bị hỏng nên không được đưa lên trang; hãy tải lên ảnh khác.", what)
	}
	return record.Problem{Collection: k.Collection, ID: r.Id, Title: title, Field: field, File: stored, Message: msg}
}

// lowerFirst lower-cases a sentence's first letter, to use it inside
// another.
func lowerFirst(s string) string {
	for i, c := range s {
		return strings.ToLower(string(c)) + s[i+len(string(c)):]
	}
	return s
}
