package markdown

import (
	"slices"
	"testing"
)

// TestHostileLinksToOtherHosts: a link written as a path of the site that
// a browser opens on another host ("\" read as "/", "//host", the
// characters browsers drop, entities and %-escapes decoded) is refused,
// in links, images and reference definitions; paths, anchors, relative
// links and links that name their scheme pass.
func TestHostileLinksToOtherHosts(t *testing.T) {
	for _, src := range []string{
		`[a](/\evil.example)`, `[a](\\\\evil.example)`, `[a](/%5Cevil.example)`, `[a](/%5cevil.example)`,
		`[a](/%5C%5Cevil.example)`, `[a](/&#92;evil.example)`, `[a](/&#x5C;evil.example)`, `[a](//evil.example)`,
		`[a](///evil.example)`, "[a](</\t/evil.example>)", `[a](< //evil.example>)`,
		`[a](%2F%2Fevil.example)`, `[a](/.%2F%5Cevil.example/)`, `[a](/tin-tuc/..\..\evil.example)`,
		`![x](/\evil.example/a.png)`, "[a][r]\n\n[r]: /\\evil.example", `[a](<\evil.example>)`,
		`[a](/\\evil.example "tiêu đề")`, "[a](\x01//evil.example)",
	} {
		if got := Check(src); !slices.Contains(got, ProblemOtherHost) {
			t.Errorf("Check(%q) = %q, want the other-host problem", src, got)
		}
	}
	for _, src := range []string{
		"[a](/ke-hoach/)", "[a](#muc-1)", "[a](tin-tuc/a/)", "[a](../tin-tuc/)", "[a](/tim-kiem/?q=a\\\\b)",
		"[a](https://dichvucong.gov.vn//p/x)", "[a](https://evil.example/)", "[a](mailto:ubnd@daison.gov.vn)",
		"[a](/van-ban/#quyet-dinh)", "<https://vneid.gov.vn>",
	} {
		if got := Check(src); len(got) != 0 {
			t.Errorf("Check(%q) = %q, want none", src, got)
		}
	}
}
