package demo

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestPreview(t *testing.T) {
	dir := os.Getenv("DEMO_PREVIEW")
	if dir == "" {
		t.Skip()
	}
	os.MkdirAll(dir, 0o755)
	for name, m := range motifs {
		for i, hue := range []float64{36, 208, 172} {
			start := time.Now()
			b, err := render(m.draw, coverW, coverH, hue, name+string(rune('a'+i)))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s %d: %d KB %v", name, i, len(b)/1024, time.Since(start))
			os.WriteFile(filepath.Join(dir, name+string(rune('0'+i))+".jpg"), b, 0o644)
		}
	}
	for i, n := range []string{"Lê Thị Mỹ Linh", "Nguyễn Văn Tùng", "Võ Đức Thắng"} {
		r := newRNG(n)
		b, _ := render(drawPortrait, portraitW, portraitH, portraitHues[r.intn(len(portraitHues))], n)
		os.WriteFile(filepath.Join(dir, "portrait"+string(rune('0'+i))+".jpg"), b, 0o644)
		b, _ = render(drawGroup, portraitW, portraitH, portraitHues[r.intn(len(portraitHues))], n)
		os.WriteFile(filepath.Join(dir, "group"+string(rune('0'+i))+".jpg"), b, 0o644)
	}
}
