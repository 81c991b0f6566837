package demo

import (
	"bytes"
	"embed"
	"fmt"

	"github.com/pelletier/go-toml/v2"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/commune"
)

//go:embed identity/commune.toml identity/plan.md
var identityFiles embed.FS

// Identity returns the demo commune's identity fields and its plan's text.
func Identity() (map[string]any, error) {
	b, err := identityFiles.ReadFile("identity/commune.toml")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	fields := map[string]any{}
	if err := toml.NewDecoder(bytes.NewReader(b)).Decode(&fields); err != nil {
		return nil, fmt.Errorf("demo: identity/commune.toml: %w", err)
	}
	plan, err := identityFiles.ReadFile("identity/plan.md")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	fields["planText"] = string(plan)
	return fields, nil
}

// markDemo records, on the commune's identity, that demo data is loaded and
// which records it made (ids by collection), so that Clear removes those and
// only those. A portal not set up yet takes the demo commune's identity
// ("identity" among the ids says so); one set up keeps its own.
func markDemo(app core.App, ids map[string][]string) error {
	coll, err := app.FindCollectionByNameOrId(commune.Collection)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	r, err := commune.Record(app)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if r == nil || r.GetString("commune") == "" {
		fields, err := Identity()
		if err != nil {
			return err
		}
		if r == nil {
			r = core.NewRecord(coll)
		}
		for k, v := range fields {
			r.Set(k, v)
		}
		ids[identityKey] = []string{"demo"}
	}
	r.Set("demo", true)
	r.Set("demoIds", ids)
	if err := app.Save(r); err != nil {
		return fmt.Errorf("demo: save the commune's identity: %w", err)
	}
	return nil
}

// identityKey, among the demo's ids, says the identity is the demo's.
const identityKey = "identity"
