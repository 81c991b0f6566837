package migrations

import (
	"reflect"
	"testing"
)

// The identity a previous release's portal name gives: none for the
// neutral names, the site's name alone when it names no commune, the
// commune, owner, movement and mark when it does.
func TestIdentityFromAppName(t *testing.T) {
	for _, c := range []struct {
		name string
		want map[string]string
	}{
		{"", nil},
		{"Acme", nil},
		{"Cổng cải cách hành chính", nil},
		{"Cổng thông tin cải cách hành chính", nil},
		{"Trang thi đua của cơ quan", map[string]string{"siteName": "Trang thi đua của cơ quan"}},
		{"Cổng cải cách hành chính  phường Hòa  Bình ", map[string]string{
			"siteName": "Cổng cải cách hành chính phường Hòa Bình", "commune": "phường Hòa Bình",
			"owner": "Ủy ban nhân dân phường Hòa Bình", "mark": "HB",
			"movement": "Đẩy mạnh cải cách hành chính trên địa bàn phường Hòa Bình giai đoạn 2026 – 2030"}},
		{"Cổng thi đua thị trấn Ea Tê Đông Nam", map[string]string{
			"siteName": "Cổng thi đua thị trấn Ea Tê Đông Nam", "commune": "thị trấn Ea Tê Đông Nam",
			"owner": "Ủy ban nhân dân thị trấn Ea Tê Đông Nam", "mark": "ETĐ",
			"movement": "Đẩy mạnh cải cách hành chính trên địa bàn thị trấn Ea Tê Đông Nam giai đoạn 2026 – 2030"}},
	} {
		if got := identityFromAppName(c.name); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %v, want %v", c.name, got, c.want)
		}
	}
}
