// Package replica copies the portal's SQLite databases continuously to
// object storage with Litestream (github.com/benbjohnson/litestream, used
// as a library in the portal's own process), and the uploaded files beside
// them (files.go), and rebuilds both from there on a new machine.
//
// Each database of the data folder (data.db: records, settings, staff;
// auxiliary.db: logs) goes to <url>/<name>, e.g.
// s3://backup/daison/data.db?endpoint=https://s3.tinh.gov.vn&region=vn;
// the uploaded files (pb_data/storage) to <url>/storage/. Keys come from
// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
package replica

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/benbjohnson/litestream"
	// s3:// replicas.
	_ "github.com/benbjohnson/litestream/s3"
	// file:// replicas, for a mounted disk of another machine.
	_ "github.com/benbjohnson/litestream/file"
)

// Databases are the SQLite files of a PocketBase data folder that are
// replicated.
var Databases = []string{"data.db", "auxiliary.db"}

// Interval is how often changes are looked for and shipped: it bounds the
// writes a sudden loss of the machine may lose (measured in
// scripts/opstest: under a second).
const Interval = 200 * time.Millisecond

// Replicator ships the databases' changes while the portal runs.
type Replicator struct {
	store *litestream.Store
	dbs   []*litestream.DB
}

// replicaURL is the URL of the database name under base.
func replicaURL(base, name string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" {
		return "", fmt.Errorf("địa chỉ bản sao %q không hợp lệ (ví dụ s3://kho/daison?endpoint=…): %w", base, errors.Join(err, errors.New("thiếu giao thức")))
	}
	u.Path = path.Join("/", u.Path, name)
	return u.String(), nil
}

// Start begins replicating the databases of dataDir to base.
func Start(ctx context.Context, dataDir, base string, logger *slog.Logger) (*Replicator, error) {
	r := &Replicator{}
	for _, name := range Databases {
		p := filepath.Join(dataDir, name)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		u, err := replicaURL(base, name)
		if err != nil {
			return nil, err
		}
		client, err := litestream.NewReplicaClientFromURL(u)
		if err != nil {
			return nil, fmt.Errorf("kho bản sao %s: %w", name, err)
		}
		db := litestream.NewDB(p)
		db.MonitorInterval = Interval
		if logger != nil {
			db.SetLogger(logger.With("component", "replica", "db", name))
		}
		db.Replica = litestream.NewReplicaWithClient(db, client)
		db.Replica.SyncInterval = Interval
		r.dbs = append(r.dbs, db)
	}
	if len(r.dbs) == 0 {
		return nil, fmt.Errorf("không thấy cơ sở dữ liệu nào trong %s", dataDir)
	}
	r.store = litestream.NewStore(r.dbs, litestream.DefaultCompactionLevels)
	if err := r.store.Open(ctx); err != nil {
		return nil, fmt.Errorf("bắt đầu sao chép cơ sở dữ liệu: %w", err)
	}
	return r, nil
}

// Close ships what is left and stops.
func (r *Replicator) Close(ctx context.Context) error {
	if err := r.store.Close(ctx); err != nil {
		return fmt.Errorf("dừng sao chép cơ sở dữ liệu: %w", err)
	}
	return nil
}

// Health reports when the replicas last received the databases' changes
// (the oldest of them) and whether that is recent (within 30 seconds, or
// nothing to ship).
func (r *Replicator) Health() (ok bool, last time.Time) {
	for i, db := range r.dbs {
		t := db.LastSuccessfulSyncAt()
		if i == 0 || t.Before(last) {
			last = t
		}
	}
	return !last.IsZero() && time.Since(last) < 30*time.Second, last
}

// Restore rebuilds the databases of dataDir from the replicas under base,
// each at its latest state: into a folder beside dataDir first, then in
// place of the databases there (which, with their WAL files and
// replication state, are moved into a folder beside dataDir whose path is
// returned; "" when there were none). Nobody may have the databases open:
// stop the portal first.
func Restore(ctx context.Context, base, dataDir string) (old string, err error) {
	tmp := filepath.Clean(dataDir) + ".dang-khoi-phuc"
	if err := os.RemoveAll(tmp); err != nil {
		return "", fmt.Errorf("dọn thư mục tạm: %w", err)
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return "", fmt.Errorf("tạo thư mục tạm: %w", err)
	}
	defer os.RemoveAll(tmp)
	var restored []string
	for _, name := range Databases {
		u, err := replicaURL(base, name)
		if err != nil {
			return "", err
		}
		client, err := litestream.NewReplicaClientFromURL(u)
		if err != nil {
			return "", fmt.Errorf("kho bản sao %s: %w", name, err)
		}
		rep := litestream.NewReplicaWithClient(nil, client)
		opt := litestream.NewRestoreOptions()
		opt.OutputPath = filepath.Join(tmp, name)
		if err := rep.Restore(ctx, opt); err != nil {
			if name != "data.db" && errors.Is(err, litestream.ErrNoSnapshots) {
				continue // the logs may never have been replicated
			}
			return "", fmt.Errorf("khôi phục %s từ %s: %w", name, base, err)
		}
		restored = append(restored, name)
	}
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return "", fmt.Errorf("tạo thư mục dữ liệu: %w", err)
	}
	for _, name := range restored {
		for _, f := range []string{name, name + "-wal", name + "-shm", "." + name + "-litestream"} {
			p := filepath.Join(dataDir, f)
			if _, err := os.Lstat(p); err != nil {
				continue
			}
			if old == "" {
				old = filepath.Clean(dataDir) + "-truoc-khoi-phuc-" + time.Now().Format("20060102-150405")
				if err := os.MkdirAll(old, 0o755); err != nil {
					return "", fmt.Errorf("tạo thư mục giữ dữ liệu cũ: %w", err)
				}
			}
			if err := os.Rename(p, filepath.Join(old, f)); err != nil {
				return old, fmt.Errorf("chuyển %s sang %s: %w", f, old, err)
			}
		}
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(dataDir, name)); err != nil {
			return old, fmt.Errorf("đưa %s đã khôi phục vào %s: %w", name, dataDir, err)
		}
	}
	return old, nil
}
