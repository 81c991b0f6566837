package opstest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// api calls the portal's API at base with the token (may be empty), and
// decodes the JSON answer into out (may be nil); it returns the status.
func api(t *testing.T, base, token, method, path string, body, out any) int {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, base+path, r)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, path, err, b)
		}
	}
	return res.StatusCode
}

// apiNoFail is api for a goroutine: it returns 0 when the request fails.
func apiNoFail(base, token, method, path string, body any) int {
	code, _ := apiAnswer(base, token, method, path, body)
	return code
}

// apiAnswer is apiNoFail with the answer's body.
func apiAnswer(base, token, method, path string, body any) (int, string) {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, base+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	b, _ = io.ReadAll(res.Body)
	res.Body.Close()
	return res.StatusCode, string(b)
}

// jsonUnmarshal decodes b into out or fails t.
func jsonUnmarshal(t *testing.T, b []byte, out any) {
	t.Helper()
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
}
