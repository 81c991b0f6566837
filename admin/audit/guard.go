package audit

import (
	"slices"

	"github.com/daison/portal/admin/staff"
	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/schema"

	"encoding/json"
	"errors"
	"net/http"
	"sort"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/router"
)

// The audit log is append-only for everyone, IT's superusers included: its
// entries are written by the server alone, never added, changed or deleted
// through the API, and its collection is not changed, emptied or dropped.
// The API ways around that are closed: raw SQL and restoring an older
// backup (which would rewind the log) are refused; a restore is done on the
// server with the portal stopped (`portal restore`). Each refusal is itself
// logged. What IT does to settings and collections is logged too.
const (
	msgLogEntries    = "Nhật ký hoạt động chỉ được ghi thêm: không ai, kể cả quản trị hệ thống, được thêm tay, sửa hay xóa một mục nhật ký."
	msgLogCollection = "Không được thay đổi, làm rỗng hay xóa danh mục nhật ký hoạt động: nhật ký chỉ được ghi thêm, kể cả với quản trị hệ thống."
	msgSQL           = "Cổng không cho chạy câu lệnh SQL qua API: mọi thay đổi dữ liệu phải đi qua các chức năng có ghi nhật ký hoạt động."
	msgRestore       = "Không khôi phục bản sao lưu qua API được, vì khôi phục sẽ ghi đè cả nhật ký hoạt động. Hãy dừng cổng và chạy lệnh “portal restore” trên máy chủ."
)

// errAppendOnly is the model-level refusal, for Go code.
var errAppendOnly = errors.New("nhật ký hoạt động chỉ được ghi thêm, không được sửa hay xóa")

// appendOnly refuses any change to an audit log entry once written, even by
// a superuser or Go code.
func appendOnly(e *core.RecordEvent) error {
	return errAppendOnly
}

// refuse logs a refused attempt by the request's actor and answers 403
// with msg.
func refuse(e *core.RequestEvent, target, msg string, details map[string]any) error {
	who := staff.RequestActor(e)
	if details == nil {
		details = map[string]any{}
	}
	details["request"] = e.Request.Method + " " + e.Request.URL.Path
	(&auditEntry{
		Actor: who.Label, ActorID: who.ID, ActorKind: who.Kind, IP: who.IP,
		Collection: target, Action: "refused", Changes: details,
	}).logEntry(e.App)
	return router.NewForbiddenError(msg, nil)
}

// refuseLogWrite runs first on the API's creates, updates and deletes of
// audit log entries (only superusers get that far: the collection has no
// write rules).
var refuseLogWrite = &hook.Handler[*core.RecordRequestEvent]{
	Id:       "portalAuditAppendOnly",
	Priority: -200,
	Func: func(e *core.RecordRequestEvent) error {
		return refuse(e.RequestEvent, schema.AuditLog, msgLogEntries, map[string]any{"record": e.Record.Id})
	},
}

// isAuditLog reports whether a collection name or id names the audit log.
func isAuditLog(app core.App, nameOrID string) bool {
	c, err := app.FindCachedCollectionByNameOrId(nameOrID)
	return err == nil && c.Name == schema.AuditLog
}

// guardCollectionChange refuses changes to the audit log's collection and
// logs every other change of a collection's schema or rules by IT.
func guardCollectionChange(action string) func(e *core.CollectionRequestEvent) error {
	return func(e *core.CollectionRequestEvent) error {
		if action != "create" && isAuditLog(e.App, e.Collection.Id) {
			return refuse(e.RequestEvent, schema.AuditLog, msgLogCollection, map[string]any{"collection": action})
		}
		var changes any
		if action == "update" {
			if old, err := e.App.FindCachedCollectionByNameOrId(e.Collection.Id); err == nil {
				changes = map[string]any{"fields": changedKeys(old, e.Collection)}
			}
		}
		if err := e.Next(); err != nil {
			return err
		}
		who := staff.RequestActor(e.RequestEvent)
		(&auditEntry{
			Actor: who.Label, ActorID: who.ID, ActorKind: who.Kind, IP: who.IP,
			Collection: "_collections", RecordID: e.Collection.Id, Title: e.Collection.Name,
			Action: action, Changes: changes,
		}).logEntry(e.App)
		return nil
	}
}

// guardImport refuses an import of collections that would change or drop
// the audit log's collection, and logs the others.
func guardImport(e *core.CollectionsImportRequestEvent) error {
	names := make([]string, 0, len(e.CollectionsData))
	present := false
	for _, c := range e.CollectionsData {
		name, _ := c["name"].(string)
		id, _ := c["id"].(string)
		if name == schema.AuditLog || (id != "" && isAuditLog(e.App, id)) {
			present = true
		}
		names = append(names, name)
	}
	// An import naming the log may change it; one with deleteMissing and
	// without the log drops it.
	if present || e.DeleteMissing {
		return refuse(e.RequestEvent, schema.AuditLog, msgLogCollection, map[string]any{"collection": "import"})
	}
	if err := e.Next(); err != nil {
		return err
	}
	who := staff.RequestActor(e.RequestEvent)
	(&auditEntry{
		Actor: who.Label, ActorID: who.ID, ActorKind: who.Kind, IP: who.IP,
		Collection: "_collections", Title: "Nhập cấu trúc dữ liệu", Action: "update",
		Changes: map[string]any{"import": names, "deleteMissing": e.DeleteMissing},
	}).logEntry(e.App)
	return nil
}

// auditSettings logs IT's changes of the portal's settings: which sections
// changed (mail server, backups, storage, rate limits…), not their values.
func auditSettings(e *core.SettingsUpdateRequestEvent) error {
	changed := changedKeys(e.OldSettings, e.NewSettings)
	// Secrets are left out of the settings' JSON: compare them apart.
	if e.OldSettings.SMTP.Password != e.NewSettings.SMTP.Password && !slices.Contains(changed, "smtp") {
		changed = append(changed, "smtp")
	}
	if e.OldSettings.S3.Secret != e.NewSettings.S3.Secret && !slices.Contains(changed, "s3") {
		changed = append(changed, "s3")
	}
	if e.OldSettings.Backups.S3.Secret != e.NewSettings.Backups.S3.Secret && !slices.Contains(changed, "backups") {
		changed = append(changed, "backups")
	}
	if err := e.Next(); err != nil {
		return err
	}
	sort.Strings(changed)
	who := staff.RequestActor(e.RequestEvent)
	(&auditEntry{
		Actor: who.Label, ActorID: who.ID, ActorKind: who.Kind, IP: who.IP,
		Collection: "settings", Title: "Cấu hình hệ thống", Action: "update",
		Changes: map[string]any{"fields": changed},
	}).logEntry(e.App)
	return nil
}

// auditImpersonation logs IT opening a session as a staff member
// (PocketBase's impersonation); what is done with it is marked in the log.
func auditImpersonation(e *core.RecordAuthRequestEvent) error {
	if err := e.Next(); err != nil {
		return err
	}
	if e.Auth != nil && e.Auth.IsSuperuser() && strings.Contains(e.Request.URL.Path, "/impersonate/") && e.Record != nil {
		who := staff.RequestActor(e.RequestEvent)
		(&auditEntry{
			Actor: who.Label, ActorID: who.ID, ActorKind: who.Kind, IP: who.IP,
			Collection: e.Collection.Name, RecordID: e.Record.Id, Title: check.RecordTitle(e.Record),
			Action: "impersonate",
		}).logEntry(e.App)
	}
	return nil
}

// guardSuperuserAPI is a router middleware for the superusers' API routes
// that have no hook of their own: raw SQL and a backup's restore are
// refused; making, adding and deleting a backup are logged; emptying the
// audit log is refused, and emptying another collection is credited to who
// asked (each deleted record is logged).
//
// Only superusers reach these routes; others are left to PocketBase's
// refusal, so that nobody else can fill the log with refusals.
func guardSuperuserAPI(e *core.RequestEvent) error {
	if !e.HasSuperuserAuth() {
		return e.Next()
	}
	p, m := e.Request.URL.Path, e.Request.Method
	switch {
	case p == "/api/sql" && m == http.MethodPost:
		var body struct {
			Query string `json:"query"`
		}
		_ = json.NewDecoder(http.MaxBytesReader(e.Response, e.Request.Body, 64<<10)).Decode(&body)
		return refuse(e, "sql", msgSQL, map[string]any{"query": check.ClipRunes(body.Query, 1000)})
	case strings.HasPrefix(p, "/api/backups/") && strings.HasSuffix(p, "/restore") && m == http.MethodPost:
		return refuse(e, "backups", msgRestore, nil)
	case (p == "/api/backups" || p == "/api/backups/upload") && m == http.MethodPost,
		strings.HasPrefix(p, "/api/backups/") && m == http.MethodDelete:
		// Backups hold every record: making, adding and removing one is
		// logged.
		if err := e.Next(); err != nil {
			return err
		}
		action, name := "create", "Bản sao lưu"
		if m == http.MethodDelete {
			action, name = "delete", strings.TrimPrefix(p, "/api/backups/")
		}
		who := staff.RequestActor(e)
		(&auditEntry{
			Actor: who.Label, ActorID: who.ID, ActorKind: who.Kind, IP: who.IP,
			Collection: "backups", Title: name, Action: action,
		}).logEntry(e.App)
		return nil
	case strings.HasPrefix(p, "/api/collections/") && strings.HasSuffix(p, "/truncate") && m == http.MethodDelete:
		name := strings.TrimSuffix(strings.TrimPrefix(p, "/api/collections/"), "/truncate")
		if isAuditLog(e.App, name) {
			return refuse(e, schema.AuditLog, msgLogCollection, map[string]any{"collection": "truncate"})
		}
		app := e.App
		defer func() { e.App = app }()
		return staff.AsActor(app, staff.RequestActor(e), func(tx core.App) error {
			e.App = tx
			return e.Next()
		})
	}
	return e.Next()
}

// changedKeys lists the top-level keys of a and b's JSON whose values
// differ, leaving out the times of the change.
func changedKeys(a, b any) []string {
	var ma, mb map[string]json.RawMessage
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	_ = json.Unmarshal(ja, &ma)
	_ = json.Unmarshal(jb, &mb)
	var out []string
	for k, v := range mb {
		if k != "created" && k != "updated" && string(ma[k]) != string(v) {
			out = append(out, k)
		}
	}
	for k := range ma {
		if _, ok := mb[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
