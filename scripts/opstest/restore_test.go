package opstest

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gocloud.dev/blob"

	"github.com/daison/portal/internal/portaltest"
	"github.com/daison/portal/internal/versitygw"
	"github.com/daison/portal/site/deploy"
)

// storageFiles reads the uploaded files of a data folder (thumbnails,
// which PocketBase makes again, left out), by path below storage/.
func storageFiles(t *testing.T, dataDir string) map[string][]byte {
	t.Helper()
	root := filepath.Join(dataDir, "storage")
	out := map[string][]byte{}
	err := filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.IsDir() {
			if strings.HasPrefix(fi.Name(), "thumbs_") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return out
}

// tableCounts counts the rows of each collection's table of a data folder.
func tableCounts(t *testing.T, dataDir string) map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(dataDir, "data.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	counts := map[string]int{}
	for _, n := range names {
		var c int
		if err := db.QueryRow(`SELECT count(*) FROM "` + n + `"`).Scan(&c); err != nil {
			t.Fatal(err)
		}
		counts[n] = c
	}
	return counts
}

// bucketKeys lists the keys of the bucket under prefix.
func bucketKeys(t *testing.T, url, prefix string) map[string]bool {
	t.Helper()
	ctx := context.Background()
	b, err := blob.OpenBucket(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	keys := map[string]bool{}
	it := b.List(&blob.ListOptions{Prefix: prefix})
	for {
		obj, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return keys
		}
		if err != nil {
			t.Fatal(err)
		}
		keys[obj.Key] = true
	}
}

// images are the keys of image files among keys.
func images(keys map[string]bool) []string {
	var out []string
	for k := range keys {
		switch strings.ToLower(filepath.Ext(k)) {
		case ".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg":
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// uploadsHealth is what /api/health says of the deploy, the replication
// and the uploaded files.
type uploadsHealth struct {
	Data struct {
		Portal struct {
			OK          bool `json:"ok"`
			Deploy      Part `json:"deploy"`
			Replication Part `json:"replication"`
			Uploads     Part `json:"uploads"`
		} `json:"portal"`
	} `json:"data"`
}

// waitDeploy waits until the portal has a deploy report for its live
// build, and returns it.
func waitDeploy(t *testing.T, p *portaltest.Portal, token string) *deploy.Report {
	t.Helper()
	var st deployStatus
	p.WaitFor(t, "a deploy of the live build", 4*time.Minute, func() bool {
		st = deployStatus{}
		api(t, p.URL, token, "GET", "/api/site/status", nil, &st)
		return st.Deploy != nil && st.LastSuccess != nil && st.Deploy.Build == st.LastSuccess.ID
	})
	return st.Deploy
}

// A machine dies a second after a photo was uploaded: the portal runs the
// demo content with --replicate-to (databases and uploaded files) and
// --deploy-auto to a bucket of a real S3 server (versitygw), and is
// killed with SIGKILL. "portal restore --from" on a new, empty folder
// brings back every record and every uploaded file (the photo byte for
// byte, and the demo's photos and documents uploaded before the
// replication began); the restored portal serves the photo, and its first
// deploy deletes no image from the bucket.
//
// Then the order problem: a file whose record reached the replica but
// which did not (its object removed from the replica) is named by the
// restore; the restored portal keeps the record, says so on its console,
// in /api/health and on the deploy status, and holds its deploys: the
// bucket stays exactly as it was.
func TestKillRestoreBringsBackFiles(t *testing.T) {
	s3 := versitygw.Start(t)
	s3.SetEnv(t)
	s3.Bucket(t, "saoluu")
	s3.Bucket(t, "site")
	replicaURL := "s3://saoluu/daison?endpoint=" + s3.Endpoint + "&region=" + versitygw.Region
	// One public address for the lost machine and the new one, as in
	// service: the pages (and the QR codes in them) are the same.
	deployArgs := []string{"--deploy-bucket", s3.URL("site"), "--deploy-prefix", "daison", "--deploy-auto",
		"--base-url", "https://caicach.daison.test/"}
	p := portaltest.Start(t, portaltest.Options{Demo: true, Args: append([]string{"--replicate-to", replicaURL}, deployArgs...)})
	token, err := p.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	waitDeploy(t, p, token)

	// The demo's files were uploaded before the replication started: the
	// first sweep copies them.
	demoFiles := storageFiles(t, p.Dir)
	if len(demoFiles) < 20 {
		t.Fatalf("the demo has %d uploaded files", len(demoFiles))
	}
	replicaStorage := filepath.Join(s3.Dir, "saoluu", "daison", "storage")
	p.WaitFor(t, "the demo's files in the replica", 2*time.Minute, func() bool {
		for k := range demoFiles {
			// A file's side file (.attrs) is named .pbattrs in the replica.
			if base, ok := strings.CutSuffix(k, ".attrs"); ok {
				k = base + ".pbattrs"
			}
			if _, err := os.Stat(filepath.Join(replicaStorage, filepath.FromSlash(k))); err != nil {
				return false
			}
		}
		return true
	})

	id, name := multipartRecord(t, p.URL, token, "articles", map[string]string{
		"title": "Ảnh chụp một giây trước khi máy hỏng", "summary": "Ảnh phải trở lại sau khi khôi phục.",
		"body": "Bài có ảnh bìa.", "category": "tuyen-truyen", "status": "published"}, "cover", "anh-bia.png", pngBytes(t, 640, 480))
	photoURL := "/api/files/articles/" + id + "/" + name
	code, photo := get(t, p.URL+photoURL, "")
	if code != 200 || len(photo) == 0 {
		t.Fatalf("the photo from the portal: %d", code)
	}
	time.Sleep(time.Second)
	p.Kill()
	oldFiles := storageFiles(t, p.Dir)
	oldCounts := tableCounts(t, p.Dir)
	bin, err := portaltest.Build()
	if err != nil {
		t.Fatal(err)
	}

	// A new machine: an empty folder.
	home := t.TempDir()
	fresh := filepath.Join(home, "pb_data")
	out, err := exec.Command(bin, "restore", "--from", replicaURL, "--dir", fresh).CombinedOutput()
	if err != nil {
		t.Fatalf("portal restore --from: %v\n%s", err, out)
	}
	t.Logf("portal restore --from:\n%s", out)
	if !strings.Contains(string(out), "Đã khôi phục") || strings.Contains(string(out), "không có") {
		t.Fatalf("restore output:\n%s", out)
	}
	newFiles := storageFiles(t, fresh)
	for k, b := range oldFiles {
		if nb, ok := newFiles[k]; !ok || !bytes.Equal(nb, b) {
			t.Errorf("uploaded file %s: restored %v, same bytes %v", k, ok, bytes.Equal(nb, b))
		}
	}
	if len(newFiles) != len(oldFiles) {
		t.Errorf("%d files restored, the lost machine had %d", len(newFiles), len(oldFiles))
	}
	if newCounts := tableCounts(t, fresh); len(newCounts) != len(oldCounts) {
		t.Errorf("tables: %v, want %v", newCounts, oldCounts)
	} else {
		for k, n := range oldCounts {
			if newCounts[k] != n {
				t.Errorf("table %s: %d rows restored, the lost machine had %d", k, newCounts[k], n)
			}
		}
	}

	before := bucketKeys(t, s3.URL("site"), "daison/")
	r, err := portaltest.New(home, portaltest.Options{Args: append([]string{"--replicate-to", replicaURL}, deployArgs...)})
	if r != nil {
		defer r.Stop()
	}
	if err != nil {
		t.Fatal(err)
	}
	rtoken, err := r.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	if code, b := get(t, r.URL+photoURL, ""); code != 200 || !bytes.Equal(b, photo) {
		t.Fatalf("the photo from the restored portal: %d, %d bytes, same %v", code, len(b), bytes.Equal(b, photo))
	}
	rep := waitDeploy(t, r, rtoken)
	if !rep.OK() {
		t.Fatalf("the restored portal's first deploy: %+v\n%s", rep, r.Output())
	}
	after := bucketKeys(t, s3.URL("site"), "daison/")
	var lost []string
	for _, k := range images(before) {
		if !after[k] {
			lost = append(lost, k)
		}
	}
	var deleted []string
	for k := range before {
		if !after[k] {
			deleted = append(deleted, k)
		}
	}
	sort.Strings(deleted)
	t.Logf("bucket images: %d before the restored portal's first deploy, %d after (%d objects uploaded, %d deleted: %v)",
		len(images(before)), len(images(after)), rep.Uploaded, rep.Deleted, deleted)
	if len(lost) > 0 {
		t.Fatalf("the restored portal's first deploy deleted %d images: %v", len(lost), lost)
	}
	var h uploadsHealth
	api(t, r.URL, rtoken, "GET", "/api/health", nil, &h)
	if !h.Data.Portal.Uploads.OK || !h.Data.Portal.Replication.OK {
		t.Errorf("health of the restored portal: %+v", h.Data.Portal)
	}
	r.Stop() // writes the last logs
	if strings.Contains(r.Output(), "Failed to write log") {
		t.Errorf("a log line could not be written (a value JSON cannot encode):\n%s", r.Output())
	}

	// The order problem: the record is in the replica, its file is not.
	for _, suffix := range []string{"", ".pbattrs"} {
		matches, _ := filepath.Glob(filepath.Join(replicaStorage, "*", id, name+suffix))
		if len(matches) != 1 {
			t.Fatalf("the photo%s in the replica: %v", suffix, matches)
		}
		if err := os.Remove(matches[0]); err != nil {
			t.Fatal(err)
		}
	}
	home2 := t.TempDir()
	out, err = exec.Command(bin, "restore", "--from", replicaURL, "--dir", filepath.Join(home2, "pb_data")).CombinedOutput()
	if err != nil {
		t.Fatalf("portal restore --from without the photo: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "Kho bản sao không có 1 tệp") || !strings.Contains(string(out), name) ||
		!strings.Contains(string(out), "Ảnh chụp một giây trước khi máy hỏng") {
		t.Fatalf("the restore does not name the missing photo:\n%s", out)
	}
	before = bucketKeys(t, s3.URL("site"), "daison/")
	r2, err := portaltest.New(home2, portaltest.Options{Args: deployArgs})
	if r2 != nil {
		defer func() {
			r2.Stop()
			if t.Failed() {
				t.Logf("restored portal's output:\n%s", r2.Output())
			}
		}()
	}
	if err != nil {
		t.Fatal(err)
	}
	r2token, err := r2.SignIn()
	if err != nil {
		t.Fatal(err)
	}
	rep = waitDeploy(t, r2, r2token)
	if rep.OK() || !rep.Refused || !strings.Contains(rep.Error, "Chưa xuất bản lên kho lưu trữ") || !strings.Contains(rep.Error, name) ||
		len(rep.MissingFiles) != 1 || rep.MissingFiles[0].ID != id || rep.MissingFiles[0].Field != "cover" {
		t.Fatalf("deploy with a missing photo: %+v", rep)
	}
	after = bucketKeys(t, s3.URL("site"), "daison/")
	if len(images(after)) != len(images(before)) || len(after) != len(before) {
		t.Fatalf("the held deploy changed the bucket: %d images (%d objects) before, %d (%d) after",
			len(images(before)), len(before), len(images(after)), len(after))
	}
	for k := range before {
		if !after[k] {
			t.Fatalf("the held deploy deleted %s", k)
		}
	}
	h = uploadsHealth{}
	api(t, r2.URL, r2token, "GET", "/api/health", nil, &h)
	if h.Data.Portal.OK || h.Data.Portal.Uploads.OK || !strings.Contains(h.Data.Portal.Uploads.Error, name) ||
		h.Data.Portal.Deploy.OK || h.Data.Portal.Deploy.Error != rep.Error {
		t.Fatalf("health with a missing photo: %+v", h.Data.Portal)
	}
	var anon uploadsHealth
	api(t, r2.URL, "", "GET", "/api/health", nil, &anon)
	if anon.Data.Portal.Uploads.OK || anon.Data.Portal.Uploads.Error != "" {
		t.Fatalf("health for everyone: %+v", anon.Data.Portal.Uploads)
	}
	if !strings.Contains(r2.Output(), "Cảnh báo: 1 tệp tải lên mà bản ghi còn dùng đã mất") || !strings.Contains(r2.Output(), "Chưa xuất bản lên kho lưu trữ") {
		t.Fatalf("the console does not say so:\n%s", r2.Output())
	}
	// The record is kept as it was, naming its photo.
	var art struct {
		Cover string `json:"cover"`
	}
	if code := api(t, r2.URL, r2token, "GET", "/api/collections/articles/records/"+id, nil, &art); code != 200 || art.Cover != name {
		t.Fatalf("the article on the restored portal: %d %+v", code, art)
	}
}
