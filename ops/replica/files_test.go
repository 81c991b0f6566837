package replica

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/daison/portal/internal/versitygw"
)

// The replica URL of the databases gives the files' bucket, with the
// files' folder as prefix.
func TestFilesBucketURL(t *testing.T) {
	for in, want := range map[string]string{
		"s3://saoluu/daison?endpoint=http://127.0.0.1:7070&region=vn": "s3://saoluu?endpoint=http%3A%2F%2F127.0.0.1%3A7070&prefix=daison%2Fstorage%2F&region=vn&use_path_style=true",
		"s3://saoluu?endpoint=s3.tinh.gov.vn&region=vn":               "s3://saoluu?endpoint=https%3A%2F%2Fs3.tinh.gov.vn&prefix=storage%2F&region=vn&use_path_style=true",
		"s3://saoluu/a/b?region=ap-southeast-1":                       "s3://saoluu?prefix=a%2Fb%2Fstorage%2F&region=ap-southeast-1",
		"file:///mnt/saoluu/daison":                                   "file:///mnt/saoluu/daison?create_dir=true&no_tmp_dir=true&prefix=storage%2F",
	} {
		got, err := filesBucketURL(in)
		if err != nil || got != want {
			t.Errorf("%s: %s, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"saoluu/daison", "gs://saoluu/daison"} {
		if _, err := filesBucketURL(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// A data folder's files against a real S3 server (versitygw): a sweep
// copies them (not the thumbnails, the side files under another name);
// Put copies a new one at once; a file deleted locally leaves the replica
// only at the second sweep; RestoreFiles brings back the files asked for,
// with their side files, and names those the replica lacks.
func TestFilesReplica(t *testing.T) {
	s3 := versitygw.Start(t)
	s3.SetEnv(t)
	s3.Bucket(t, "saoluu")
	base := "s3://saoluu/daison?endpoint=" + s3.Endpoint + "&region=" + versitygw.Region
	ctx := context.Background()
	storage := filepath.Join(t.TempDir(), "storage")
	write := func(key, body string) {
		t.Helper()
		p := filepath.Join(storage, filepath.FromSlash(key))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pbc_1/rec1/anh_abc.jpg", "JPEG 1")
	write("pbc_1/rec1/anh_abc.jpg.attrs", `{"user.content_type":"image/jpeg"}`)
	write("pbc_1/rec1/thumbs_anh_abc.jpg/100x100_anh_abc.jpg", "thumb")
	write("pbc_1/rec1/anh_new.jpg.4f2a.tmp", "being written")
	inReplica := func(key string) bool {
		_, err := os.Stat(filepath.Join(s3.Dir, "saoluu", "daison", "storage", filepath.FromSlash(key)))
		return err == nil
	}

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	f, err := StartFiles(runCtx, base, storage, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.sweep(ctx) // the one run begins with may not have finished
	if !inReplica("pbc_1/rec1/anh_abc.jpg") || !inReplica("pbc_1/rec1/anh_abc.jpg.pbattrs") {
		t.Fatal("the sweep did not copy the file and its side file")
	}
	if inReplica("pbc_1/rec1/thumbs_anh_abc.jpg/100x100_anh_abc.jpg") || inReplica("pbc_1/rec1/anh_new.jpg.4f2a.tmp") {
		t.Fatal("a thumbnail or a file being written was copied")
	}

	write("pbc_2/rec2/tep_def.pdf", "%PDF-1.7 tệp")
	write("pbc_2/rec2/tep_def.pdf.attrs", `{"user.content_type":"application/pdf"}`)
	if err := f.Put(ctx, "pbc_2/rec2/tep_def.pdf"); err != nil {
		t.Fatal(err)
	}
	if !inReplica("pbc_2/rec2/tep_def.pdf") || !inReplica("pbc_2/rec2/tep_def.pdf.pbattrs") {
		t.Fatal("Put did not copy the file at once")
	}
	if h := f.Health(); h.Pending != 0 || h.Err != nil {
		t.Fatalf("health: %+v", h)
	}

	os.Remove(filepath.Join(storage, "pbc_1", "rec1", "anh_abc.jpg"))
	os.Remove(filepath.Join(storage, "pbc_1", "rec1", "anh_abc.jpg.attrs"))
	f.sweep(ctx)
	if !inReplica("pbc_1/rec1/anh_abc.jpg") {
		t.Fatal("a file deleted locally left the replica at the first sweep")
	}
	f.sweep(ctx)
	if inReplica("pbc_1/rec1/anh_abc.jpg") || inReplica("pbc_1/rec1/anh_abc.jpg.pbattrs") {
		t.Fatal("a file deleted locally is still in the replica after two sweeps")
	}

	fresh := filepath.Join(t.TempDir(), "storage")
	n, _, missing, err := RestoreFiles(ctx, base, fresh, []string{"pbc_2/rec2/tep_def.pdf", "pbc_1/rec1/anh_abc.jpg"})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || !slices.Equal(missing, []string{"pbc_1/rec1/anh_abc.jpg"}) {
		t.Fatalf("restored %d files, missing %v", n, missing)
	}
	for _, k := range []string{"pbc_2/rec2/tep_def.pdf", "pbc_2/rec2/tep_def.pdf.attrs"} {
		a, _ := os.ReadFile(filepath.Join(storage, filepath.FromSlash(k)))
		b, err := os.ReadFile(filepath.Join(fresh, filepath.FromSlash(k)))
		if err != nil || string(a) != string(b) {
			t.Fatalf("%s restored: %q, %v; want %q", k, b, err, a)
		}
	}
	if err := f.Close(ctx); err != nil {
		t.Fatal(err)
	}
}
