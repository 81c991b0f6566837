package draw

// The demo's illustrations: flat, text-free drawings in a calm palette
// (article covers, initiative photos, honoree portraits), each drawn by one
// scene function and described by an honest Vietnamese alt text. The
// scenes are in files named by what they show (places.go, papers.go,
// charts.go, people.go, screens.go, portraits.go); they draw with a pen
// (pen.go) on a canvas (canvas.go).

import "sort"

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

// render draws scene s on a w×h canvas and returns it as JPEG.
func render(s scene, w, h int, hue float64, seed string) ([]byte, error) {
	r := newRNG(seed)
	c := newCanvas(w, h)
	p := &pen{c: c, u: float64(h) / 900, ox: float64(w) / 2}
	s(p, newPalette(hue, r), r)
	return c.jpeg()
}
