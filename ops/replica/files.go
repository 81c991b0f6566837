package replica

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// The uploaded files (pb_data/storage: <collection>/<record>/<name>, each
// beside PocketBase's <name>.attrs with its type and original name) go to
// <url>/storage/, beside the databases' replicas, one object a file:
// uploaded before the record that names them is written (see Files.Put),
// otherwise within seconds, and deleted from the replica only once they
// have been gone from the data folder for a whole sweep (so that a
// restored database never names a file the replica dropped a moment
// before). Thumbnails are not copied: PocketBase makes them again.

// FilesFolder is the folder under the replica's URL that holds the files.
const FilesFolder = "storage"

// attrs suffixes: PocketBase's side file of a stored file; its name in the
// replica (gocloud's file:// buckets reserve ".attrs" for their own).
const (
	localAttrs   = ".attrs"
	replicaAttrs = ".pbattrs"
)

// SweepEvery is how often the whole folder is compared with the replica:
// files missed (a failed upload, a file written by other means) are
// copied, and files deleted from the data folder a sweep ago are deleted
// from the replica.
const SweepEvery = 10 * time.Minute

// retryEvery is how often failed uploads are tried again.
const retryEvery = 5 * time.Second

// Files copies the uploaded files of a data folder to the replica.
type Files struct {
	bucket *blob.Bucket
	dir    string // pb_data/storage
	logger *slog.Logger

	mu       sync.Mutex
	remote   map[string]int64     // the replica's files, by local key, with their sizes
	gone     map[string]bool      // replica files not in the folder at the last sweep
	pending  map[string]time.Time // files whose upload failed, since when
	lastErr  error
	lastSync time.Time // the last sweep that copied everything
	kick     chan struct{}
	done     chan struct{}
}

// StartFiles begins copying the files of storageDir (pb_data/storage) to
// the replica at base: it lists what the replica holds, then, in the
// background, copies what it lacks (all the files of a portal that was
// not replicated before) and keeps both alike until ctx ends or Close.
func StartFiles(ctx context.Context, base, storageDir string, logger *slog.Logger) (*Files, error) {
	b, err := openFiles(ctx, base)
	if err != nil {
		return nil, err
	}
	f := &Files{bucket: b, dir: storageDir, logger: logger, gone: map[string]bool{}, pending: map[string]time.Time{},
		kick: make(chan struct{}, 1), done: make(chan struct{})}
	if f.logger == nil {
		f.logger = slog.New(slog.DiscardHandler)
	}
	remote, err := listFiles(ctx, b)
	if err != nil {
		b.Close()
		return nil, err
	}
	f.remote = remote
	go f.run(ctx)
	return f, nil
}

// run sweeps at once and then every SweepEvery, and retries failed uploads.
func (f *Files) run(ctx context.Context) {
	defer close(f.done)
	f.sweep(ctx)
	sweep := time.NewTicker(SweepEvery)
	defer sweep.Stop()
	retry := time.NewTicker(retryEvery)
	defer retry.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-f.kick:
			f.retry(ctx)
		case <-retry.C:
			f.retry(ctx)
		case <-sweep.C:
			f.sweep(ctx)
		}
	}
}

// Put copies the files of the storage folder named by keys (paths below
// it, with slashes) and their side files to the replica now, unless it
// holds them already. A file that fails stays queued and is retried in
// the background; the error says so.
func (f *Files) Put(ctx context.Context, keys ...string) error {
	var errs []error
	for _, key := range withAttrs(keys) {
		if err := f.upload(ctx, key); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Queue has the files named by keys copied in the background.
func (f *Files) Queue(keys ...string) {
	f.mu.Lock()
	for _, key := range withAttrs(keys) {
		if _, ok := f.pending[key]; !ok {
			f.pending[key] = time.Now()
		}
	}
	f.mu.Unlock()
	select {
	case f.kick <- struct{}{}:
	default:
	}
}

// withAttrs adds each key's side file.
func withAttrs(keys []string) []string {
	out := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		if copied(k) {
			out = append(out, k, k+localAttrs)
		}
	}
	return out
}

// upload copies one local file to the replica if the replica lacks it (or
// holds another size); a file no longer in the folder is forgotten.
func (f *Files) upload(ctx context.Context, key string) error {
	p := filepath.Join(f.dir, filepath.FromSlash(key))
	in, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		f.mu.Lock()
		delete(f.pending, key)
		f.mu.Unlock()
		return nil
	}
	var size int64
	if err == nil {
		var fi os.FileInfo
		if fi, err = in.Stat(); err == nil {
			size = fi.Size()
		}
	}
	f.mu.Lock()
	have, there := f.remote[key]
	f.mu.Unlock()
	if err == nil && there && have == size {
		in.Close()
		f.mu.Lock()
		delete(f.pending, key)
		f.mu.Unlock()
		return nil
	}
	if err == nil {
		err = f.write(ctx, remoteKey(key), in)
		in.Close()
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err != nil {
		err = fmt.Errorf("sao chép tệp tải lên %s lên kho bản sao: %w", key, err)
		if _, ok := f.pending[key]; !ok {
			f.pending[key] = time.Now()
		}
		f.lastErr = err
		return err
	}
	f.remote[key] = size
	delete(f.gone, key)
	delete(f.pending, key)
	if len(f.pending) == 0 {
		f.lastErr = nil
	}
	return nil
}

// write uploads r as the replica's object key.
func (f *Files) write(ctx context.Context, key string, r io.Reader) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w, err := f.bucket.NewWriter(ctx, key, &blob.WriterOptions{ContentType: "application/octet-stream"})
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		cancel() // the object is not written
		w.Close()
		return err
	}
	return w.Close()
}

// retry uploads the queued files again.
func (f *Files) retry(ctx context.Context) {
	f.mu.Lock()
	keys := make([]string, 0, len(f.pending))
	for k := range f.pending {
		keys = append(keys, k)
	}
	f.mu.Unlock()
	sort.Strings(keys)
	for _, k := range keys {
		if ctx.Err() != nil {
			return
		}
		if err := f.upload(ctx, k); err != nil {
			f.logger.Warn("sao chép tệp tải lên lên kho bản sao thất bại; sẽ thử lại", "file", k, "error", err)
			return // the replica is likely down: the next round tries again
		}
	}
}

// sweep compares the folder with the replica: it copies what the replica
// lacks and deletes from it what was already gone at the previous sweep.
func (f *Files) sweep(ctx context.Context) {
	remote, err := listFiles(ctx, f.bucket)
	if err != nil {
		f.mu.Lock()
		f.lastErr = err
		f.mu.Unlock()
		f.logger.Warn("không đọc được kho bản sao tệp tải lên", "error", err)
		return
	}
	local := map[string]int64{}
	_ = filepath.WalkDir(f.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder removed meanwhile
		}
		rel, rerr := filepath.Rel(f.dir, p)
		if rerr != nil {
			return nil
		}
		key := filepath.ToSlash(rel)
		if d.IsDir() {
			if key != "." && strings.HasPrefix(d.Name(), "thumbs_") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !copied(key) {
			return nil
		}
		if fi, err := d.Info(); err == nil {
			local[key] = fi.Size()
		}
		return nil
	})
	f.mu.Lock()
	f.remote = remote
	var missing []string
	for k, size := range local {
		if s, ok := remote[k]; !ok || s != size {
			missing = append(missing, k)
		}
	}
	var stale []string
	gone := map[string]bool{}
	for k := range remote {
		if _, ok := local[k]; ok {
			continue
		}
		if f.gone[k] {
			stale = append(stale, k)
		} else {
			gone[k] = true
		}
	}
	f.gone = gone
	f.mu.Unlock()

	sort.Strings(missing)
	failed := 0
	for _, k := range missing {
		if ctx.Err() != nil {
			return
		}
		if err := f.upload(ctx, k); err != nil {
			failed++
			if failed == 1 {
				f.logger.Warn("sao chép tệp tải lên lên kho bản sao thất bại; sẽ thử lại", "file", k, "error", err)
			}
		}
	}
	for _, k := range stale {
		if ctx.Err() != nil {
			return
		}
		if err := f.bucket.Delete(ctx, remoteKey(k)); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
			f.logger.Warn("không xóa được tệp cũ khỏi kho bản sao", "file", k, "error", err)
			continue
		}
		f.mu.Lock()
		delete(f.remote, k)
		f.mu.Unlock()
	}
	if failed == 0 {
		f.mu.Lock()
		f.lastSync = time.Now()
		f.mu.Unlock()
		if len(missing) > 0 || len(stale) > 0 {
			f.logger.Info("đã đồng bộ tệp tải lên với kho bản sao", "copied", len(missing), "deleted", len(stale))
		}
	}
}

// FilesHealth is the state of the files' replication.
type FilesHealth struct {
	Pending  int       // files not yet copied after a failure
	Since    time.Time // when the oldest of them should have been
	Err      error     // the last failure, while some are pending
	LastSync time.Time // when a sweep last found everything copied
}

// Health reports the files waiting to be copied after a failure.
func (f *Files) Health() FilesHealth {
	f.mu.Lock()
	defer f.mu.Unlock()
	h := FilesHealth{Pending: len(f.pending), LastSync: f.lastSync}
	for _, at := range f.pending {
		if h.Since.IsZero() || at.Before(h.Since) {
			h.Since = at
		}
	}
	if h.Pending > 0 {
		h.Err = f.lastErr
	}
	return h
}

// Close tries once more to copy what is queued (within ctx), then stops.
func (f *Files) Close(ctx context.Context) error {
	f.retry(ctx)
	err := f.bucket.Close()
	f.mu.Lock()
	n := len(f.pending)
	f.mu.Unlock()
	if n > 0 {
		return fmt.Errorf("còn %d tệp tải lên chưa sao chép lên kho bản sao", n)
	}
	return err
}
