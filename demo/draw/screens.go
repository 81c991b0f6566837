package draw

// Scenes of phones: scanning a QR code, chatting.

import "fmt"

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
