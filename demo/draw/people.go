package draw

// Scenes of people: a home visit, a meeting, the one-stop counter,
// volunteers.

import "image/color"

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
