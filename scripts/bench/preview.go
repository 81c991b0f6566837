package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	portal "github.com/daison/portal"
	"github.com/daison/portal/admin"
	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/site"
)

// benchPreview measures the page preview staff open from the editor
// (Builder.Preview, what GET /api/portal/preview/… answers), on a site
// with a live build: one preview alone, then eight at once, as eight
// accounts would ask (one account gets one at a time: the route's limit).
func benchPreview(n int, dataDir string, _ options) error {
	fmt.Printf("\n== preview, %d records (data in %s)\n", n, dataDir)
	if err := seed(n, dataDir); err != nil {
		return err
	}
	app, err := openApp(dataDir)
	if err != nil {
		return err
	}
	defer app.ClearBootstrap()
	admin.Register(app, admin.Options{})
	root := filepath.Join(dataDir, "site-bench-preview")
	os.RemoveAll(root)
	b := site.New(app, site.Config{Root: root, BaseURL: "http://127.0.0.1:8090/", Sources: portal.SiteFiles})
	defer b.Close()
	rep, err := b.Build("bench: preview")
	if err != nil {
		return err
	}
	fmt.Printf("full build: %s, %d pages\n", rep.Duration.D().Round(time.Millisecond), rep.Pages)
	arts, err := app.FindRecordsByFilter(schema.Articles, "", "-created", 8, 0)
	if err != nil || len(arts) == 0 {
		return fmt.Errorf("articles to preview: %v", err)
	}
	for i := range 3 {
		start := time.Now()
		if _, err := b.Preview(arts[0]); err != nil {
			return err
		}
		fmt.Printf("one preview alone (%d): %s\n", i+1, time.Since(start).Round(time.Millisecond))
	}
	var mu sync.Mutex
	var took []time.Duration
	var wg sync.WaitGroup
	var firstErr error
	start := time.Now()
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.Now()
			_, err := b.Preview(arts[i%len(arts)])
			mu.Lock()
			defer mu.Unlock()
			took = append(took, time.Since(t))
			if err != nil && firstErr == nil {
				firstErr = err
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	fmt.Printf("eight previews at once: all done in %s; each p50 %s, slowest %s\n", time.Since(start).Round(time.Millisecond),
		took[len(took)/2].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond))
	return nil
}
