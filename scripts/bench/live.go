package main

// The portal as "portal serve" runs it, in the bench's process: its server,
// an editor's saves through the API, and how long they take to go live.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/daison/portal/internal/staffauth"
	"github.com/daison/portal/records/article"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/testbin"
	"github.com/daison/portal/site"
)

// serve starts PocketBase's own server on a free port with the site's
// routes bound, as "portal serve" does, and waits until its start-up
// build is live. It returns the server and its address.
func serve(app core.App, b *site.Builder, queue *atomic.Pointer[site.Queue]) (*http.Server, string, error) {
	started := make(chan *http.Server, 1)
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		e.InstallerFunc = nil // no browser window for a first superuser
		if err := e.Next(); err != nil {
			return err
		}
		started <- e.Server
		return nil
	})
	queue.Store(site.Register(app, b, staffauth.Require))
	port, err := testbin.FreePort()
	if err != nil {
		return nil, "", err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	before := time.Now()
	failed := make(chan error, 1)
	go func() { failed <- apis.Serve(app, apis.ServeConfig{HttpAddr: addr}) }()
	var srv *http.Server
	select {
	case srv = <-started:
	case err := <-failed:
		return nil, "", fmt.Errorf("serve: %w", err)
	}
	if err := waitStartBuild(b, before); err != nil {
		return nil, "", err
	}
	return srv, "http://" + addr, nil
}

// waitStartBuild waits for the build the portal makes when it starts
// ("khởi động", after before), so that the first save does not wait for
// it.
func waitStartBuild(b *site.Builder, before time.Time) error {
	for {
		st := b.Status()
		if !st.Building && st.LastSuccess != nil && st.LastSuccess.Started.After(before) {
			return nil
		}
		if time.Since(before) > 10*time.Minute {
			return fmt.Errorf("the start-up build did not finish")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// editorToken creates an editor's account for the bench and returns its
// token.
func editorToken(app core.App) (string, error) {
	col, err := app.FindCollectionByNameOrId("staff")
	if err != nil {
		return "", err
	}
	r, err := app.FindAuthRecordByEmail(col, "bench@daison.test")
	if err != nil {
		r = core.NewRecord(col)
		r.SetEmail("bench@daison.test")
		r.SetPassword("mat-khau-do-hieu-nang")
		r.Set("name", "Đo hiệu năng")
		r.Set("role", "editor")
		if err := app.Save(r); err != nil {
			return "", err
		}
	}
	return r.NewAuthToken()
}

// patchTitle changes an article's title through the API, as the back
// office does.
func patchTitle(addr, token, id, title string) error {
	body, _ := json.Marshal(map[string]string{"title": title})
	req, _ := http.NewRequest(http.MethodPatch, addr+"/api/collections/articles/records/"+id, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		msg, _ := io.ReadAll(res.Body)
		return fmt.Errorf("PATCH %s: %d %s", id, res.StatusCode, msg)
	}
	return nil
}

// latency changes the titles of published articles one after another with
// save and waits, each time, until shows finds the title's new words
// (marker) on the live page; it prints p50 and p95.
func latency(app core.App, name string, saves int, save func(a *core.Record, title string) error, shows func(slug, marker string) bool) error {
	arts, err := app.FindRecordsByFilter(schema.Articles, "status = 'published' && publishAt <= {:now}", "-publishAt", saves, 0,
		dbx.Params{"now": time.Now().UTC().Format(types.DefaultDateLayout)})
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("%s: no published article to change", name)
	}
	var ds []time.Duration
	for i, a := range arts {
		marker := fmt.Sprintf("cập nhật %d.%d", time.Now().UnixNano()%100000, i)
		title := article.Of(a).Title()
		if i := strings.Index(title, " – cập nhật "); i >= 0 {
			title = title[:i] // an earlier run's marker: titles must not grow run after run
		}
		title += " – " + marker
		a.Set("title", title)
		start := time.Now()
		if err := save(a, title); err != nil {
			return err
		}
		for !shows(article.Of(a).Slug(), marker) {
			if time.Since(start) > 5*time.Minute {
				return fmt.Errorf("%s: save %d never went live", name, i)
			}
			time.Sleep(20 * time.Millisecond)
		}
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	q50, q95 := ds[len(ds)/2], ds[min(len(ds)-1, int(float64(len(ds))*0.95))]
	fmt.Printf("%s over %d saves: min %s  p50 %s  p95 %s  max %s (floor p95 ≤ 5 s)\n",
		name, len(ds), ds[0].Round(time.Millisecond), q50.Round(time.Millisecond), q95.Round(time.Millisecond), ds[len(ds)-1].Round(time.Millisecond))
	return nil
}
