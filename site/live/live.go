// Package live keeps the folder the public site is served from, and is the
// one owner of its layout (Dir, layout.go): each build goes into a new
// folder, a symbolic link named "live" is swapped onto it in one rename,
// old builds are pruned, and the files are served from below the link
// (serve.go). A reader of the site always sees one whole build, never a
// half-written one, whatever happens to a build.
package live

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Dir is the site folder of a running portal (pb_data/site, InData) and
// the one owner of its layout: every path inside it comes from a method of
// Dir (layout.go).
//
//	builds/<id>/public/  one folder per build, Hugo's output
//	builds/<id>/versions.json  the record versions the build holds
//	live -> builds/<id>/public
//	overlays/<id>/       pages rendered ahead of the next build (site/ahead.go)
//	overlay -> overlays/<id>, served in place of the live build's files
//	trash/               pruned builds and overlays, deleted in the background
//	src/                 Hugo's input, kept from build to build
//	out -> builds/<id>/public, the one path Hugo's kept (incremental) site writes to
//	ahead/               the ahead lane's small site (src/, small/, public/)
//	cache/               Hugo's resources; gzip/ precompressed files; the-chia-se/ share cards
//	status.json          the last builds' reports, for staff after a restart
//	image-checks.json    what builds found of the stored images
//	.preview-*/          one preview's sources and output, deleted after it
type Dir struct {
	Root string
}

var seq atomic.Int64

// LivePath is the path of the "live" link; serve files from below it.
func (d Dir) LivePath() string { return filepath.Join(d.Root, "live") }

// BuildsPath is the folder of the build folders (NewBuild).
func (d Dir) BuildsPath() string { return filepath.Join(d.Root, "builds") }

// NewBuild makes the folder of a new build and returns its id and path.
// Ids sort in the order builds were made.
func (d Dir) NewBuild(now time.Time) (id, path string, err error) {
	id = now.UTC().Format("20060102T150405.000000") + "-" + strconv.FormatInt(seq.Add(1), 10)
	id = strings.Replace(id, ".", "", 1)
	path = filepath.Join(d.BuildsPath(), id)
	if err := os.MkdirAll(path, 0o755); err != nil {
		return "", "", fmt.Errorf("create build folder: %w", err)
	}
	return id, path, nil
}

// Current returns the folder the live link points to, or "" when no build
// has gone live yet.
func (d Dir) Current() (string, error) {
	target, err := os.Readlink(d.LivePath())
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read live link: %w", err)
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(d.Root, target)
	}
	return target, nil
}

// swaps counts the swaps made by this process, so that handlers know when
// to read the live link again.
var swaps atomic.Uint64

// relink points the symbolic link at link to target, a folder inside Root,
// in one rename, and tells the handlers.
func (d Dir) relink(link, target string) error {
	rel, err := filepath.Rel(d.Root, target)
	if err != nil || strings.HasPrefix(rel, "..") {
		return fmt.Errorf("%s is not inside %s", target, d.Root)
	}
	tmp := filepath.Join(d.Root, ".live-"+strconv.FormatInt(seq.Add(1), 10))
	_ = os.Remove(tmp)
	if err := os.Symlink(rel, tmp); err != nil {
		return fmt.Errorf("make link: %w", err)
	}
	if err := os.Rename(tmp, link); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("rename link: %w", err)
	}
	swaps.Add(1)
	return nil
}

// Swap points the live link at public, a complete build output inside
// Root, atomically: a new link is made beside the old one and renamed over
// it, which POSIX guarantees to be all or nothing.
func (d Dir) Swap(public string) error {
	if err := d.relink(d.LivePath(), public); err != nil {
		return fmt.Errorf("swap: %w", err)
	}
	// Make the new link durable before old builds may be removed.
	if f, err := os.Open(d.Root); err == nil {
		_ = f.Sync()
		f.Close()
	}
	return nil
}

// OverlayPath is the path of the "overlay" link: files below it are served
// in place of the live build's, until the next swap clears it.
func (d Dir) OverlayPath() string { return filepath.Join(d.Root, "overlay") }

func (d Dir) overlaysPath() string { return filepath.Join(d.Root, "overlays") }

// NewOverlay makes the folder of a new overlay and returns its path.
func (d Dir) NewOverlay(now time.Time) (string, error) {
	id := strings.Replace(now.UTC().Format("20060102T150405.000000"), ".", "", 1) + "-" + strconv.FormatInt(seq.Add(1), 10)
	path := filepath.Join(d.overlaysPath(), id)
	if err := os.MkdirAll(path, 0o755); err != nil {
		return "", fmt.Errorf("create overlay folder: %w", err)
	}
	return path, nil
}

// CurrentOverlay returns the folder the overlay link points to, or "".
func (d Dir) CurrentOverlay() (string, error) {
	target, err := os.Readlink(d.OverlayPath())
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read overlay link: %w", err)
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(d.Root, target)
	}
	return target, nil
}

// SwapOverlay points the overlay link at path (made by NewOverlay) in one
// rename, and sends the overlays it replaces to the trash.
func (d Dir) SwapOverlay(path string) error {
	if err := d.relink(d.OverlayPath(), path); err != nil {
		return fmt.Errorf("swap overlay: %w", err)
	}
	return d.discardOverlays(filepath.Base(path))
}

// ClearOverlay removes the overlay link (a build that includes its pages
// has gone live) and sends every overlay to the trash.
func (d Dir) ClearOverlay() error {
	if err := os.Remove(d.OverlayPath()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("clear overlay: %w", err)
	}
	swaps.Add(1)
	return d.discardOverlays("")
}

// discardOverlays moves the overlays other than keep to the trash.
func (d Dir) discardOverlays(keep string) error {
	entries, err := os.ReadDir(d.overlaysPath())
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("overlays: %w", err)
	}
	if err := os.MkdirAll(d.trashPath(), 0o755); err != nil {
		return err
	}
	var first error
	for _, e := range entries {
		if e.Name() == keep {
			continue
		}
		if err := os.Rename(filepath.Join(d.overlaysPath(), e.Name()), filepath.Join(d.trashPath(), "overlay-"+e.Name())); err != nil && first == nil {
			first = fmt.Errorf("discard overlay: %w", err)
		}
	}
	return first
}

// trashPath holds pruned builds until EmptyTrash deletes them.
func (d Dir) trashPath() string { return filepath.Join(d.Root, "trash") }

// discard moves the build id out of builds/ into the trash, at once (one
// rename): deleting the tens of thousands of files of a large build takes
// seconds, which the next build need not wait for.
func (d Dir) discard(id string) error {
	if err := os.MkdirAll(d.trashPath(), 0o755); err != nil {
		return err
	}
	if err := os.Rename(filepath.Join(d.BuildsPath(), id), filepath.Join(d.trashPath(), id)); err != nil {
		// Not on the same file system, or the trash is unusable: delete
		// in place.
		return os.RemoveAll(filepath.Join(d.BuildsPath(), id))
	}
	return nil
}

// EmptyTrash deletes the pruned builds. It is slow for large builds and may
// run beside a build: nothing else uses the trash.
func (d Dir) EmptyTrash() error {
	entries, err := os.ReadDir(d.trashPath())
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("empty trash: %w", err)
	}
	var first error
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(d.trashPath(), e.Name())); err != nil && first == nil {
			first = fmt.Errorf("empty trash: %w", err)
		}
	}
	return first
}

// Prune moves to the trash the build folders other than the live one and the keep-1 newest
// before it (EmptyTrash deletes them). Builds still being made are left
// alone when their id is in busy. It returns the first error met but goes
// on.
func (d Dir) Prune(keep int, busy ...string) error {
	entries, err := os.ReadDir(d.BuildsPath())
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("prune: %w", err)
	}
	current, err := d.Current()
	if err != nil {
		return err
	}
	liveID := ""
	if current != "" {
		liveID = filepath.Base(filepath.Dir(current))
	}
	var ids []string
	for _, e := range entries {
		if e.IsDir() {
			ids = append(ids, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(ids)))
	kept := 0
	var first error
	for _, id := range ids {
		if id == liveID || contains(busy, id) {
			continue
		}
		// Keep the newest complete builds older than live, for a quick look
		// at what changed; everything newer than live that is not busy is a
		// failed or killed build, kept once for the error's sake.
		if kept < keep-1 {
			kept++
			continue
		}
		if err := d.discard(id); err != nil && first == nil {
			first = fmt.Errorf("prune %s: %w", id, err)
		}
	}
	// Leftover temporary links from a swap cut short.
	if tmps, _ := filepath.Glob(filepath.Join(d.Root, ".live-*")); len(tmps) > 0 {
		for _, t := range tmps {
			_ = os.Remove(t)
		}
	}
	return first
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
