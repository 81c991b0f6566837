package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestFeedbackLoad sends 5,000 citizen submissions to the real portal on
// loopback, 500 at a time, each from its own address behind a trusted proxy
// (as the commune's proxy would forward them), and a tenth of them twice at
// once (a retry): every acknowledged submission must be stored exactly
// once. It logs the throughput and latencies; it asserts no timings.
func TestFeedbackLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load run skipped in -short mode")
	}
	p := start(t, false, "--trusted-proxy-headers", "X-Forwarded-For")
	const total, concurrency = 5000, 500

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: concurrency, MaxConnsPerHost: concurrency}, Timeout: 60 * time.Second}
	type result struct {
		key, ref string
		code     int
		dur      time.Duration
	}
	jobs := make(chan int)
	results := make(chan result, total+total/10)
	var wg sync.WaitGroup
	var sent atomic.Int64
	send := func(i int, key string) result {
		body, _ := json.Marshal(map[string]string{
			"kind": "hai-long", "rating": fmt.Sprint(i%5 + 1), "channel": "quay-mot-cua",
			"message": fmt.Sprintf("Đánh giá thử tải số %d", i), "idempotencyKey": key,
		})
		req, _ := http.NewRequest(http.MethodPost, p.URL+"/api/portal/feedback", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", (i>>16)&255, (i>>8)&255, i&255))
		start := time.Now()
		res, err := client.Do(req)
		sent.Add(1)
		if err != nil {
			return result{key: key, code: -1, dur: time.Since(start)}
		}
		defer res.Body.Close()
		var rec struct {
			RefCode string `json:"refCode"`
		}
		b, _ := io.ReadAll(res.Body)
		_ = json.Unmarshal(b, &rec)
		return result{key: key, ref: rec.RefCode, code: res.StatusCode, dur: time.Since(start)}
	}
	began := time.Now()
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				key := fmt.Sprintf("load-%05d", i)
				if i%10 == 0 {
					// A retry racing the first try.
					var inner sync.WaitGroup
					inner.Add(1)
					go func() { defer inner.Done(); results <- send(i, key) }()
					results <- send(i, key)
					inner.Wait()
					continue
				}
				results <- send(i, key)
			}
		}()
	}
	for i := 0; i < total; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(results)
	elapsed := time.Since(began)

	acked := map[string]string{} // key → refCode
	var durs []time.Duration
	codes := map[int]int{}
	for r := range results {
		codes[r.code]++
		durs = append(durs, r.dur)
		if r.code == 200 || r.code == 201 {
			if prev, ok := acked[r.key]; ok && prev != r.ref {
				t.Errorf("key %s acknowledged with two codes: %s and %s", r.key, prev, r.ref)
			}
			acked[r.key] = r.ref
		}
	}
	sort.Slice(durs, func(i, j int) bool { return durs[i] < durs[j] })
	pct := func(q float64) time.Duration { return durs[int(q*float64(len(durs)-1))].Round(time.Millisecond) }
	t.Logf("%d requests (%d submissions, %d retries) in %s: %.0f req/s; status counts %v; latency p50 %s, p95 %s, max %s",
		sent.Load(), total, total/10, elapsed.Round(time.Millisecond), float64(sent.Load())/elapsed.Seconds(), codes, pct(0.5), pct(0.95), pct(1))

	// Every acknowledged submission is stored exactly once.
	var list struct {
		TotalItems int `json:"totalItems"`
	}
	p.api("GET", "/api/collections/feedback/records?perPage=1&filter="+urlEncode(`kind="hai-long"`), nil, &list)
	if list.TotalItems != len(acked) {
		t.Fatalf("%d submissions acknowledged, %d stored", len(acked), list.TotalItems)
	}
	refs := map[string]bool{}
	for _, ref := range acked {
		if refs[ref] {
			t.Fatalf("reference code %s given twice", ref)
		}
		refs[ref] = true
	}
	if len(acked) != total {
		t.Errorf("only %d of %d submissions acknowledged (status counts %v)", len(acked), total, codes)
	}
}

func urlEncode(s string) string {
	var b bytes.Buffer
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
