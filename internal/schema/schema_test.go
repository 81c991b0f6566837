package schema_test

import (
	"slices"
	"testing"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// The role constants are the keys of the labelled list the back office
// shows, in the same order.
func TestRolesAreVocabs(t *testing.T) {
	want := []string{schema.RoleEditor, schema.RoleReviewer, schema.RoleUnitReporter}
	if got := vocab.StaffRoles.Keys(); !slices.Equal(got, want) {
		t.Fatalf("vocab.StaffRoles keys %v, schema roles %v", got, want)
	}
}

// The two forms of the public read rule differ only in how the time is
// given.
func TestPublicRuleForms(t *testing.T) {
	if schema.PublicRead != `status = "published" && publishAt != "" && publishAt <= @now` {
		t.Fatalf("PublicRead = %q", schema.PublicRead)
	}
	if schema.PublicFilter != `status = "published" && publishAt != "" && publishAt <= {:now}` {
		t.Fatalf("PublicFilter = %q", schema.PublicFilter)
	}
}

func TestParseSteps(t *testing.T) {
	for _, empty := range []string{"", " null ", "\n"} {
		if s, err := schema.ParseSteps([]byte(empty)); s != nil || err != nil {
			t.Fatalf("ParseSteps(%q) = %v, %v", empty, s, err)
		}
	}
	s, err := schema.ParseSteps([]byte(`[{"title":"Nộp hồ sơ","logic":"or"}]`))
	if err != nil || len(s) != 1 || s[0].Title != "Nộp hồ sơ" || s[0].Logic != "or" {
		t.Fatalf("ParseSteps = %+v, %v", s, err)
	}
	if _, err := schema.ParseSteps([]byte(`{"title":1}`)); err == nil {
		t.Fatal("ParseSteps accepted an object")
	}
}
