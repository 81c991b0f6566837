package records_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records"
)

func TestLinkableArePublic(t *testing.T) {
	for _, c := range records.Linkable() {
		if !records.IsPublic(c) || !records.IsLinkable(c) {
			t.Fatalf("%s: public %v, linkable %v", c, records.IsPublic(c), records.IsLinkable(c))
		}
	}
	if records.IsPublic(schema.Staff) || records.IsLinkable(schema.Units) {
		t.Fatal("staff counted public or units linkable")
	}
}

// Each kind has its own collection and section, a noun and a label, a
// slug for a title that makes none, and roles; a kind with pages is found
// by search, and its taxonomies are declared in hugo.toml.
func TestKindsDescribed(t *testing.T) {
	conf, err := os.ReadFile("../hugo.toml")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, k := range records.All {
		keys := []string{"collection " + k.Collection}
		if k.HasPages() {
			keys = append(keys, "section "+k.Section)
		}
		if k.Search != nil {
			keys = append(keys, fmt.Sprintf("search rank %d", k.Search.Rank))
		}
		for _, key := range keys {
			if seen[key] {
				t.Errorf("%s: %s used twice", k.Collection, key)
			}
			seen[key] = true
		}
		if k.Noun == "" || k.Label == "" || k.SlugFallback == "" || len(k.Editors) == 0 || len(k.Publishers) == 0 {
			t.Errorf("%s: incomplete descriptor %+v", k.Collection, k)
		}
		if k.HasPages() != (k.Search != nil) || k.HasPages() != (k.TitleField != "") {
			t.Errorf("%s: a kind with pages has a title field and is searched, one without neither", k.Collection)
		}
		if records.BySection(k.Section) != k && k.HasPages() {
			t.Errorf("%s: BySection(%q) finds another kind", k.Collection, k.Section)
		}
		if k.Linkable && !k.HasPages() {
			t.Errorf("%s: linkable without pages", k.Collection)
		}
		for _, r := range slices.Concat(k.Editors, k.Publishers) {
			if r != schema.RoleEditor && r != schema.RoleReviewer && r != schema.RoleUnitReporter {
				t.Errorf("%s: no role %q", k.Collection, r)
			}
		}
		for _, tax := range k.Taxonomies {
			if !strings.HasPrefix(tax.URL, "/"+k.Section+"/") {
				t.Errorf("%s: taxonomy %s outside its section (%s)", k.Collection, tax.Name, tax.URL)
			}
			if !strings.Contains(string(conf), tax.Name) {
				t.Errorf("%s: taxonomy %s missing from hugo.toml", k.Collection, tax.Name)
			}
		}
	}
}
