package export

import (
	"fmt"
	"github.com/daison/portal/records"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/qrsvg"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/site/cards"
)

// pendingCard is a share card a page asked for: drawn by drawCards, then
// linked into the page's bundle from the cache.
type pendingCard struct {
	rel  string
	card cards.Card
}

// drawCards draws the share cards not yet cached, on all cores, adds the
// site's default card (static/the-chia-se.jpg), and puts each card drawn
// in its bundle. A card that cannot be made is left out: its page goes
// live all the same (the theme then shares the page's own image or the
// site's card), and staff are told.
func (x *exporter) drawCards() error {
	if x.opts.Cards == nil {
		return nil
	}
	x.putCard("static/the-chia-se.jpg", x.card("Phong trào thi đua", x.id.Movement))
	cache := x.opts.Cards
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
				err := x.putDrawnCard(cache, p)
				if err != nil {
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
	for _, p := range x.cards {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	if failed > 0 {
		x.app.Logger().Warn("không vẽ được ảnh chia sẻ; các trang vẫn lên, không có ảnh chia sẻ riêng", "component", "site", "cards", failed, "error", first.Error())
		x.addProblem(Problem{Message: fmt.Sprintf(
			"Không tạo được ảnh chia sẻ (ảnh hiện khi gửi liên kết qua Zalo, Facebook) cho %d trang. Các trang này vẫn được đưa lên; khi chia sẻ sẽ dùng ảnh của trang hoặc ảnh chung của trang web. Hãy báo bộ phận kỹ thuật.", failed)})
	}
	return nil
}

// putDrawnCard draws (if not cached) one card and puts it in the tree,
// linked from the cache when the tree is written. Its version is the
// cached file's, so a card the cache had to draw again is copied again.
func (x *exporter) putDrawnCard(cache *cards.Cache, p pendingCard) error {
	cached, err := cache.Get(p.card)
	if err != nil {
		return err
	}
	st, err := os.Stat(cached)
	if err != nil {
		return fmt.Errorf("share card: %w", err)
	}
	version := fmt.Sprintf("card:%s@%d.%d", cache.Key(p.card), st.Size(), st.ModTime().UnixNano())
	x.t.PutCopy(p.rel, version, func(dst string) (int64, error) {
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

// share adds a linkable record's sharing pieces to its page: the QR code of
// its short link tagged "?nguon=qr" (a sparser code than the full address,
// which old phones read more easily; the redirect keeps the tag, so scans
// are still counted), or of the page's full URL when it has no short link
// (qr.svg in the bundle), and its share card (the-chia-se.jpg, drawn later
// by drawCards).
func (x *exporter) share(r *core.Record, c *Common, title string) error {
	if !records.IsLinkable(r.Collection().Name) {
		return nil
	}
	dir := x.rel(r)
	if x.opts.BaseURL != "" {
		target := pageURL(r.Collection().Name, r.GetString("slug"))
		if c.ShortURL != "" {
			target = c.ShortURL
		}
		url := strings.TrimSuffix(x.opts.BaseURL, "/") + target + "?nguon=qr"
		label := "Mã QR dẫn tới trang “" + title + "”"
		c.QRURL, c.QR = url, "qr.svg"
		x.t.PutMade(dir+"/qr.svg", "qr:"+url+"\x00"+label, func() ([]byte, error) { return qrsvg.SVG(url, label) })
	}
	if x.opts.Cards != nil {
		c.Card = &Image{Src: "the-chia-se.jpg", Alt: title}
		card := x.card(records.ByCollection(r.Collection().Name).Label, title)
		if r.Collection().Name == schema.Honorees {
			card.Subtitle = x.personLine(r)
		}
		x.cardPhoto(r, &card)
		x.putCard(dir+"/the-chia-se.jpg", card)
	}
	return nil
}

// putCard asks for a share card at rel, drawn by drawCards.
func (x *exporter) putCard(rel string, card cards.Card) {
	x.cards = append(x.cards, pendingCard{rel: rel, card: card})
}
