package migrations

import (
	"fmt"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// Official documents (văn bản): the plan, decisions on awards,
// notices, reports and forms, each with its number and symbol, date,
// issuing body, signer, kind, summary and one signed file (PDF, or
// DOC/DOCX/XLS/XLSX for forms; admin/documents.go checks its content).
// Editors and reviewers write them as they do articles; citizens read the
// published ones (schema.PublicRead). An award may name its decision.
//
// The file is not required by the schema, so that a draft can be saved
// before the scan is ready: admin refuses to publish a document without it.

// documentMIMEs are the types a document's file may have, as PocketBase
// sniffs them from the content (OLE2 files, .doc and .xls, may be told
// apart only by their directory: admin checks the name agrees).
var documentMIMEs = []string{
	"application/pdf",
	"application/msword",
	"application/vnd.ms-excel",
	"application/x-ole-storage",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// documentMaxSize is the largest document file: a scanned, signed PDF of a
// few dozen pages.
const documentMaxSize = 20 << 20

// the editor's part of the history rule before documents (revisionsRule)
const (
	revisionsBefore = `collectionRef = "` + schema.Indicators + `"`
	revisionsAfter  = revisionsBefore + ` || collectionRef = "` + schema.Documents + `"`
)

func init() {
	m.Register(func(app core.App) error {
		docs := publicCollection(schema.Documents)
		docs.Fields.Add(
			&core.TextField{Name: "number", Required: true, Max: 50},
			&core.TextField{Name: "title", Required: true, Max: 300, Presentable: true},
			&core.TextField{Name: "summary", Max: 1000},
			&core.SelectField{Name: "kind", Required: true, Values: vocab.DocumentKinds.Keys(), MaxSelect: 1},
			&core.DateField{Name: "issuedOn", Required: true, Min: minDate, Max: maxDate},
			&core.TextField{Name: "issuer", Required: true, Max: 200},
			&core.TextField{Name: "signer", Max: 200},
			&core.FileField{Name: "file", MaxSelect: 1, MaxSize: documentMaxSize, MimeTypes: documentMIMEs},
			&core.BoolField{Name: "movementPlan"},
			&core.TextField{Name: "updatedBy", Max: 300, Hidden: true},
			&core.TextField{Name: "statusBy", Max: 300, Hidden: true},
			&core.DateField{Name: "statusAt", Hidden: true},
		)
		docs.AddIndex("idx_documents_issuedOn", false, "issuedOn", "")
		read := *docs.ListRule
		docs.ListRule = types.Pointer(read + ` || ` + isEditorOrReviewer)
		docs.ViewRule = docs.ListRule
		docs.CreateRule = types.Pointer(isEditorOrReviewer)
		docs.UpdateRule = types.Pointer(isEditorOrReviewer)
		docs.DeleteRule = types.Pointer(isReviewer + ` || (` + isEditor + ` && status = "draft")`)
		if err := save(app, docs); err != nil {
			return err
		}

		awards, err := app.FindCollectionByNameOrId(schema.Awards)
		if err != nil {
			return fmt.Errorf("find awards: %w", err)
		}
		awards.Fields.Add(&core.RelationField{Name: "decisionDoc", CollectionId: docs.Id, MaxSelect: 1})
		if err := app.Save(awards); err != nil {
			return fmt.Errorf("link awards to their decisions: %w", err)
		}
		return replaceInRevisions(app, revisionsBefore+")", revisionsAfter+")")
	}, func(app core.App) error {
		if err := replaceInRevisions(app, revisionsAfter+")", revisionsBefore+")"); err != nil {
			return err
		}
		if awards, err := app.FindCollectionByNameOrId(schema.Awards); err == nil {
			awards.Fields.RemoveByName("decisionDoc")
			if err := app.Save(awards); err != nil {
				return fmt.Errorf("unlink awards from decisions: %w", err)
			}
		}
		docs, err := app.FindCollectionByNameOrId(schema.Documents)
		if err != nil {
			return nil
		}
		if err := app.Delete(docs); err != nil {
			return fmt.Errorf("delete documents: %w", err)
		}
		return nil
	})
}

// replaceInRevisions lets editors read the history of documents (or not),
// as they read that of the other public collections.
func replaceInRevisions(app core.App, old, new string) error {
	c, err := app.FindCollectionByNameOrId(schema.Revisions)
	if err != nil {
		return fmt.Errorf("find revisions: %w", err)
	}
	if c.ListRule == nil || !strings.Contains(*c.ListRule, old) {
		return nil
	}
	return setRevisionsRule(app, strings.Replace(*c.ListRule, old, new, 1))
}
