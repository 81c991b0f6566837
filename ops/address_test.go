package ops

import "testing"

func TestLoopbackURL(t *testing.T) {
	for u, want := range map[string]bool{
		"http://127.0.0.1:8090/":           true,
		"http://127.3.4.5/":                true,
		"http://localhost:8090":            true,
		"http://LOCALHOST/":                true,
		"http://app.localhost/":            true,
		"http://[::1]:8090/":               true,
		"http://0.0.0.0:8090/":             true,
		"":                                 true,
		"/chi-duong-dan/":                  true,
		"https://caicach.daison.gov.vn/":   false,
		"http://10.0.0.5:8090/":            false,
		"https://[2001:db8::1]/":           false,
		"https://localhost.daison.gov.vn/": false,
	} {
		if got := LoopbackURL(u); got != want {
			t.Errorf("LoopbackURL(%q) = %v, want %v", u, got, want)
		}
	}
}
