package draw

// Scenes of paperwork: a calendar, a signed decision, an archive being
// digitised, a checked dossier, a certificate of merit.

import (
	"image/color"
	"math"
)

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
