package shortcode

import "testing"

func TestNew(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 2000; i++ {
		c, err := New()
		if err != nil {
			t.Fatal(err)
		}
		if !Valid(c) || len(c) != Length {
			t.Fatalf("New() = %q", c)
		}
		seen[c] = true
	}
	if len(seen) < 1990 {
		t.Fatalf("only %d distinct codes in 2000", len(seen))
	}
	for _, bad := range []string{"", "abc", "ab0de", "ab1de", "abIde", "ablde", "abode", "../..", "ABCDE"} {
		if Valid(bad) {
			t.Errorf("Valid(%q) = true", bad)
		}
	}
}
