// Package staff says who makes a request to the portal: how people are
// named in the audit log and the stamps (Actor, ActorOf), and the
// transactions whose changes are credited to them (AsActor, ActorIn,
// InSession). The guard of staff routes and the caller's role are
// internal/staffauth's.
package staff

import (
	"net/http"
	"strings"
	"sync"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/security"

	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/internal/vocab"
)

// Actor is who makes a change, as the audit log and the stamps name them.
type Actor struct {
	Label string // "Nguyễn Văn A (a@daison.gov.vn, Biên tập viên)"
	ID    string // the staff member's or superuser's record id
	Kind  string // "staff", "_superusers", "guest" or "system"
	IP    string

	// an update that restores a version from the history: the version's
	// id, and the record it is restored to
	RestoreOf, Target string
}

// System is the portal itself: Go code, commands, migrations.
var System = &Actor{Label: "Hệ thống", Kind: "system"}

// impersonated marks the label of a session IT opened as a staff member
// (PocketBase's impersonation gives a token that cannot be refreshed).
const impersonated = " — phiên do quản trị hệ thống cấp"

// RequestActor names who makes a request.
func RequestActor(e *core.RequestEvent) *Actor {
	if e == nil {
		return System
	}
	a := &Actor{Label: "Khách (không đăng nhập)", Kind: "guest", IP: e.RealIP()}
	if e.Auth != nil {
		a.Label, a.ID, a.Kind = PersonLabel(e.Auth), e.Auth.Id, e.Auth.Collection().Name
		if staticToken(e.Request) {
			a.Label += impersonated
		}
	}
	return a
}

// ActorOf names who makes a request: a staff member, an IT superuser, or
// "Hệ thống" for the portal itself.
func ActorOf(e *core.RequestEvent) (label, id, kind string) {
	if e == nil || e.Auth == nil {
		return System.Label, "", System.Kind
	}
	a := RequestActor(e)
	return a.Label, a.ID, a.Kind
}

// PersonLabel names a staff member or superuser for the log and the stamps:
// "Nguyễn Văn A (a@daison.gov.vn, Biên tập viên …)".
func PersonLabel(a *core.Record) string {
	if a.IsSuperuser() {
		return "Quản trị hệ thống (" + a.Email() + ")"
	}
	// One line even if the name was stored before names were checked:
	// a line break in it would forge another line of the log.
	label := vntext.OneLine(a.GetString("name")) + " (" + a.Email()
	if role := a.GetString("role"); role != "" {
		label += ", " + vocab.StaffRoles.Label(role)
	}
	return label + ")"
}

// staticToken reports whether the request's auth token is one that cannot
// be refreshed: PocketBase gives those only to a superuser impersonating
// someone (staff sign-ins get refreshable ones). The token was verified
// when the request's auth was loaded.
func staticToken(r *http.Request) bool {
	token := r.Header.Get("Authorization")
	if len(token) > 7 && strings.EqualFold(token[:7], "Bearer ") {
		token = token[7:]
	}
	claims, err := security.ParseUnverifiedJWT(token)
	if err != nil {
		return false
	}
	refreshable, ok := claims[core.TokenClaimRefreshable].(bool)
	return ok && !refreshable
}

// sessions holds, for each transaction an API request runs in, who made the
// request: every record saved or deleted in that transaction (by
// PocketBase, the portal's hooks or a route) is credited to them in the
// audit log.
var sessions sync.Map // core.App (a transaction) → *Actor

// ActorIn returns who is behind the changes made with app.
func ActorIn(app core.App) *Actor {
	if a, ok := sessions.Load(app); ok {
		return a.(*Actor)
	}
	return System
}

// AsActor runs fn in a transaction whose changes are credited to a.
func AsActor(app core.App, a *Actor, fn func(tx core.App) error) error {
	return app.RunInTransaction(func(tx core.App) error {
		prev, had := sessions.Load(tx)
		sessions.Store(tx, a)
		defer func() {
			if had {
				sessions.Store(tx, prev)
			} else {
				sessions.Delete(tx)
			}
		}()
		return fn(tx)
	})
}

// InSession is a record request hook of every collection: the rest of the
// request runs in one transaction credited to its actor, so the change and
// its audit entry are saved together or not at all. It runs before the
// portal's other request hooks.
var InSession = &hook.Handler[*core.RecordRequestEvent]{
	Id:       "portalSession",
	Priority: -100,
	Func: func(e *core.RecordRequestEvent) error {
		a := RequestActor(e.RequestEvent)
		// The back office marks a restore from the history with the
		// version's id.
		if rev := e.Request.Header.Get(RestoreHeader); rev != "" && e.Request.Method == http.MethodPatch {
			a.RestoreOf, a.Target = rev, e.Record.Id
		}
		app := e.App
		defer func() { e.App = app }() // what runs after the request sees no finished transaction
		return AsActor(app, a, func(tx core.App) error {
			e.App = tx
			return e.Next()
		})
	},
}

// RestoreHeader, sent with the update that restores a version from the
// history, carries the version's id: the audit log then says "restore".
const RestoreHeader = "X-Portal-Restore-Of"
