package live

import "sync"

// fileCache keeps the answers of one build (with its overlay) in memory,
// keyed by request path. It forgets everything when asked about another
// (the live or overlay link moved) and stops adding once its budget of
// bytes is spent: a live build's files never change, so nothing else needs
// invalidating.
type fileCache struct {
	mu     sync.RWMutex
	served string // the key of the build and overlay it holds answers of
	files  map[string]*file
	used   int64
	budget int64
}

func newFileCache(budget int64) *fileCache {
	return &fileCache{budget: budget, files: map[string]*file{}}
}

// get returns the cached answer to upath in the build and overlay named by
// key, or nil.
func (c *fileCache) get(key, upath string) *file {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.served != key {
		return nil
	}
	return c.files[upath]
}

// put keeps f as the answer to upath in the build and overlay named by
// key, if it fits.
func (c *fileCache) put(key, upath string, f *file) {
	cost := int64(len(f.body)+len(f.gz)) + int64(len(upath)) + 256
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.served != key {
		c.served, c.files, c.used = key, map[string]*file{}, 0
	}
	if _, ok := c.files[upath]; ok || c.used+cost > c.budget {
		return
	}
	c.files[upath] = f
	c.used += cost
}
