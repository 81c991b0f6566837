package opstest

import (
	"database/sql"
	"fmt"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/internal/versitygw"
	"github.com/daison/portal/ops"
)

// Part is a part of /api/health.
type Part = ops.Part

// The portal replicating its databases to a real S3 server (versitygw) is
// killed with SIGKILL in the middle of a stream of writes; "portal restore
// --from" rebuilds the data folder on a new, empty one, and every write
// acknowledged more than the recovery point before the kill is there. The
// recovery point measured (the age, at the kill, of the oldest
// acknowledged write missing) is logged; the goal is ≤ 1 s.
func TestReplicateKillRestore(t *testing.T) {
	s3 := versitygw.Start(t)
	s3.SetEnv(t)
	s3.Bucket(t, "saoluu")
	url := "s3://saoluu/daison?endpoint=" + s3.Endpoint + "&region=" + versitygw.Region
	p := portaltest.Start(t, portaltest.Options{Args: []string{"--replicate-to", url}})
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}

	// Ten records, then a steady stream of updates to them, round robin,
	// paced under the rate limits (PocketBase's limiter refuses a burst
	// from one address): each acknowledged update sets the record's
	// counter.
	const records = 10
	ids := make([]string, records)
	for i := range ids {
		var rec struct {
			ID string `json:"id"`
		}
		if code := api(t, p.URL, token, "POST", "/api/collections/articles/records",
			map[string]any{"title": "Ghi nhận 0", "category": "thong-bao", "status": "draft"}, &rec); code != 200 {
			t.Fatalf("create: %d", code)
		}
		ids[i] = rec.ID
	}
	type ack struct {
		id string
		n  int
		at time.Time
	}
	var (
		mu         sync.Mutex
		acked      []ack
		stopped    int
		stopAnswer string
		done       = make(chan struct{})
	)
	go func() {
		defer close(done)
		for n := 1; ; n++ {
			id := ids[n%records]
			code, answer := apiAnswer(p.URL, token, "PATCH", "/api/collections/articles/records/"+id,
				map[string]any{"title": fmt.Sprintf("Ghi nhận %d", n)})
			switch code {
			case 200:
				mu.Lock()
				acked = append(acked, ack{id, n, time.Now()})
				mu.Unlock()
				time.Sleep(30 * time.Millisecond) // within the limits
			case 429:
				time.Sleep(20 * time.Millisecond)

			default:
				mu.Lock()
				stopped, stopAnswer = code, answer
				mu.Unlock()
				return // the portal is gone (0)
			}
		}
	}()
	time.Sleep(4 * time.Second)
	var h struct {
		Data struct {
			Portal struct {
				Replication Part `json:"replication"`
			} `json:"portal"`
		} `json:"data"`
	}
	api(t, p.URL, "", "GET", "/api/health", nil, &h)
	if r := h.Data.Portal.Replication; !r.Configured || !r.OK || time.Since(r.At) > 5*time.Second {
		t.Errorf("health of the replication while writing: %+v", r)
	}
	// Kill right after a write was acknowledged, the stream still going.
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		mu.Lock()
		fresh := len(acked) > 0 && time.Since(acked[len(acked)-1].at) < 10*time.Millisecond
		mu.Unlock()
		if fresh {
			break
		}
	}
	killed := time.Now()
	p.Kill()
	<-done

	fresh := filepath.Join(t.TempDir(), "pb_data")
	bin, err := portaltest.Build()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	out, err := exec.Command(bin, "restore", "--from", url, "--dir", fresh).CombinedOutput()
	if err != nil {
		t.Fatalf("portal restore --from: %v\n%s", err, out)
	}
	t.Logf("restore took %s:\n%s", time.Since(start).Round(time.Millisecond), out)

	db, err := sql.Open("sqlite", filepath.Join(fresh, "data.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("restored database: integrity %q, %v", check, err)
	}
	have := map[string]int{}
	rows, err := db.Query("SELECT id, title FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id, title string
		var n int
		rows.Scan(&id, &title)
		fmt.Sscanf(title, "Ghi nhận %d", &n)
		have[id] = n
	}
	rows.Close()
	if stopped != 0 {
		t.Fatalf("the writes stopped with status %d before the kill: %s", stopped, stopAnswer)
	}
	if len(acked) < 50 {
		t.Fatalf("only %d writes acknowledged before the kill", len(acked))
	}
	var lost []ack
	for _, a := range acked {
		if have[a.id] < a.n {
			lost = append(lost, a)
		}
	}
	rpo := time.Duration(0)
	if len(lost) > 0 {
		rpo = killed.Sub(lost[0].at)
	}
	t.Logf("%d writes acknowledged in 4 s (the last %s before the kill), %d lost; recovery point %s (goal ≤ 1 s)",
		len(acked), killed.Sub(acked[len(acked)-1].at).Round(time.Millisecond), len(lost), rpo.Round(time.Millisecond))
	if rpo > time.Second {
		t.Errorf("writes acknowledged %s before the kill were lost (goal ≤ 1 s): first lost %+v", rpo.Round(time.Millisecond), lost[0])
	}
	if _, err := exec.Command(bin, "restore", "--from", url, "--dir", fresh).CombinedOutput(); err != nil {
		t.Fatalf("restoring again over a restored folder: %v", err)
	}
}
