package site

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/daison/portal/records"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/site/export"
	"github.com/daison/portal/site/live"
)

// Which version of each record is live: every build that goes live leaves
// beside its output (live.Dir.VersionsOf) the "updated" stamp of each
// record it exported, and since when that version has been live. The back
// office compares a record's stamp with it to tell staff whether what they
// saved is on the site ("Đã lên trang lúc …") or not yet, and why.

// LiveRecord is the version of a record the live build holds.
type LiveRecord struct {
	// Updated is the record's "updated" stamp as the build exported it.
	Updated string `json:"updated"`
	// Since is when a build holding this version first went live.
	Since time.Time `json:"since"`
}

// liveVersions are the live build's records, by collection and id.
type liveVersions map[string]map[string]LiveRecord

// nextVersions are the versions of a build about to go live at now: a
// version the live build already holds keeps its time.
func nextVersions(prev liveVersions, exported export.Versions, now time.Time) liveVersions {
	next := make(liveVersions, len(exported))
	for c, ids := range exported {
		m := make(map[string]LiveRecord, len(ids))
		for id, updated := range ids {
			lr := LiveRecord{Updated: updated, Since: now}
			if old, ok := prev[c][id]; ok && old.Updated == updated {
				lr.Since = old.Since
			}
			m[id] = lr
		}
		next[c] = m
	}
	return next
}

// heldVersions returns the versions a build that held pages back really
// puts live: a held page that keeps its last good copy holds the version
// the live build had, and one without a copy (a new record) holds none, so
// that staff are never told a version is live that is not.
func heldVersions(exported export.Versions, prev liveVersions, failed []FailedPage) export.Versions {
	out := make(export.Versions, len(exported))
	for c, ids := range exported {
		m := make(map[string]string, len(ids))
		for id, u := range ids {
			m[id] = u
		}
		out[c] = m
	}
	keepOld := func(c, id string) {
		if old, ok := prev[c][id]; ok {
			out[c][id] = old.Updated
		} else {
			delete(out[c], id)
		}
	}
	for _, f := range failed {
		if out[f.Collection] == nil {
			continue
		}
		switch {
		case f.Section:
			for id := range out[f.Collection] {
				if slices.Contains(f.NotLive, id) {
					delete(out[f.Collection], id)
				} else {
					keepOld(f.Collection, id)
				}
			}
		case f.ID != "" && f.Kept:
			keepOld(f.Collection, f.ID)
		case f.ID != "":
			delete(out[f.Collection], f.ID)
		}
	}
	return out
}

// versionBook knows which version of each record the live build holds:
// the build that swaps a folder live writes it, requests read it at any
// time (an atomic pointer, no lock).
type versionBook struct {
	dir    live.Dir
	logger *slog.Logger
	cur    atomic.Pointer[liveVersions]
}

// write writes the versions of the build whose output is public, which
// holds exported, before it goes live at now; use them once it is.
func (v *versionBook) write(public string, exported export.Versions, now time.Time) (liveVersions, error) {
	next := nextVersions(v.live(), exported, now)
	data, err := json.Marshal(next)
	if err != nil {
		return nil, fmt.Errorf("record versions: %w", err)
	}
	path := v.dir.VersionsOf(public)
	if err := os.WriteFile(path+".tmp", data, 0o644); err != nil {
		return nil, fmt.Errorf("record versions: %w", err)
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		return nil, fmt.Errorf("record versions: %w", err)
	}
	return next, nil
}

// use makes vers the live build's versions.
func (v *versionBook) use(vers liveVersions) { v.cur.Store(&vers) }

// live returns the versions of the live build, read from its folder the
// first time (a build made before they were recorded holds none until the
// next build).
func (v *versionBook) live() liveVersions {
	if cur := v.cur.Load(); cur != nil {
		return *cur
	}
	vers := liveVersions{}
	if cur, err := v.dir.Current(); err == nil && cur != "" {
		data, err := os.ReadFile(v.dir.VersionsOf(cur))
		if err == nil {
			if err := json.Unmarshal(data, &vers); err != nil {
				v.logger.Warn("không đọc được danh sách phiên bản bản ghi của bản dựng đang chạy", "error", err.Error())
				vers = liveVersions{}
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			v.logger.Warn("không đọc được danh sách phiên bản bản ghi của bản dựng đang chạy", "error", err.Error())
		}
	}
	v.cur.CompareAndSwap(nil, &vers)
	return *v.cur.Load()
}

// LiveVersions returns, for each of ids in the collection that the live
// build holds, the version it holds and since when.
func (b *Builder) LiveVersions(collection string, ids []string) map[string]LiveRecord {
	all := b.versions.live()[collection]
	out := make(map[string]LiveRecord, len(ids))
	for _, id := range ids {
		if lr, ok := all[id]; ok {
			out[id] = lr
		}
	}
	return out
}

// maxLiveIDs bounds the records one request asks about (a list shows 20).
const maxLiveIDs = 200

// liveAnswer is the answer of GET /api/site/live/{collection}.
type liveAnswer struct {
	// Building: a build is running now.
	Building bool `json:"building"`
	// FailingSince: builds have failed since then (Status.FailingSince).
	FailingSince time.Time `json:"failingSince,omitzero"`
	// Error is why the last build failed, when it did.
	Error string `json:"error,omitempty"`
	// Records are the asked records the live build holds, by id.
	Records map[string]LiveRecord `json:"records"`
	// Held says, by id, why the live build left an asked record's page
	// out (Hugo failed on it: Report.FailedPages), in Vietnamese.
	Held map[string]string `json:"held,omitempty"`
}

// heldOf returns, of ids in the collection, those whose page the build of
// rep left out, with why.
func heldOf(rep *Report, collection string, ids []string) map[string]string {
	if rep == nil {
		return nil
	}
	held := map[string]string{}
	for _, f := range rep.FailedPages {
		if f.Collection != collection {
			continue
		}
		for _, id := range ids {
			if f.ID == id || (f.Section && f.ID == "") {
				held[id] = f.Message
			}
		}
	}
	if len(held) == 0 {
		return nil
	}
	return held
}

// liveRoute answers GET /api/site/live/{collection}?ids=a,b,… with the
// versions of those records the live build holds and how the builds
// stand, for the back office to say of each record whether the version
// saved is live.
func liveRoute(b *Builder) func(e *core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		coll := e.Request.PathValue("collection")
		if !records.IsPublic(coll) {
			return e.NotFoundError("Loại bản ghi này không có trên trang công khai.", nil)
		}
		var ids []string
		for _, id := range strings.Split(e.Request.URL.Query().Get("ids"), ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
		if len(ids) > maxLiveIDs {
			return e.BadRequestError(fmt.Sprintf("Hỏi tối đa %d bản ghi một lần.", maxLiveIDs), nil)
		}
		st := b.Status()
		ans := liveAnswer{Building: st.Building, FailingSince: st.FailingSince, Records: b.LiveVersions(coll, ids), Held: heldOf(st.LastSuccess, coll, ids)}
		if st.Last != nil && !st.Last.OK() {
			ans.Error = st.Last.Error
		}
		return e.JSON(http.StatusOK, ans)
	}
}
