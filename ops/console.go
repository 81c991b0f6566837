package ops

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/fatih/color"
)

// console is where the operations side tells the person or service
// manager running the portal what happened (PocketBase's own log goes to
// its database only, seen in /_/ → Logs): deploys that failed, backups,
// replication stopping and resuming, the start-up checks.
var (
	consoleMu sync.Mutex
	console   io.Writer = os.Stderr
)

// say prints one line on the console, with the time, marked as good news
// (ok) or a problem.
func say(ok bool, format string, args ...any) {
	if ok {
		sayAs(good, format, args...)
	} else {
		sayAs(bad, format, args...)
	}
}

// A mark of a console line.
type mark int

const (
	good mark = iota // ✓ works
	bad              // ✗ a problem
	note             // – not set up, nothing to check
)

// sayAs prints one line on the console with the time and the mark m.
func sayAs(m mark, format string, args ...any) {
	sign, paint := "✓", color.New(color.FgGreen)
	switch m {
	case bad:
		sign, paint = "✗", color.New(color.FgRed, color.Bold)
	case note:
		sign, paint = "–", color.New(color.FgYellow)
	}
	consoleMu.Lock()
	defer consoleMu.Unlock()
	paint.Fprintf(console, "%s %s %s\n", time.Now().Format("2006/01/02 15:04:05"), sign, fmt.Sprintf(format, args...))
}
