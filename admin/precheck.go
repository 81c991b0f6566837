package admin

import (
	"sync"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// An API write runs in one transaction (staff.InSession), and SQLite has
// one writer: whatever a validate hook does holds every other write of the
// portal, citizens' forms included. Decoding an image at the caps takes a
// second or more, so a new file is checked before the transaction, by
// precheckUploads; the validate hooks then take its verdict, and check
// themselves only files saved by Go code.

// uploadVerdict is what checking one new file concluded: why it is
// refused, or the file to store instead of it (a photo shrunk), or
// neither.
type uploadVerdict struct {
	repl *filesystem.File
	err  error
}

// verdictKey names a check of one file: as an image, or by its kind's
// rule (a document read whole).
type verdictKey struct {
	file *filesystem.File
	doc  bool
}

// verdicts holds the verdicts of the files of the requests being handled.
var verdicts sync.Map // verdictKey → uploadVerdict

// verdictOf returns the verdict made before the transaction on file, or
// makes it with check.
func verdictOf(key verdictKey, check func() (*filesystem.File, error)) (*filesystem.File, error) {
	if v, ok := verdicts.Load(key); ok {
		v := v.(uploadVerdict)
		return v.repl, v.err
	}
	return check()
}

// precheckUploads is a record request hook of every collection, run before
// the request's transaction opens: it checks the request's new files as
// checkUploads and checkKindFiles would (images decoded on the request's
// context, one at a time per account), and leaves the verdicts for them.
var precheckUploads = &hook.Handler[*core.RecordRequestEvent]{
	Id:       "portalPrecheckUploads",
	Priority: -200, // before staff.InSession
	Func: func(e *core.RecordRequestEvent) error {
		var made []verdictKey
		defer func() {
			for _, k := range made {
				verdicts.Delete(k)
			}
		}()
		ctx, account := e.Request.Context(), requestAccount(e.RequestEvent)
		for _, f := range e.Record.Collection().Fields {
			ff, ok := f.(*core.FileField)
			if !ok {
				continue
			}
			rule := fileRule(e.Record, ff.Name)
			for _, asDoc := range []bool{false, true} {
				if (!asDoc && !mayHoldImage(ff)) || (asDoc && rule == nil) {
					continue
				}
				for _, file := range e.Record.GetUnsavedFiles(ff.Name) {
					var v uploadVerdict
					if asDoc {
						v.err = checkKindFile(file, ff, rule)
					} else {
						v.repl, v.err = checkUpload(ctx, account, ff, file)
					}
					k := verdictKey{file, asDoc}
					verdicts.Store(k, v)
					made = append(made, k)
					if v.err != nil {
						break
					}
				}
			}
		}
		return e.Next()
	},
}
