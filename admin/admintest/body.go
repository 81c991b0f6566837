package admintest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// JSONField returns a top-level field of a JSON object as text (the first
// element of a list), or "" if it has none.
func JSONField(t testing.TB, body, field string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	switch v := m[field].(type) {
	case string:
		return v
	case []any:
		if len(v) > 0 {
			return fmt.Sprint(v[0])
		}
	}
	return ""
}

// Between returns the text of s between the first start and the end that
// follows it, or "" if s has no start.
func Between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i+len(start):]
	return s[:strings.Index(s, end)]
}
