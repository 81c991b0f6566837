package export

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/commune"
	"github.com/daison/portal/internal/qrsvg"
	"github.com/daison/portal/records/record"
	"github.com/daison/portal/site/cards"
)

// sharing makes the pieces that share a linkable record's page: the QR
// code of its poster and its share card (drawn last, all at once, by
// draw), and the site's default card.
type sharing struct {
	baseURL string       // the site's public address: QR codes need it
	cache   *cards.Cache // where cards are drawn and kept; nil: no cards
	id      commune.Identity
	tree    *Tree
	media   *media
	pending []pendingCard // cards asked for, drawn by draw
}

// pendingCard is a share card a page asked for: drawn by draw, then
// linked into the page's bundle from the cache.
type pendingCard struct {
	rel  string
	card cards.Card
}

// add adds a linkable record's sharing pieces to its page: the QR code of
// its short link tagged "?nguon=qr" (a sparser code than the full address,
// which old phones read more easily; the redirect keeps the tag, so scans
// are still counted), or of the page's full URL when it has no short link
// (qr.svg in the bundle), and its share card (the-chia-se.jpg, drawn later
// by draw) with what card says besides the title.
func (sh *sharing) add(b *bundle, c *record.Common, title string, card record.Card) {
	if sh.baseURL != "" {
		target := b.k.PageURL(c.Slug)
		if c.ShortURL != "" {
			target = c.ShortURL
		}
		url := strings.TrimSuffix(sh.baseURL, "/") + target + "?nguon=qr"
		label := "Mã QR dẫn tới trang “" + title + "”"
		c.QRURL, c.QR = url, "qr.svg"
		sh.tree.PutMade(b.dir+"/qr.svg", "qr:"+url+"\x00"+label, func() ([]byte, error) { return qrsvg.SVG(url, label) })
	}
	if sh.cache != nil {
		c.Card = &record.Image{Src: "the-chia-se.jpg", Alt: title}
		cc := sh.card(b.k.Label, title)
		cc.Subtitle = card.Subtitle
		if version, read, ok := sh.media.photo(b.r, card.Photo); ok {
			cc.PhotoKey, cc.Photo = version, read
		}
		sh.pending = append(sh.pending, pendingCard{rel: b.dir + "/the-chia-se.jpg", card: cc})
	}
}

// card is a share card in the commune's colours and mark.
func (sh *sharing) card(kicker, title string) cards.Card {
	pal := commune.Palette[sh.id.Colour]
	return cards.Card{Kicker: kicker, Title: title, Footer: sh.id.SiteName, Mark: sh.id.Mark, Brand: pal.Brand, BrandDark: pal.BrandDark}
}

// draw draws the share cards not yet cached, on all cores, adds the
// site's default card (static/the-chia-se.jpg), and puts each card drawn
// in its bundle. A card that cannot be made is left out: its page goes
// live all the same (the theme then shares the page's own image or the
// site's card), and staff are told.
func (sh *sharing) draw(app core.App, out *outcome) error {
	if sh.cache == nil {
		return nil
	}
	sh.pending = append(sh.pending, pendingCard{rel: "static/the-chia-se.jpg", card: sh.card("Phong trào thi đua", sh.id.Movement)})
	jobs := make(chan pendingCard)
	var (
		mu     sync.Mutex
		failed int
		first  error
		wg     sync.WaitGroup
	)
	for i := 0; i < runtime.NumCPU(); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				if err := sh.put(p); err != nil {
					mu.Lock()
					failed++
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, p := range sh.pending {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	if failed > 0 {
		app.Logger().Warn("không vẽ được ảnh chia sẻ; các trang vẫn lên, không có ảnh chia sẻ riêng", "component", "site", "cards", failed, "error", first.Error())
		out.problem(record.Problem{Message: fmt.Sprintf(
			"Không tạo được ảnh chia sẻ (ảnh hiện khi gửi liên kết qua Zalo, Facebook) cho %d trang. Các trang này vẫn được đưa lên; khi chia sẻ sẽ dùng ảnh của trang hoặc ảnh chung của trang web. Hãy báo bộ phận kỹ thuật.", failed)})
	}
	return nil
}

// put draws (if not cached) one card and puts it in the tree, linked from
// the cache when the tree is written. Its version is the cached file's, so
// a card the cache had to draw again is copied again.
func (sh *sharing) put(p pendingCard) error {
	cached, err := sh.cache.Get(p.card)
	if err != nil {
		return err
	}
	st, err := os.Stat(cached)
	if err != nil {
		return fmt.Errorf("share card: %w", err)
	}
	version := fmt.Sprintf("card:%s@%d.%d", sh.cache.Key(p.card), st.Size(), st.ModTime().UnixNano())
	sh.tree.PutCopy(p.rel, version, func(dst string) (int64, error) {
		if err := os.Link(cached, dst); err == nil {
			return 0, nil
		}
		f, err := os.Open(cached)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		return copyReader(dst, f)
	})
	return nil
}
