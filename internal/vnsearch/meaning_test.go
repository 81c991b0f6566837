package vnsearch

import "testing"

// build indexes titles and bodies, doc i = texts[i].
func build(texts [][2]string, syn []Synonym) *Index {
	b := NewBuilder()
	for i, t := range texts {
		b.Add(i, Title, t[0])
		b.Add(i, Body, t[1])
	}
	return b.Index(syn)
}

func first(ix *Index, q string) int {
	r := ix.Search(q)
	if len(r.Hits) == 0 {
		return -1
	}
	return r.Hits[0].Doc
}

// TestSearchMeans: what people mean wins over folded syllables that only
// look alike.
func TestSearchMeans(t *testing.T) {
	ix := build([][2]string{
		{"Kết quả năm nay tốt hơn", "Kết quả giải quyết hồ sơ nhanh hơn, nhiều hơn và tốt hơn của các năm trước."},
		{"Hướng dẫn thủ tục", "Cách đăng ký kết hôn tại xã."},
		{"Một năm của các thôn", "Một thôn, một việc của mỗi người; các thôn và một nhà văn hóa."},
		{"Bộ phận một cửa", "Nơi nhận hồ sơ."},
	}, []Synonym{{"VNeID", "định danh điện tử"}})
	// "hơn" (more), spread over a page, is not the "hôn" of "kết hôn".
	if got := first(ix, "ket hon"); got != 1 {
		t.Errorf("ket hon: first %d, want the marriage page", got)
	}
	// "một" and "của" are common; "một cửa" is a place.
	if got := first(ix, "mot cua"); got != 3 {
		t.Errorf("mot cua: first %d, want the counter", got)
	}
	// Words typed with diacritics find those diacritics first.
	if got := first(ix, "một cửa"); got != 3 {
		t.Errorf("một cửa: first %d", got)
	}
	// Words scattered over a title count well below a phrase in a body.
	if r := ix.Search("ket hon"); len(r.Hits) != 2 || r.Hits[1].Score*2 > r.Hits[0].Score {
		t.Errorf("ket hon: %+v", r.Hits)
	}
	// Far below, they are dropped.
	many := [][2]string{{"Đăng ký kết hôn", "Kết hôn."}}
	for range 3 {
		many = append(many, [2]string{"Tin", "Kết quả tốt hơn."})
	}
	if r := build(many, nil).Search("ket hon"); len(r.Hits) != 1 {
		t.Errorf("ket hon over scattered words: %+v", r.Hits)
	}
	// A question's fillers may be missing from the page.
	if got := first(ix, "thu tuc ket hon lam the nao"); got != 1 {
		t.Errorf("a question: first %d", got)
	}
	// A synonym one letter off.
	ix2 := build([][2]string{{"Tài khoản định danh điện tử", "Ứng dụng của Bộ Công an."}}, []Synonym{{"VNeID", "định danh điện tử"}})
	if got := first(ix2, "vnied"); got != 0 {
		t.Errorf("vnied: first %d", got)
	}
}

// TestWeak: a best result far from the words typed is weak.
func TestWeak(t *testing.T) {
	ix := build([][2]string{
		{"Đăng ký khai sinh", "Giấy chứng sinh, tờ khai."},
		{"Tin tức", "Đăng ký nhận tin; xe đưa đón; máy tính ở thư viện."},
	}, nil)
	for q, want := range map[string]bool{"khai sinh": false, "dang ky khai sinh": false, "xyzzy": true,
		"đăng ký xe máy": true, "may tinh": false} {
		if got := ix.Search(q).Weak; got != want {
			t.Errorf("%q: weak %v, want %v", q, got, want)
		}
	}
	ix.Boost = []int{20, 10}
	if r := ix.Search("dang ky"); r.Hits[0].Doc != 0 || r.Hits[0].Score <= r.Hits[1].Score {
		t.Errorf("boost: %+v", r.Hits)
	}
}
