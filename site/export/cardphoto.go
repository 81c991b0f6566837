package export

import (
	"fmt"
	"image"
	"io"
	"strconv"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/imagecheck"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/site/cards"
)

// cardPhotoFields are the fields whose first photo a record's share card
// shows: an article's cover, an honoree's portrait, an initiative's photo.
var cardPhotoFields = map[string]string{schema.Articles: "cover", schema.Honorees: "photo", schema.Initiatives: "photos"}

// cardPhoto gives a card the record's photo, if it has one that the export
// found whole (checkImages): its version is part of the card's cache key,
// and its pixels are read only when the card is drawn.
func (x *exporter) cardPhoto(r *core.Record, c *cards.Card) {
	field, ok := cardPhotoFields[r.Collection().Name]
	if !ok {
		return
	}
	names := r.GetStringSlice(field)
	if len(names) == 0 {
		return
	}
	key := r.BaseFilesPath() + "/" + names[0]
	s, ok := x.images[key]
	if !ok || s.bad != "" {
		return
	}
	c.PhotoKey = s.version
	c.Photo = func() (image.Image, error) {
		rd, err := x.files.GetReader(key)
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
		x.checks.decoding.take(px)
		defer x.checks.decoding.give(px)
		img, err := imagecheck.Decode(data, info)
		if err != nil {
			return nil, fmt.Errorf("the photo %s for a share card: %w", key, err)
		}
		return imagecheck.Upright(img, info.Orientation, 2*cards.Width), nil
	}
}

// personLine says who an honoree is on their share card: their newest
// award with its year, and their unit ("Giấy khen của Chủ tịch UBND xã năm
// 2026 · Văn phòng HĐND và UBND xã").
func (x *exporter) personLine(r *core.Record) string {
	line := ""
	if as := x.awardsByHonoree[r.Id]; len(as) > 0 {
		line = as[0].Form.Label + " năm " + strconv.Itoa(as[0].Year)
	}
	unit := r.GetString("position")
	if u := x.byID[schema.Units][r.GetString("unit")]; u != nil {
		if unit != "" {
			unit += ", "
		}
		unit += u.GetString("name")
	}
	switch {
	case line == "":
		return unit
	case unit == "":
		return line
	}
	return line + " · " + unit
}
