package replica

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"gocloud.dev/blob"
)

// RestoreFiles copies the files named by keys (paths below the storage
// folder) and their side files from the replica at base into storageDir,
// but those the folder has already (same size). It returns how many files
// and bytes it copied and the keys the replica does not have.
func RestoreFiles(ctx context.Context, base, storageDir string, keys []string) (copiedN int, bytes int64, missing []string, err error) {
	b, err := openFiles(ctx, base)
	if err != nil {
		return 0, 0, nil, err
	}
	defer b.Close()
	remote, err := listFiles(ctx, b)
	if err != nil {
		return 0, 0, nil, err
	}
	var todo []string
	for _, k := range keys {
		if _, ok := remote[k]; !ok {
			missing = append(missing, k)
			continue
		}
		todo = append(todo, k)
		if _, ok := remote[k+localAttrs]; ok {
			todo = append(todo, k+localAttrs)
		}
	}
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
		jobs     = make(chan string)
	)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				n, err := restoreFile(ctx, b, storageDir, k, remote[k])
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				if n > 0 {
					copiedN++
					bytes += n
				}
				mu.Unlock()
			}
		}()
	}
	for _, k := range todo {
		jobs <- k
	}
	close(jobs)
	wg.Wait()
	return copiedN, bytes, missing, firstErr
}

// restoreFile copies one file from the replica, through a temporary file
// renamed into place; it returns the bytes copied (0 when the folder had
// the file already).
func restoreFile(ctx context.Context, b *blob.Bucket, storageDir, key string, size int64) (int64, error) {
	p := filepath.Join(storageDir, filepath.FromSlash(key))
	if fi, err := os.Stat(p); err == nil && fi.Size() == size {
		return 0, nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return 0, fmt.Errorf("tạo thư mục cho %s: %w", key, err)
	}
	r, err := b.NewReader(ctx, remoteKey(key), nil)
	if err != nil {
		return 0, fmt.Errorf("tải %s từ kho bản sao: %w", key, err)
	}
	defer r.Close()
	tmp, err := os.CreateTemp(filepath.Dir(p), ".khoi-phuc-*")
	if err != nil {
		return 0, fmt.Errorf("ghi %s: %w", key, err)
	}
	n, err := io.Copy(tmp, r)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return 0, fmt.Errorf("tải %s từ kho bản sao: %w", key, err)
	}
	return n, nil
}
