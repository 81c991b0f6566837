package draw

// The demo's illustrations: flat, text-free drawings in a calm palette
// (article covers, initiative photos, honoree portraits), each drawn by one
// scene function and described by an honest Vietnamese alt text.

import (
	"fmt"
	"image/color"
	"math"
	"sort"
)

// scene draws one illustration with pen p, palette pal and generator r.
type scene func(p *pen, pal palette, r *rng)

// motif is an illustration the TOML files may ask for by name (cover =
// "qr", photos = ["qr", "counter"]).
type motif struct {
	draw scene
	alt  string // what the drawing shows, in Vietnamese
}

// motifs are the illustrations of articles and initiatives, by name.
var motifs = map[string]motif{
	"building":    {drawBuilding, "Hình minh họa: trụ sở công sở mái ngói đỏ, trên nóc có lá cờ đỏ sao vàng"},
	"calendar":    {drawCalendar, "Hình minh họa: tờ lịch có một ngày thứ Bảy được đánh dấu, bên cạnh chiếc đồng hồ chỉ 7 giờ 30"},
	"signing":     {drawSigning, "Hình minh họa: văn bản có chữ ký, con dấu đỏ và cây bút"},
	"chart":       {drawChart, "Hình minh họa: biểu đồ cột tăng dần với đường xu hướng đi lên, bên cạnh biểu đồ vòng"},
	"trend":       {drawTrend, "Hình minh họa: biểu đồ đường đi lên trên bảng số liệu, bên cạnh biểu đồ vòng và hai thẻ chỉ số"},
	"homevisit":   {drawHomeVisit, "Hình minh họa: hai thanh niên áo xanh hướng dẫn người dân dùng điện thoại trước cửa nhà"},
	"archive":     {drawArchive, "Hình minh họa: chồng sổ sách giấy được chuyển thành dữ liệu trên máy tính"},
	"meeting":     {drawMeeting, "Hình minh họa: mọi người ngồi quanh bàn họp trao đổi ý kiến"},
	"qr":          {drawQR, "Hình minh họa: điện thoại quét mã QR bên cạnh phiếu hẹn trả kết quả"},
	"counter":     {drawCounter, "Hình minh họa: cán bộ ngồi sau quầy một cửa có máy tính, người dân đứng trước quầy"},
	"award":       {drawAward, "Hình minh họa: giấy khen có viền đỏ và huy chương vàng với dải ruy băng đỏ"},
	"volunteers":  {drawVolunteers, "Hình minh họa: nhóm thanh niên tình nguyện áo xanh đứng bên lá cờ đỏ sao vàng"},
	"loudspeaker": {drawLoudspeaker, "Hình minh họa: cụm loa truyền thanh trên cột giữa cánh đồng và mái nhà trong thôn"},
	"chat":        {drawChat, "Hình minh họa: điện thoại hiển thị các tin nhắn trò chuyện, xung quanh là bong bóng lời thoại"},
	"documents":   {drawDocuments, "Hình minh họa: tập hồ sơ với danh sách đã đánh dấu và chiếc kính lúp"},
}

// Motifs lists the names of the motifs articles and initiatives may ask
// for, sorted.
func Motifs() []string {
	names := make([]string, 0, len(motifs))
	for n := range motifs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// themeHues are the background hues (degrees) of each article category and
// initiative field: warm sand for the movement's news, blues for notices
// and reform tasks, teal and mint for indicators and initiatives.
var themeHues = map[string]float64{
	"tin-hoat-dong":              36,
	"thong-bao":                  208,
	"trach-nhiem-nguoi-dung-dau": 28,
	"bo-chi-so":                  172,
	"nhiem-vu-cai-cach":          218,
	"tuyen-truyen":               24,
	"giai-phap-sang-kien":        150,
	"can-bo-cong-chuc":           228,
	"thu-tuc-hanh-chinh":         205,
	"chuyen-doi-so":              190,
	"to-chuc-bo-may":             32,
	"cong-vu":                    228,
	"tai-chinh-cong":             160,
	"the-che":                    30,
}

// palette are the colours of one illustration.
type palette struct {
	bg0, bg1 color.NRGBA // the background gradient
	blob     color.NRGBA // large soft shapes on the background
	floor    color.NRGBA // the ground the objects stand on
	main     color.NRGBA // the portal's blue: screens, charts, uniforms
	light    color.NRGBA // a pale tint of main
	tone     color.NRGBA // a mid colour of the theme's hue
	accent   color.NRGBA // the portal's red: roofs, flags, stamps
	gold     color.NRGBA
	paper    color.NRGBA
	line     color.NRGBA // grey bars standing for lines of text
	ink      color.NRGBA // the darkest details
	green    color.NRGBA // plants
	skin     color.NRGBA // faces, in one neutral warm tone
	hair     color.NRGBA
}

// newPalette returns the palette of a theme hue, nudged a little by r.
func newPalette(hue float64, r *rng) palette {
	h := hue + r.between(-6, 6)
	return palette{
		bg0:    hsl(h, 0.42, 0.955),
		bg1:    hsl(h+10, 0.36, 0.885),
		blob:   hsl(h, 0.34, 0.83),
		floor:  hsl(h+8, 0.22, 0.80),
		main:   hsl(212+r.between(-4, 4), 0.56, 0.36),
		light:  hsl(210, 0.55, 0.80),
		tone:   hsl(h, 0.32, 0.58),
		accent: hex(0xb0282a),
		gold:   hex(0xf0b93f),
		paper:  hex(0xfffdf8),
		line:   hex(0xd5dbe2),
		ink:    hex(0x2b3a4a),
		green:  hsl(138, 0.30, 0.46),
		skin:   hsl(26, 0.42, 0.74),
		hair:   hex(0x33302e),
	}
}

// render draws scene s on a w×h canvas and returns it as JPEG.
func render(s scene, w, h int, hue float64, seed string) ([]byte, error) {
	r := newRNG(seed)
	c := newCanvas(w, h)
	p := &pen{c: c, u: float64(h) / 900, ox: float64(w) / 2}
	s(p, newPalette(hue, r), r)
	return c.jpeg()
}

// pen draws on a canvas in design units: a stage 900 units high whose x = 0
// is the canvas's vertical centre line, so that x runs over ±800 on a 16:9
// canvas, ±675 on a 3:2 one and ±450 on a square one. Subjects keep within
// ±520, which a 4:3 crop of a 16:9 cover still shows.
type pen struct {
	c     *canvas
	u, ox float64 // pixels per unit, and the x of the centre line in pixels
}

func (p *pen) pt(x, y float64) point { return point{p.ox + x*p.u, y * p.u} }

// rect fills a rectangle with corners rounded with radius r.
func (p *pen) rect(x0, y0, x1, y1, r float64, col color.NRGBA) {
	p.rect2(x0, y0, x1, y1, r, r, col)
}

// rect2 fills a rectangle whose top corners have radius rt and bottom
// corners radius rb.
func (p *pen) rect2(x0, y0, x1, y1, rt, rb float64, col color.NRGBA) {
	a, b := p.pt(x0, y0), p.pt(x1, y1)
	p.c.fill(rrect{a.x, a.y, b.x, b.y, rt * p.u, rb * p.u}, col)
}

// shadow fills the soft drop shadow of a rounded rectangle.
func (p *pen) shadow(x0, y0, x1, y1, r float64, pal palette) {
	p.rect(x0+10, y0+14, x1+10, y1+14, r, alpha(pal.ink, 0.10))
}

func (p *pen) circle(cx, cy, r float64, col color.NRGBA) { p.ellipse(cx, cy, r, r, col) }

func (p *pen) ellipse(cx, cy, rx, ry float64, col color.NRGBA) {
	c := p.pt(cx, cy)
	p.c.fill(ellipse{c.x, c.y, rx * p.u, ry * p.u}, col)
}

// oval fills an ellipse turned by angle (radians).
func (p *pen) oval(cx, cy, rx, ry, angle float64, col color.NRGBA) {
	c := p.pt(cx, cy)
	p.c.fill(rotatedEllipse(c.x, c.y, rx*p.u, ry*p.u, angle), col)
}

// poly fills the convex polygon x0, y0, x1, y1, ….
func (p *pen) poly(col color.NRGBA, xy ...float64) {
	pts := make(poly, 0, len(xy)/2)
	for i := 0; i+1 < len(xy); i += 2 {
		pts = append(pts, p.pt(xy[i], xy[i+1]))
	}
	p.c.fill(pts, col)
}

// quad fills a w×h rectangle centred on (cx, cy) and turned by angle.
func (p *pen) quad(cx, cy, w, h, angle float64, col color.NRGBA) {
	s, c := math.Sincos(angle)
	xy := make([]float64, 0, 8)
	for _, d := range [][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}} {
		x, y := d[0]*w/2, d[1]*h/2
		xy = append(xy, cx+x*c-y*s, cy+x*s+y*c)
	}
	p.poly(col, xy...)
}

// line strokes a segment of width w with round ends.
func (p *pen) line(x0, y0, x1, y1, w float64, col color.NRGBA) {
	p.c.fill(capsule{p.pt(x0, y0), p.pt(x1, y1), w * p.u}, col)
}

// polyline strokes the segments x0, y0, x1, y1, … (opaque colours only:
// the joints are painted twice).
func (p *pen) polyline(w float64, col color.NRGBA, xy ...float64) {
	for i := 0; i+3 < len(xy); i += 2 {
		p.line(xy[i], xy[i+1], xy[i+2], xy[i+3], w, col)
	}
}

// arc strokes the arc of radius r, width w, from angle a0 to a1 (radians,
// clockwise from 3 o'clock).
func (p *pen) arc(cx, cy, r, w, a0, a1 float64, col color.NRGBA) {
	c := p.pt(cx, cy)
	p.c.fill(arc{c.x, c.y, r * p.u, w * p.u, a0, a1}, col)
}

// ring strokes a whole circle.
func (p *pen) ring(cx, cy, r, w float64, col color.NRGBA) {
	p.arc(cx, cy, r, w, 0, 2*math.Pi, col)
}

// background fills the canvas with pal's gradient, in direction angle,
// and spots given in design units.
func (p *pen) background(pal palette, angle float64, spots ...spot) {
	for i, l := range spots {
		c := p.pt(l.x, l.y)
		spots[i] = spot{c.x, c.y, l.r * p.u, l.col, l.soft}
	}
	p.c.background(pal.bg0, pal.bg1, angle, spots...)
}

// star fills a five-pointed star of outer radius R, one point up.
func (p *pen) star(cx, cy, R float64, col color.NRGBA) {
	in := R * 0.382
	var outer, inner [5]point
	for i := range 5 {
		a := -math.Pi/2 + float64(i)*2*math.Pi/5
		outer[i] = point{cx + R*math.Cos(a), cy + R*math.Sin(a)}
		b := a + math.Pi/5
		inner[i] = point{cx + in*math.Cos(b), cy + in*math.Sin(b)}
	}
	pent := make([]float64, 0, 10)
	for i := range 5 {
		pent = append(pent, inner[i].x, inner[i].y)
		prev := inner[(i+4)%5]
		p.poly(col, outer[i].x, outer[i].y, inner[i].x, inner[i].y, prev.x, prev.y)
	}
	p.poly(col, pent...)
}

// check strokes a tick mark centred on (cx, cy), s wide.
func (p *pen) check(cx, cy, s, w float64, col color.NRGBA) {
	p.polyline(w, col, cx-s/2, cy, cx-s/8, cy+s*0.35, cx+s/2, cy-s*0.35)
}

// textLines fills n grey bars standing for lines of text in the box
// x0…x1 from y, gap apart; the last line is shorter.
func (p *pen) textLines(x0, x1, y, gap float64, n int, col color.NRGBA, r *rng) {
	for i := range n {
		w := (x1 - x0) * r.between(0.78, 1)
		if i == n-1 {
			w = (x1 - x0) * r.between(0.35, 0.6)
		}
		p.rect(x0, y+float64(i)*gap, x0+w, y+float64(i)*gap+gap*0.42, gap*0.21, col)
	}
}

// figure draws a standing person, feet at (x, base), h tall: head, torso
// and legs in flat colours.
func (p *pen) figure(x, base, h float64, shirt, trousers color.NRGBA, pal palette) {
	head := h * 0.105
	top := base - h
	legTop := base - h*0.44
	p.rect2(x-h*0.12, legTop-h*0.02, x-h*0.015, base, h*0.03, h*0.025, trousers)
	p.rect2(x+h*0.015, legTop-h*0.02, x+h*0.12, base, h*0.03, h*0.025, trousers)
	p.bust(x, top, head, h*0.33, legTop-(top+head*2.15), shirt, pal)
}

// bust draws a head of radius head whose top is at y, on shoulders w wide
// and a torso body tall.
func (p *pen) bust(x, y, head, w, body float64, shirt color.NRGBA, pal palette) {
	cy := y + head
	neckTop := cy + head*0.6
	p.rect(x-head*0.38, neckTop, x+head*0.38, neckTop+head*0.9, 0, mix(pal.skin, pal.ink, 0.12))
	torsoTop := cy + head*1.15
	p.rect2(x-w/2, torsoTop, x+w/2, torsoTop+body, w*0.32, w*0.06, shirt)
	p.poly(mix(shirt, pal.paper, 0.75), x-head*0.42, torsoTop, x+head*0.42, torsoTop, x, torsoTop+head*0.7)
	// Hair: a disc behind the face, a little higher, and a fringe.
	p.circle(x, cy-head*0.12, head*1.02, pal.hair)
	p.ellipse(x, cy+head*0.06, head*0.9, head*0.94, pal.skin)
	p.oval(x+head*0.25, cy-head*0.62, head*0.62, head*0.3, 0.35, pal.hair)
}

// backdrop paints the background all scenes share: a soft gradient, large
// pale discs placed by r, a light behind the subject (and more spots, if
// given), and the floor from y = ground down.
func backdrop(p *pen, pal palette, r *rng, ground float64, more ...spot) {
	angle := r.between(0.35, 0.9)
	var spots []spot
	for i := range 3 {
		side := float64(1 - 2*(i%2))
		spots = append(spots, spot{side * r.between(380, 760), r.between(60, 520), r.between(120, 260), alpha(pal.blob, 0.45), false})
	}
	spots = append(spots, spot{r.between(-200, 200), 300, 620, alpha(hex(0xffffff), 0.35), true})
	p.background(pal, angle, append(spots, more...)...)
	if ground < 900 {
		p.rect(-2000, ground, 2000, 900, 0, pal.floor)
		p.rect(-2000, ground, 2000, ground+6, 0, alpha(pal.ink, 0.06))
	}
}

// plant draws a potted plant standing at (x, base), h tall.
func plant(p *pen, pal palette, r *rng, x, base, h float64) {
	pot := h * 0.3
	for i := range 5 {
		a := -math.Pi/2 + (float64(i)-2)*0.42 + r.between(-0.1, 0.1)
		l := h * r.between(0.30, 0.42)
		cx, cy := x+math.Cos(a)*l*0.9, base-pot+math.Sin(a)*l*0.9
		p.oval(cx, cy, l*0.62, l*0.2, a, mix(pal.green, pal.ink, float64(i%2)*0.18))
	}
	p.poly(mix(pal.accent, pal.gold, 0.55), x-pot*0.6, base-pot, x+pot*0.6, base-pot, x+pot*0.45, base, x-pot*0.45, base)
}

// tree draws a round tree standing at (x, base), h tall.
func tree(p *pen, pal palette, r *rng, x, base, h float64) {
	p.rect(x-h*0.04, base-h*0.5, x+h*0.04, base, h*0.02, mix(pal.tone, pal.ink, 0.45))
	for i := range 4 {
		dx := (float64(i) - 1.5) * h * 0.14
		p.circle(x+dx+r.between(-8, 8), base-h*0.62-r.between(0, h*0.18), h*r.between(0.2, 0.26), mix(pal.green, pal.bg0, 0.12*float64(i%2)))
	}
}

// qrCode draws a QR-like pattern (finder squares, timing lines and modules
// chosen by r; it encodes nothing) in the square x, y, size.
func qrCode(p *pen, pal palette, r *rng, x, y, size float64) {
	const n = 21
	m := size / n
	dark := func(i, j int) {
		p.rect(x+float64(i)*m, y+float64(j)*m, x+float64(i+1)*m+0.4, y+float64(j+1)*m+0.4, 0, pal.ink)
	}
	finder := func(i0, j0 int) bool {
		return i0 < 8 && j0 < 8 || i0 >= n-8 && j0 < 8 || i0 < 8 && j0 >= n-8
	}
	for j := range n {
		for i := range n {
			switch {
			case finder(i, j):
			case i == 6 || j == 6:
				if (i+j)%2 == 0 {
					dark(i, j)
				}
			case r.chance(0.48):
				dark(i, j)
			}
		}
	}
	for _, c := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
		fx, fy := x+float64(c[0])*m, y+float64(c[1])*m
		p.rect(fx, fy, fx+7*m, fy+7*m, m*0.6, pal.ink)
		p.rect(fx+m, fy+m, fx+6*m, fy+6*m, m*0.3, pal.paper)
		p.rect(fx+2*m, fy+2*m, fx+5*m, fy+5*m, m*0.4, pal.ink)
	}
}

// speech draws an empty speech bubble with three dots, its tail at (tx, ty).
func speech(p *pen, pal palette, x0, y0, x1, y1, tx, ty float64, fill, dots color.NRGBA) {
	mid := (x0 + x1) / 2
	p.poly(fill, mid-30, y1-2, mid+10, y1-2, tx, ty)
	p.rect(x0, y0, x1, y1, (y1-y0)/2, fill)
	for i := -1; i <= 1; i++ {
		p.circle(mid+float64(i)*(y1-y0)*0.42, (y0+y1)/2, (y1-y0)*0.1, dots)
	}
}

// The scenes. Each keeps its subject within x = ±520 and y = 100…800.

func drawBuilding(p *pen, pal palette, r *rng) {
	const ground = 770
	backdrop(p, pal, r, ground)
	tree(p, pal, r, -560, ground, r.between(300, 380))
	tree(p, pal, r, 560, ground, r.between(300, 380))
	wall := hsl(40, 0.55, 0.93)
	roof := pal.accent
	// Main block and roof.
	p.rect(-370, 440, 370, ground, 0, wall)
	p.poly(roof, -410, 450, 410, 450, 340, 350, -340, 350)
	p.rect(-410, 442, 410, 456, 4, mix(roof, pal.ink, 0.3))
	// Windows, two floors.
	for _, y := range []float64{485, 610} {
		for _, x := range []float64{-320, -245, -170, 170, 245, 320} {
			p.rect(x-26, y, x+26, y+80, 6, mix(pal.light, pal.main, 0.2))
			p.rect(x-26, y+36, x+26, y+42, 0, wall)
		}
	}
	// Portico with columns and pediment.
	p.rect(-125, 380, 125, ground, 0, hsl(40, 0.5, 0.965))
	p.poly(mix(roof, pal.ink, 0.15), -150, 390, 150, 390, 0, 290)
	p.rect(-150, 386, 150, 400, 3, mix(roof, pal.ink, 0.35))
	p.circle(0, 352, 22, pal.gold)
	for _, x := range []float64{-100, -52, 52, 100} {
		p.rect(x-11, 405, x+11, 742, 4, pal.paper)
		p.rect(x+5, 405, x+11, 742, 0, alpha(pal.ink, 0.07))
	}
	p.rect(-34, 560, 34, 742, 34, mix(pal.main, pal.ink, 0.25))
	// Steps.
	p.rect(-160, 742, 160, 756, 2, hsl(40, 0.12, 0.84))
	p.rect(-185, 756, 185, ground, 2, hsl(40, 0.12, 0.78))
	// Flag on the roof: red, with a yellow star, 2:3.
	p.line(0, 292, 0, 150, 6, pal.ink)
	p.rect(3, 152, 108, 222, 0, hex(0xda251d))
	p.star(55, 187, 24, hex(0xffdd00))
}

func drawCalendar(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 800)
	x0, y0, x1, y1 := -470.0, 170.0, 110.0, 740.0
	p.shadow(x0, y0, x1, y1, 26, pal)
	p.rect(x0, y0, x1, y1, 26, pal.paper)
	p.rect2(x0, y0, x1, y0+100, 26, 0, pal.accent)
	for _, x := range []float64{-330, -30} {
		p.rect(x-12, y0-36, x+12, y0+36, 12, pal.ink)
	}
	// Seven columns (Monday first) of five weeks; one Saturday is marked.
	mark := r.intn(4) + 1
	for row := range 5 {
		for col := range 7 {
			cx := x0 + 58 + float64(col)*77
			cy := y0 + 150 + float64(row)*86
			fill := alpha(pal.line, 0.8)
			if col >= 5 {
				fill = mix(pal.line, pal.accent, 0.15)
			}
			if row == 0 && col < 2 {
				fill = alpha(pal.line, 0.3)
			}
			p.rect(cx-29, cy-29, cx+29, cy+29, 10, fill)
			if row == mark && col == 5 {
				p.rect(cx-33, cy-33, cx+33, cy+33, 12, pal.main)
				p.check(cx, cy, 34, 8, pal.paper)
			}
		}
	}
	// A clock at half past seven in the morning.
	cx, cy, R := 340.0, 470.0, 190.0
	p.circle(cx+10, cy+14, R, alpha(pal.ink, 0.1))
	p.circle(cx, cy, R, pal.main)
	p.circle(cx, cy, R-26, pal.paper)
	for i := range 12 {
		a := float64(i) * math.Pi / 6
		l := 14.0
		if i%3 == 0 {
			l = 26
		}
		s, c := math.Sincos(a)
		p.line(cx+c*(R-44), cy+s*(R-44), cx+c*(R-44-l), cy+s*(R-44-l), 7, alpha(pal.ink, 0.7))
	}
	hour := (7.5/12)*2*math.Pi - math.Pi/2
	minute := math.Pi / 2
	p.line(cx, cy, cx+math.Cos(hour)*80, cy+math.Sin(hour)*80, 14, pal.ink)
	p.line(cx, cy, cx+math.Cos(minute)*118, cy+math.Sin(minute)*118, 9, pal.ink)
	p.circle(cx, cy, 14, pal.accent)
	plant(p, pal, r, -600, 800, 230)
}

func drawSigning(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 820)
	p.quad(-70, 470, 480, 640, r.between(-0.12, -0.06), mix(pal.paper, pal.line, 0.35))
	x0, y0, x1, y1 := -320.0, 140.0, 170.0, 790.0
	p.shadow(x0, y0, x1, y1, 14, pal)
	p.rect(x0, y0, x1, y1, 14, pal.paper)
	// A heading, centred, then the body.
	p.rect(-150, 200, 0, 218, 9, mix(pal.line, pal.ink, 0.25))
	p.rect(-210, 236, 60, 252, 8, pal.line)
	p.textLines(x0+50, x1-50, 300, 40, 7, pal.line, r)
	// Signature, with the red seal over its start.
	var sig []float64
	for i := range 24 {
		t := float64(i) / 23
		sig = append(sig, 0+t*130, 650+math.Sin(t*11+r.between(0, 1))*18*(1-t*0.5)-t*20)
	}
	p.polyline(5, pal.ink, sig...)
	seal := alpha(pal.accent, 0.85)
	p.ring(-10, 655, 72, 10, seal)
	p.ring(-10, 655, 52, 4, seal)
	p.star(-10, 657, 28, seal)
	// The pen, lying across the page's corner.
	a := math.Atan2(-430, 200)
	dx, dy := math.Cos(a), math.Sin(a)
	bx, by := 240.0, 770.0
	p.line(bx+dx*40, by+dy*40, bx+dx*420, by+dy*420, 36, pal.main)
	p.line(bx+dx*300, by+dy*300, bx+dx*312, by+dy*312, 38, pal.gold)
	nx, ny := -dy, dx
	p.poly(pal.gold, bx+dx*40+nx*17, by+dy*40+ny*17, bx+dx*40-nx*17, by+dy*40-ny*17, bx, by)
	p.circle(bx+dx*6, by+dy*6, 5, pal.ink)
	plant(p, pal, r, 520, 820, 260)
}

// chartPanel draws the card a chart is drawn on, with its title bar and
// grid, and returns the y of its base line.
func chartPanel(p *pen, pal palette, x0, y0, x1, y1 float64) float64 {
	p.shadow(x0, y0, x1, y1, 22, pal)
	p.rect(x0, y0, x1, y1, 22, pal.paper)
	p.rect(x0+40, y0+40, x0+220, y0+58, 9, mix(pal.line, pal.ink, 0.2))
	base := y1 - 60
	for i := range 4 {
		y := base - float64(i+1)*100
		p.rect(x0+40, y, x1-40, y+3, 0, alpha(pal.line, 0.7))
	}
	p.rect(x0+40, base, x1-40, base+5, 2, pal.line)
	return base
}

// ringChart draws a ring chart of a share between 0 and 1.
func ringChart(p *pen, pal palette, cx, cy, R, share float64) {
	p.circle(cx, cy, R+40, alpha(pal.paper, 0.75))
	p.ring(cx, cy, R-4, 44, alpha(pal.line, 0.9))
	p.arc(cx, cy, R-4, 44, -math.Pi/2, -math.Pi/2+2*math.Pi*share, pal.main)
}

func drawChart(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 800)
	x0 := -500.0
	base := chartPanel(p, pal, x0, 160, 200, 740)
	v := r.between(0.3, 0.42)
	var tops []float64
	for i := range 6 {
		x := x0 + 80 + float64(i)*98
		h := v * 420
		col := mix(pal.main, pal.light, 0.35)
		if i == 5 {
			col = pal.main
		}
		p.rect2(x, base-h, x+58, base, 8, 0, col)
		tops = append(tops, x+29, base-h-40)
		v = math.Min(0.98, v+r.between(0.06, 0.14))
	}
	p.polyline(8, pal.gold, tops...)
	for i := 0; i < len(tops); i += 2 {
		p.circle(tops[i], tops[i+1], 13, pal.gold)
		p.circle(tops[i], tops[i+1], 6, pal.paper)
	}
	// A ring chart and three progress bars beside the panel.
	ringChart(p, pal, 410, 330, 130, r.between(0.72, 0.96))
	for i := range 3 {
		y := 560 + float64(i)*62
		p.rect(280, y, 540, y+24, 12, alpha(pal.paper, 0.9))
		p.rect(280, y, 280+260*r.between(0.55, 0.95), y+24, 12, []color.NRGBA{pal.main, pal.tone, pal.accent}[i])
	}
}

func drawTrend(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 800)
	x0, x1 := -180.0, 520.0
	base := chartPanel(p, pal, x0, 160, x1, 740)
	// The area under a rising line, then the line.
	const n = 7
	var pts []float64
	v := r.between(0.12, 0.22)
	for i := range n {
		x := x0 + 70 + float64(i)*(x1-x0-140)/(n-1)
		pts = append(pts, x, base-v*400)
		v = math.Min(0.95, v+r.between(0.02, 0.15))
	}
	for i := 0; i+3 < len(pts); i += 2 {
		p.poly(alpha(pal.light, 0.55), pts[i], base, pts[i], pts[i+1], pts[i+2], pts[i+3], pts[i+2], base)
	}
	p.polyline(8, pal.main, pts...)
	for i := 0; i+1 < len(pts); i += 2 {
		p.circle(pts[i], pts[i+1], 12, pal.main)
		p.circle(pts[i], pts[i+1], 5, pal.paper)
	}
	last := len(pts) - 2
	p.circle(pts[last], pts[last+1], 22, pal.gold)
	p.circle(pts[last], pts[last+1], 10, pal.paper)
	// A ring chart and two figure cards beside the panel.
	ringChart(p, pal, -420, 300, 120, r.between(0.62, 0.9))
	for i, col := range []color.NRGBA{pal.main, hsl(145, 0.42, 0.42)} {
		y := 500 + float64(i)*120
		p.shadow(-560, y, -280, y+92, 16, pal)
		p.rect(-560, y, -280, y+92, 16, pal.paper)
		p.circle(-510, y+46, 26, col)
		p.rect(-468, y+26, -330, y+42, 8, mix(pal.line, pal.ink, 0.25))
		p.rect(-468, y+56, -380, y+68, 6, pal.line)
	}
}

func drawHomeVisit(p *pen, pal palette, r *rng) {
	const ground = 780
	backdrop(p, pal, r, ground)
	tree(p, pal, r, -640, ground, 330)
	// A village house: walls, tiled roof, door and window.
	wall := hsl(38, 0.45, 0.88)
	p.rect(-560, 430, -160, ground, 0, wall)
	p.poly(hsl(10, 0.5, 0.47), -600, 445, -120, 445, -220, 300, -500, 300)
	p.rect(-600, 440, -120, 456, 4, hsl(10, 0.45, 0.36))
	p.rect(-330, 570, -240, ground, 6, hsl(25, 0.35, 0.42))
	p.rect(-500, 520, -400, 620, 6, mix(pal.light, pal.main, 0.15))
	p.rect(-453, 520, -447, 620, 0, wall)
	p.rect(-500, 567, -400, 573, 0, wall)
	youth := hsl(205, 0.62, 0.50)
	// The resident, by the door; two young volunteers in blue shirts.
	p.figure(-60, ground, 410, hsl(30, 0.25, 0.55), hsl(30, 0.12, 0.32), pal)
	p.figure(170, ground, 450, youth, hsl(215, 0.3, 0.25), pal)
	p.figure(370, ground, 430, youth, hsl(215, 0.3, 0.25), pal)
	// The phone the first volunteer shows.
	p.quad(80, 520, 52, 92, -0.3, pal.ink)
	p.quad(80, 520, 40, 76, -0.3, pal.light)
	p.line(140, 470, 92, 525, 24, youth)
	speech(p, pal, -40, 170, 200, 270, 60, 320, pal.paper, pal.main)
}

func drawArchive(p *pen, pal palette, r *rng) {
	const ground = 760
	backdrop(p, pal, r, ground)
	// A stack of ledgers.
	colours := []color.NRGBA{pal.accent, pal.main, hsl(150, 0.3, 0.4), hsl(35, 0.5, 0.5), mix(pal.accent, pal.ink, 0.3), pal.tone}
	y := float64(ground)
	for i := range 6 {
		h := r.between(48, 66)
		w := r.between(280, 330)
		x := -400 + r.between(-18, 18)
		p.rect(x-w/2, y-h, x+w/2, y, 8, colours[i])
		p.rect(x-w/2+18, y-h+10, x+w/2, y-10, 4, hsl(40, 0.35, 0.92))
		p.rect(x-w/2, y-h, x-w/2+18, y, 8, mix(colours[i], pal.ink, 0.2))
		y -= h
	}
	// Three chevrons from the books to the screen.
	for i := range 3 {
		x := -190 + float64(i)*50
		col := alpha(pal.main, 0.35+0.3*float64(i))
		p.poly(col, x, 420, x+22, 420, x+52, 460, x+30, 460)
		p.poly(col, x+30, 460, x+52, 460, x+22, 500, x, 500)
	}
	// A monitor showing document tiles.
	p.shadow(10, 230, 520, 570, 20, pal)
	p.rect(10, 230, 520, 570, 20, pal.ink)
	p.rect(32, 252, 498, 548, 10, mix(pal.light, pal.paper, 0.55))
	for i := range 8 {
		cx := 90 + float64(i%4)*110
		cy := 330 + float64(i/4)*130
		p.rect(cx-36, cy-48, cx+36, cy+48, 8, pal.paper)
		p.rect(cx-22, cy-30, cx+22, cy-22, 4, pal.main)
		for k := range 3 {
			p.rect(cx-22, cy-8+float64(k)*16, cx+22-float64(k%2)*12, cy-2+float64(k)*16, 3, pal.line)
		}
	}
	p.poly(mix(pal.ink, pal.paper, 0.25), 235, 570, 295, 570, 310, 680, 220, 680)
	p.rect(160, 680, 370, 700, 10, pal.ink)
	p.circle(470, 200, 44, hsl(145, 0.45, 0.45))
	p.check(470, 200, 42, 10, pal.paper)
}

func drawMeeting(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 900)
	// A plain banner on the wall behind.
	p.rect(-500, 130, 500, 180, 8, alpha(pal.accent, 0.8))
	p.rect(-500, 174, 500, 180, 0, alpha(pal.ink, 0.1))
	shirts := []color.NRGBA{pal.main, hsl(350, 0.35, 0.52), hsl(160, 0.3, 0.42), pal.tone, hsl(205, 0.55, 0.48)}
	xs := []float64{-420, -210, 0, 210, 420}
	for i, x := range xs {
		p.bust(x, 330+r.between(-12, 12), 56, 200, 260, shirts[(i+r.intn(5))%5], pal)
	}
	wood := hsl(30, 0.35, 0.62)
	p.rect(-620, 590, 620, 640, 16, mix(wood, pal.paper, 0.2))
	p.rect(-580, 640, 580, 820, 0, mix(wood, pal.ink, 0.25))
	for _, x := range xs {
		p.quad(x+r.between(-30, 10), 612, 110, 30, r.between(-0.08, 0.08), pal.paper)
		p.rect(x+50, 560, x+78, 605, 6, pal.paper)
	}
	speech(p, pal, -330, 210, -150, 290, -230, 320, pal.paper, pal.main)
	speech(p, pal, 90, 200, 270, 280, 200, 318, pal.paper, pal.accent)
}

func drawQR(p *pen, pal palette, r *rng) {
	const desk = 680
	backdrop(p, pal, r, desk)
	// The appointment slip, with its QR code.
	x0, y0, x1, y1 := -500.0, 290.0, -160.0, 740.0
	p.shadow(x0, y0, x1, y1, 10, pal)
	p.rect(x0, y0, x1, y1, 10, pal.paper)
	p.rect(x0, y0, x1, y0+18, 10, pal.accent)
	p.rect(x0+40, y0+55, x0+200, y0+73, 9, mix(pal.line, pal.ink, 0.25))
	p.textLines(x0+40, x1-40, y0+100, 34, 4, pal.line, r)
	qrCode(p, pal, newRNG(fmt.Sprint(r.next())), x0+85, y0+255, 170)
	// The phone scanning it.
	px0, py0, px1, py1 := -30.0, 130.0, 290.0, 790.0
	p.shadow(px0, py0, px1, py1, 44, pal)
	p.rect(px0, py0, px1, py1, 44, pal.ink)
	p.rect(px0+18, py0+22, px1-18, py1-22, 30, mix(pal.light, pal.paper, 0.6))
	p.rect(95, py0+36, 165, py0+48, 6, pal.ink)
	qx, qy, qs := 30.0, 330.0, 200.0
	p.rect(qx-16, qy-16, qx+qs+16, qy+qs+16, 8, pal.paper)
	qrCode(p, pal, r, qx, qy, qs)
	for _, c := range [][2]float64{{-1, -1}, {1, -1}, {-1, 1}, {1, 1}} {
		cx, cy := qx+qs/2+c[0]*(qs/2+34), qy+qs/2+c[1]*(qs/2+34)
		p.line(cx, cy, cx-c[0]*46, cy, 9, pal.accent)
		p.line(cx, cy, cx, cy-c[1]*46, 9, pal.accent)
	}
	p.rect(qx-24, qy+qs*0.55, qx+qs+24, qy+qs*0.55+6, 3, alpha(pal.accent, 0.7))
	p.rect(30, 620, 230, 660, 20, pal.main)
	p.rect(60, 690, 200, 702, 6, pal.line)
	// A green tick: found.
	p.circle(430, 260, 62, hsl(145, 0.45, 0.45))
	p.check(430, 260, 58, 13, pal.paper)
	plant(p, pal, r, 470, desk+20, 240)
}

func drawCounter(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 900)
	// Windows on the back wall and a queue display without numbers.
	for _, x := range []float64{-700, 520} {
		p.rect(x, 150, x+200, 420, 10, alpha(pal.paper, 0.6))
		p.rect(x+97, 150, x+103, 420, 0, alpha(pal.blob, 0.9))
	}
	p.rect(-470, 160, -250, 260, 14, pal.ink)
	for i := range 3 {
		p.circle(-420+float64(i)*60, 210, 16, []color.NRGBA{pal.accent, pal.gold, hsl(145, 0.45, 0.5)}[i])
	}
	// The officer behind the counter, at a monitor.
	p.bust(-160, 300, 62, 230, 300, pal.main, pal)
	p.rect(10, 390, 230, 530, 12, pal.ink)
	p.rect(24, 404, 216, 516, 6, mix(pal.light, pal.paper, 0.5))
	p.rect(105, 530, 135, 575, 0, pal.ink)
	// The counter.
	p.rect(-640, 560, 460, 590, 10, mix(pal.tone, pal.ink, 0.35))
	p.rect(-610, 590, 430, 900, 0, hsl(36, 0.3, 0.9))
	p.rect(-610, 590, 430, 604, 0, alpha(pal.ink, 0.08))
	p.rect(-560, 660, -100, 700, 20, alpha(pal.main, 0.25))
	// A citizen at the counter, holding a ticket.
	p.figure(480, 900, 620, hsl(12, 0.35, 0.55), hsl(220, 0.2, 0.3), pal)
	p.quad(360, 560, 48, 70, 0.15, pal.paper)
	p.line(420, 520, 372, 555, 30, hsl(12, 0.35, 0.55))
	p.rect(-120, 530, -20, 560, 4, pal.paper)
}

func drawAward(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 820)
	// The certificate, with gold and red borders and an emblem.
	x0, y0, x1, y1 := -500.0, 170.0, 200.0, 730.0
	p.shadow(x0, y0, x1, y1, 8, pal)
	p.rect(x0, y0, x1, y1, 8, pal.gold)
	p.rect(x0+16, y0+16, x1-16, y1-16, 4, pal.paper)
	p.rect(x0+32, y0+32, x1-32, y1-32, 4, pal.accent)
	p.rect(x0+38, y0+38, x1-38, y1-38, 2, pal.paper)
	mid := (x0 + x1) / 2
	p.circle(mid, 280, 44, pal.accent)
	p.star(mid, 282, 28, pal.gold)
	p.rect(mid-170, 350, mid+170, 372, 11, mix(pal.accent, pal.paper, 0.25))
	p.rect(mid-120, 392, mid+120, 406, 7, pal.line)
	for i := range 4 {
		w := 230 - float64(i%2)*50
		p.rect(mid-w, 440+float64(i)*40, mid+w, 454+float64(i)*40, 7, pal.line)
	}
	p.rect(mid+60, 630, mid+240, 644, 7, pal.line)
	// The medal on its ribbon, within a laurel.
	cx, cy := 390.0, 500.0
	p.poly(mix(pal.accent, pal.ink, 0.2), 300, 150, 370, 150, cx+10, cy-60, cx-50, cy-40)
	p.poly(pal.accent, 480, 150, 410, 150, cx-10, cy-60, cx+50, cy-40)
	for side := -1.0; side <= 1; side += 2 {
		for i := range 6 {
			a := math.Pi/2 + side*(0.55+float64(i)*0.32)
			lx, ly := cx+math.Cos(a)*165, cy+math.Sin(a)*165
			p.oval(lx, ly, 34, 13, a+side*math.Pi/2.6, mix(pal.green, pal.gold, 0.25))
		}
	}
	p.circle(cx+8, cy+12, 118, alpha(pal.ink, 0.12))
	p.circle(cx, cy, 118, mix(pal.gold, pal.ink, 0.12))
	p.circle(cx, cy, 96, pal.gold)
	p.star(cx, cy+4, 58, mix(pal.gold, pal.accent, 0.8))
}

func drawVolunteers(p *pen, pal palette, r *rng) {
	const ground = 800
	backdrop(p, pal, r, ground, spot{0, 420, 520, alpha(pal.gold, 0.3), true})
	tree(p, pal, r, -590, ground, 360)
	tree(p, pal, r, 600, ground, 320)
	youth := hsl(205, 0.62, 0.50)
	trousers := hsl(215, 0.3, 0.25)
	// The flag, on a pole standing behind the group.
	p.line(-470, ground-30, -470, 190, 8, pal.ink)
	p.rect(-466, 192, -340, 276, 0, hex(0xda251d))
	p.star(-403, 234, 26, hex(0xffdd00))
	for _, x := range []float64{-250, 0, 250} {
		p.figure(x+r.between(-15, 15), ground-50, r.between(450, 490), mix(youth, pal.ink, 0.15), trousers, pal)
	}
	for _, x := range []float64{-375, -125, 125, 375} {
		p.figure(x+r.between(-12, 12), ground+30, r.between(500, 550), youth, trousers, pal)
	}
}

func drawLoudspeaker(p *pen, pal palette, r *rng) {
	const horizon = 620
	backdrop(p, pal, r, 900)
	// Roofs of the village on the horizon, then rice fields.
	for i := range 7 {
		x := -760 + float64(i)*240 + r.between(-30, 30)
		w := r.between(90, 130)
		p.rect(x-w/2, horizon-60, x+w/2, horizon, 0, hsl(38, 0.35, 0.86))
		p.poly(hsl(10, 0.45, 0.55), x-w/2-14, horizon-56, x+w/2+14, horizon-56, x+w/3, horizon-100, x-w/3, horizon-100)
	}
	for i := range 6 {
		y := horizon + float64(i*i)*9 + float64(i)*18
		p.rect(-2000, y, 2000, 900, 0, hsl(95+float64(i%2)*12, 0.36, 0.62-float64(i)*0.03))
	}
	// The pole, its crossbar and two pairs of horn speakers.
	metal := hsl(210, 0.12, 0.72)
	rim := hsl(210, 0.14, 0.45)
	p.rect(-14, 180, 14, 800, 6, pal.ink)
	for _, level := range []struct{ y, l float64 }{{250, 1}, {420, 0.82}} {
		y, l := level.y, level.l
		p.rect(-90, y-8, 90, y+8, 4, pal.ink)
		for side := -1.0; side <= 1; side += 2 {
			near, far := side*70, side*(70+190*l)
			p.poly(metal, near, y-20*l, near, y+20*l, far, y+80*l, far, y-80*l)
			p.rect(near-side*30-12, y-24*l, near-side*30+12, y+24*l, 6, rim)
			p.ellipse(far, y, 16*l, 80*l, rim)
			p.ellipse(far+side*3, y, 9*l, 66*l, mix(rim, pal.ink, 0.4))
			for k := 1; k <= 3; k++ {
				a0 := -math.Pi / 5
				if side < 0 {
					a0 = math.Pi - math.Pi/5
				}
				p.arc(far, y, float64(k)*44*l+40*l, 10*l, a0, a0+2*math.Pi/5, alpha(pal.main, 0.75-0.18*float64(k)))
			}
		}
	}
}

func drawChat(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 840)
	x0, y0, x1, y1 := -180.0, 100.0, 180.0, 810.0
	p.shadow(x0, y0, x1, y1, 48, pal)
	p.rect(x0, y0, x1, y1, 48, pal.ink)
	p.rect(x0+18, y0+22, x1-18, y1-22, 32, hsl(210, 0.35, 0.96))
	p.rect2(x0+18, y0+22, x1-18, y0+110, 32, 0, pal.main)
	p.circle(x0+70, y0+68, 22, pal.light)
	p.rect(x0+105, y0+58, x0+230, y0+76, 9, alpha(pal.paper, 0.8))
	y := y0 + 140
	for i := range 6 {
		h := 48 + 28*float64(r.intn(2))
		w := r.between(150, 230)
		if y+h > y1-110 {
			break
		}
		if i%2 == 0 {
			p.rect(x0+40, y, x0+40+w, y+h, 22, pal.paper)
			p.textLines(x0+62, x0+40+w-24, y+16, 26, int(h/36), pal.line, r)
		} else {
			p.rect(x1-40-w, y, x1-40, y+h, 22, pal.main)
			p.textLines(x1-40-w+22, x1-62, y+16, 26, int(h/36), alpha(pal.paper, 0.6), r)
		}
		y += h + 22
	}
	p.rect(x0+40, y1-90, x1-100, y1-50, 20, pal.paper)
	p.circle(x1-68, y1-70, 22, pal.main)
	// Bubbles and a paper plane around the phone.
	speech(p, pal, -520, 230, -300, 320, -330, 360, pal.paper, pal.main)
	speech(p, pal, 300, 470, 500, 550, 330, 590, mix(pal.light, pal.paper, 0.3), pal.main)
	// A "like": a heart on a round badge.
	hx, hy := 430.0, 250.0
	p.circle(hx+6, hy+10, 70, alpha(pal.ink, 0.1))
	p.circle(hx, hy, 70, pal.paper)
	p.circle(hx-17, hy-8, 21, pal.accent)
	p.circle(hx+17, hy-8, 21, pal.accent)
	p.poly(pal.accent, hx-37, hy-2, hx+37, hy-2, hx, hy+36)
	p.circle(-430, 560, 14, alpha(pal.main, 0.5))
	p.circle(-380, 620, 9, alpha(pal.main, 0.35))
}

func drawDocuments(p *pen, pal palette, r *rng) {
	backdrop(p, pal, r, 800)
	folder := hsl(40, 0.65, 0.62)
	p.shadow(-480, 250, 150, 760, 18, pal)
	p.rect(-480, 210, -280, 280, 18, mix(folder, pal.ink, 0.15))
	p.rect(-480, 250, 150, 760, 18, mix(folder, pal.ink, 0.15))
	p.quad(-150, 470, 450, 560, r.between(0.03, 0.07), mix(pal.paper, pal.line, 0.3))
	p.rect(-400, 190, 90, 730, 12, pal.paper)
	p.rect(-350, 240, -150, 260, 10, mix(pal.line, pal.ink, 0.25))
	for i := range 6 {
		y := 310 + float64(i)*68
		p.rect(-350, y, -310, y+40, 8, pal.line)
		if i < 4 || r.chance(0.5) {
			p.rect(-350, y, -310, y+40, 8, pal.main)
			p.check(-330, y+20, 24, 6, pal.paper)
		}
		p.rect(-280, y+12, 40-r.between(0, 120), y+28, 8, pal.line)
	}
	p.rect(-480, 560, 150, 760, 18, folder)
	// A magnifying glass.
	cx, cy := 300.0, 380.0
	p.line(cx+85, cy+85, cx+220, cy+220, 44, pal.ink)
	p.circle(cx, cy, 125, alpha(pal.light, 0.55))
	p.ring(cx, cy, 125, 30, pal.main)
	p.arc(cx, cy, 90, 12, math.Pi*1.1, math.Pi*1.45, alpha(pal.paper, 0.8))
}

// Portraits of honorees: neutral silhouettes, with no face.

// portraitHues are the calm background hues portraits are given.
var portraitHues = []float64{205, 170, 32, 225, 150, 12, 190, 260, 45}

// silhouette draws a head-and-shoulders silhouette: a head of radius head
// whose centre is at (x, y), on shoulders w wide reaching down to bottom,
// the head and neck in tone and the clothes in shirt with a V neck.
func silhouette(p *pen, x, y, head, w, bottom float64, tone, shirt color.NRGBA) {
	top := y + head*1.42
	neck := head * 0.44
	p.rect(x-neck, y, x+neck, top+head*0.2, 0, tone)
	p.rect2(x-w/2, top, x+w/2, bottom, w*0.36, 0, shirt)
	p.poly(tone, x-neck, top-1, x+neck, top-1, x, top+head*0.5)
	p.ellipse(x, y, head*0.84, head, tone)
}

// shirtColours are the sober colours a portrait's clothes are given.
var shirtColours = []color.NRGBA{
	hsl(212, 0.45, 0.36), // navy
	hsl(188, 0.35, 0.36), // teal
	hsl(354, 0.36, 0.40), // burgundy
	hsl(150, 0.26, 0.36), // green
	hsl(26, 0.32, 0.40),  // brown
	hsl(222, 0.22, 0.48), // slate blue
	hsl(200, 0.30, 0.50), // steel blue
}

// grey is the colour of silhouettes: a slate grey barely tinted by the
// background.
func grey(pal palette) color.NRGBA {
	return mix(hex(0x6b7a8a), pal.tone, 0.2)
}

// drawPortrait draws the portrait of a person: a silhouette on a soft
// background, in colours the generator chooses.
func drawPortrait(p *pen, pal palette, r *rng) {
	p.background(pal, math.Pi/2, spot{0, 450, 380, alpha(pal.paper, 0.5), false})
	tone := mix(grey(pal), pal.ink, r.between(0.3, 0.45))
	shirt := shirtColours[r.intn(len(shirtColours))]
	silhouette(p, 0, 345, 168, 700, 960, tone, shirt)
}

// drawGroup draws the portrait of a collective: five silhouettes in two
// rows.
func drawGroup(p *pen, pal palette, r *rng) {
	p.background(pal, math.Pi/2, spot{0, 480, 390, alpha(pal.paper, 0.5), false})
	shirts := shirtColours
	o := r.intn(len(shirts))
	for i, x := range []float64{-150, 150} {
		tone := mix(grey(pal), pal.ink, 0.45+0.05*float64(i))
		silhouette(p, x, 300, 72, 260, 960, tone, mix(shirts[(o+i)%len(shirts)], pal.ink, 0.12))
	}
	for i, x := range []float64{-290, 0, 290} {
		tone := mix(grey(pal), pal.ink, 0.3+0.05*float64(i))
		silhouette(p, x, 450, 84, 300, 960, tone, mix(shirts[(o+2+i)%len(shirts)], pal.paper, 0.08))
	}
}

// portraitAlt is the alt text of an honoree's picture.
func portraitAlt(name string, collective bool) string {
	if collective {
		return "Ảnh minh họa tập thể " + name
	}
	return "Ảnh minh họa chân dung " + name
}
