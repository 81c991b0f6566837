// Package deploy publishes a build of the static site to an S3-compatible
// bucket (or any bucket gocloud.dev/blob opens), for a CDN or a static
// host to serve: only the files whose content or headers changed are
// uploaded, what disappeared is deleted (within a safety limit), each
// object carries its Content-Type, Content-Encoding and Cache-Control, and
// a CDN purge hook may be told the changed addresses.
//
// A manifest object (.portal-deploy.json under the prefix) records the
// hash of each object as uploaded. Uploads go first (assets, then pages),
// the manifest next (still naming the objects about to be deleted),
// deletions last, then the manifest without them: a deploy that fails
// part way leaves every object of the previous site in place, each whole
// (an S3 PUT replaces an object at once), and the next deploy finishes the
// work. A copy of the manifest and the hashes of the files kept on the
// local disk (Config.StateFile, state.go) spare a deploy after a small
// change the bucket's listing and the reading of unchanged files.
package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
	// s3:// buckets (AWS, versitygw, MinIO, Ceph, Garage…), with the
	// endpoint in the URL: s3://bucket?endpoint=https://s3.example.vn&region=…&use_path_style=true
	_ "gocloud.dev/blob/s3blob"
	// file:// buckets, for a folder served by another web server.
	_ "gocloud.dev/blob/fileblob"
)

// Config says where and how to deploy.
type Config struct {
	// Bucket is the bucket's URL (gocloud.dev/blob), e.g.
	// s3://site?endpoint=http://127.0.0.1:7070&region=us-east-1&use_path_style=true.
	// Credentials come from the environment (AWS_ACCESS_KEY_ID,
	// AWS_SECRET_ACCESS_KEY) or the machine's AWS configuration.
	Bucket string
	// Prefix is put before every key ("daison/" for one commune of a
	// shared bucket); empty for the bucket's root.
	Prefix string
	// MaxDeleteShare bounds the share of the bucket's objects one deploy
	// may delete (default 0.5): a build that lost half the site is far
	// more likely broken than true. Negative: no limit.
	MaxDeleteShare float64
	// Workers upload at once (default 8).
	Workers int
	// PurgeURL, if set, receives a POST of {"paths": [...]} with the
	// changed addresses after a deploy that changed something.
	PurgeURL string
	// PurgeCommand, if set, is run (through sh -c) after such a deploy
	// with the changed addresses on its standard input, one a line.
	PurgeCommand string
	// StateFile, if set, is where the deploy keeps its copy of the
	// bucket's manifest and the hashes of the files it deployed (one file
	// per bucket and prefix), so that the next deploy reads only what
	// changed. Without it every deploy lists the bucket and reads every
	// file.
	StateFile string
	// Verify lists the bucket and reads its manifest even when the local
	// copy says it is as it was ("portal deploy" does).
	Verify bool
}

// MissingFile is a file a record names that the portal's file storage
// does not have (lost with a machine, not restored): while any is, no
// deploy runs, for the build leaves such files out and the deploy would
// then delete their copies from the bucket although the record is there.
type MissingFile struct {
	Collection string `json:"collection"`
	ID         string `json:"id"`
	Title      string `json:"title,omitempty"`
	Field      string `json:"field"`
	File       string `json:"file"`
}

// Report is what one deploy did; durations in milliseconds in JSON.
type Report struct {
	Build     string    `json:"build,omitempty"` // the build deployed
	Started   time.Time `json:"started"`
	Duration  int64     `json:"durationMs"`
	Files     int       `json:"files"`     // objects the site has
	Uploaded  int       `json:"uploaded"`  // uploaded by this deploy
	Deleted   int       `json:"deleted"`   // deleted by this deploy
	Bytes     int64     `json:"bytes"`     // uploaded
	Unchanged int       `json:"unchanged"` // skipped
	Hashed    int       `json:"hashed"`    // files read to hash (the others were known)
	Listed    bool      `json:"listed"`    // the bucket was listed (its manifest not known locally)
	Purged    bool      `json:"purged,omitempty"`
	// Refused says the deploy did not start, for the reason in Error: the
	// bucket is as it was.
	Refused bool `json:"refused,omitempty"`
	// MissingFiles are the files records name that the storage lacks,
	// which refused the deploy (the first 100).
	MissingFiles []MissingFile `json:"missingFiles,omitempty"`
	// Error says why the deploy failed, in Vietnamese for staff; the
	// previous site stays in the bucket.
	Error string `json:"error,omitempty"`
	// Changed are the keys uploaded or deleted (the first 1,000).
	Changed []string `json:"changed,omitempty"`
}

// OK reports whether the deploy succeeded.
func (r Report) OK() bool { return r.Error == "" && !r.Started.IsZero() }

// maxChangedListed bounds Report.Changed.
const maxChangedListed = 1000

// Deploy publishes the build folder dir (a live build: its gzip copies
// beside text files) to the bucket of cfg. It returns the report, also on
// failure (with Error set).
func Deploy(ctx context.Context, dir string, cfg Config) (Report, error) {
	rep := Report{Started: time.Now()}
	err := deploy(ctx, dir, cfg, &rep)
	rep.Duration = time.Since(rep.Started).Milliseconds()
	if err != nil {
		rep.Error = staffMessage(err)
		return rep, err
	}
	return rep, nil
}

func deploy(ctx context.Context, dir string, cfg Config, rep *Report) error {
	if cfg.Workers <= 0 {
		cfg.Workers = 8
	}
	if cfg.MaxDeleteShare == 0 {
		cfg.MaxDeleteShare = 0.5
	}
	local, err := localFiles(dir)
	if err != nil {
		return err
	}
	if len(local) == 0 || local["index.html"] == nil {
		return fmt.Errorf("%w: %s", errEmptyBuild, dir)
	}
	st := loadState(cfg.StateFile, cfg)
	var stats map[string]fileStat
	if st != nil {
		stats = st.Stats
	}
	if rep.Hashed, err = hashAll(local, stats); err != nil {
		return err
	}
	rep.Files = len(local)

	bucket, err := blob.OpenBucket(ctx, cfg.Bucket)
	if err != nil {
		return fmt.Errorf("%w: %w", errOpen, err)
	}
	defer bucket.Close()
	if cfg.Prefix != "" {
		bucket = blob.PrefixedBucket(bucket, strings.TrimSuffix(cfg.Prefix, "/")+"/")
		defer bucket.Close()
	}

	// What the bucket holds: the local copy of its manifest when the
	// manifest object still has the hash this portal last saw, otherwise
	// its listing and manifest.
	remoteHash, err := manifestHash(ctx, bucket)
	if err != nil {
		return err
	}
	var (
		old     manifest
		oldHash string
		remote  map[string]struct{} // the listing; nil: the manifest's keys
		listed  time.Time
	)
	if !cfg.Verify && st != nil && st.Manifest != "" && st.Manifest == remoteHash && time.Since(st.Listed) < relistAfter {
		old, oldHash, listed = manifest{Files: st.Files}, st.Manifest, st.Listed
	} else {
		if old, oldHash, err = readManifest(ctx, bucket); err != nil {
			return err
		}
		if remote, err = listKeys(ctx, bucket); err != nil {
			return err
		}
		listed, rep.Listed = time.Now(), true
	}

	var upload, vanished []string
	inBucket, bucketSize := func(k string) bool { _, ok := old.Files[k]; return ok }, len(old.Files)
	if remote != nil {
		inBucket, bucketSize = func(k string) bool { _, ok := remote[k]; return ok }, len(remote)
	}
	for key, f := range local {
		if h, ok := old.Files[key]; ok && h == f.Hash && inBucket(key) {
			rep.Unchanged++
			continue
		}
		upload = append(upload, key)
	}
	if remote != nil {
		for key := range remote {
			if key != manifestKey && local[key] == nil {
				vanished = append(vanished, key)
			}
		}
	} else {
		for key := range old.Files {
			if local[key] == nil {
				vanished = append(vanished, key)
			}
		}
	}
	sort.Strings(vanished)
	if limit := cfg.MaxDeleteShare; limit >= 0 && len(vanished) > 0 &&
		float64(len(vanished)) > limit*float64(bucketSize) {
		return &tooManyDeletes{n: len(vanished), of: bucketSize, share: limit}
	}
	// Assets before pages: a page never points to a file not yet there.
	sort.Slice(upload, func(i, j int) bool {
		pi, pj := strings.HasSuffix(upload[i], ".html"), strings.HasSuffix(upload[j], ".html")
		if pi != pj {
			return pj
		}
		return upload[i] < upload[j]
	})

	// The next manifest: what stays, what is uploaded, and until they are
	// deleted, the objects about to be.
	var next manifest
	if remote == nil {
		// Every key of the manifest is either in the build or about to
		// be deleted.
		next.Files = maps.Clone(old.Files)
	} else {
		next.Files = make(map[string]string, len(local)+len(vanished))
		for k, h := range old.Files {
			if _, there := remote[k]; there && local[k] != nil {
				next.Files[k] = h
			}
		}
		for _, k := range vanished {
			next.Files[k] = old.Files[k] // "" when only the listing had it
		}
	}
	done, bytes, upErr := uploadAll(ctx, bucket, local, upload, cfg.Workers)
	for _, key := range done {
		next.Files[key] = local[key].Hash
	}
	rep.Uploaded, rep.Bytes = len(done), bytes
	newHash := oldHash
	if len(done) > 0 || len(vanished) > 0 || oldHash == "" || oldHash != remoteHash || !sameFiles(old.Files, next.Files) {
		h, err := writeManifest(ctx, bucket, next)
		if err != nil && upErr == nil {
			upErr = err
		}
		if err == nil {
			newHash = h
		}
	}
	// From here on the local copy describes the bucket, also when a
	// deletion fails below.
	saved := func() {
		if cfg.StateFile == "" {
			return
		}
		ns := &state{Target: target(cfg), Manifest: newHash, Listed: listed, Files: next.Files,
			Stats: make(map[string]fileStat, len(local))}
		for k, f := range local {
			if f.stat.Hash != "" && next.Files[k] == f.Hash {
				ns.Stats[k] = f.stat
			}
		}
		saveState(cfg.StateFile, ns)
	}
	if upErr != nil {
		if newHash != oldHash {
			saved()
		}
		return upErr
	}
	for _, key := range vanished {
		if err := bucket.Delete(ctx, key); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
			saved()
			return fmt.Errorf("%w %s: %w", errDelete, key, err)
		}
		delete(next.Files, key)
		rep.Deleted++
	}
	if len(vanished) > 0 {
		h, err := writeManifest(ctx, bucket, next)
		if err != nil {
			forgetState(cfg.StateFile)
			return err
		}
		newHash = h
	}
	saved()

	changed := append(done, vanished...)
	sort.Strings(changed)
	if len(changed) > maxChangedListed {
		rep.Changed = changed[:maxChangedListed]
	} else {
		rep.Changed = changed
	}
	if len(changed) > 0 && (cfg.PurgeURL != "" || cfg.PurgeCommand != "") {
		var paths []string
		for _, k := range changed {
			paths = append(paths, URLPaths(k)...)
		}
		if err := purge(ctx, cfg, paths); err != nil {
			return err
		}
		rep.Purged = true
	}
	return nil
}

// sameFiles reports whether two manifests list the same hashes.
func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// uploadAll uploads the keys of local, workers at once, assets first and
// pages once every asset is up; it returns the keys uploaded, their bytes
// and the first error (after which nothing more is started).
func uploadAll(ctx context.Context, bucket *blob.Bucket, local map[string]*file, keys []string, workers int) ([]string, int64, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		done     []string
		bytes    int64
		firstErr error
	)
	group := func(keys []string) {
		jobs := make(chan string)
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for key := range jobs {
					err := put(ctx, bucket, local[key])
					mu.Lock()
					switch {
					case err != nil && firstErr == nil:
						firstErr = err
						cancel()
					case err == nil:
						done = append(done, key)
						bytes += local[key].Size
					}
					mu.Unlock()
				}
			}()
		}
		for _, k := range keys {
			if ctx.Err() != nil {
				break
			}
			jobs <- k
		}
		close(jobs)
		wg.Wait()
	}
	split := sort.Search(len(keys), func(i int) bool { return strings.HasSuffix(keys[i], ".html") })
	group(keys[:split])
	if firstErr == nil {
		group(keys[split:])
	}
	return done, bytes, firstErr
}

// put uploads one file with its headers.
func put(ctx context.Context, bucket *blob.Bucket, f *file) error {
	fh, err := os.Open(f.Path)
	if err != nil {
		return fmt.Errorf("%w %s: %w", errUpload, f.Key, err)
	}
	defer fh.Close()
	w, err := bucket.NewWriter(ctx, f.Key, &blob.WriterOptions{
		ContentType:     f.ContentType,
		ContentEncoding: f.Encoding,
		CacheControl:    f.CacheControl,
		Metadata:        map[string]string{"portal-sha256": f.Hash},
	})
	if err != nil {
		return fmt.Errorf("%w %s: %w", errUpload, f.Key, err)
	}
	if _, err := io.Copy(w, fh); err != nil {
		w.Close()
		return fmt.Errorf("%w %s: %w", errUpload, f.Key, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("%w %s: %w", errUpload, f.Key, err)
	}
	return nil
}

// listKeys lists the keys in the bucket.
func listKeys(ctx context.Context, bucket *blob.Bucket) (map[string]struct{}, error) {
	keys := map[string]struct{}{}
	it := bucket.List(nil)
	for {
		obj, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return keys, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", errList, err)
		}
		if !obj.IsDir {
			keys[obj.Key] = struct{}{}
		}
	}
}
