package demo

import (
	"github.com/daison/portal/records"
	"regexp"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/admin/admintest"
	"github.com/daison/portal/internal/schema"
)

// illustrativeName is a family name, a middle name and one capital letter:
// "Nguyễn Văn A", "Trần Thị B" – a name no reader takes for a real person's.
var illustrativeName = regexp.MustCompile(`^\p{Lu}\p{Ll}* \p{Lu}\p{Ll}* \p{Lu}$`)

// addressed is a person named after how the text addresses them ("chị Lê
// Thị A", "ông Phạm Văn Q", "Anh D"): the words up to the end of the name.
var addressed = regexp.MustCompile(`(?:^|[^\p{L}])(?:[Aa]nh|[Cc]hị|[Ôô]ng|[Bb]à|[Bb]ác|[Bb]ác sĩ|[Cc]ô|[Cc]hú|[Cc]ụ) ((?:\p{Lu}\p{Ll}* )*\p{Lu}\p{Ll}*)`)

// TestDemoNamesAreIllustrative checks, on the data the demo generates, that
// every person it names is obviously made up: each individual honouree's name
// is a family name, a middle name and one capital letter, and every person a
// text addresses ("chị …", "ông …") is called by such a name or its letter.
func TestDemoNamesAreIllustrative(t *testing.T) {
	app := admintest.NewApp(t, nil)
	if _, err := Load(app); err != nil {
		t.Fatal(err)
	}
	people := 0
	letters := map[string]string{}
	for _, h := range mustAll(t, app, schema.Honorees) {
		if h.GetString("kind") != "ca-nhan" {
			continue
		}
		people++
		name := h.GetString("name")
		if !illustrativeName.MatchString(name) {
			t.Errorf("honouree %q: not an illustrative name like “Nguyễn Văn A”", name)
			continue
		}
		letter := name[len(name)-1:]
		if other, dup := letters[letter]; dup {
			t.Errorf("honourees %q and %q share the letter %s", other, name, letter)
		}
		letters[letter] = name
	}
	if people < 5 {
		t.Fatalf("only %d individual honourees in the demo", people)
	}

	mentions := 0
	for _, c := range append([]string{schema.Nominations}, records.Collections()...) {
		for _, r := range mustAll(t, app, c) {
			for _, f := range r.Collection().Fields {
				if f.Type() != core.FieldTypeText && f.Type() != core.FieldTypeEditor {
					continue
				}
				for _, m := range addressed.FindAllStringSubmatch(r.GetString(f.GetName()), -1) {
					mentions++
					if n := m[1]; len(n) != 1 && !illustrativeName.MatchString(n) {
						t.Errorf("%s %s: %q names someone realistically (“…%s”)", c, r.GetString("slug"), f.GetName(), n)
					}
				}
			}
		}
	}
	if mentions < 10 {
		t.Errorf("only %d people addressed by name in the demo's texts; the check reads the wrong fields", mentions)
	}
}
