package schema

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Step is one step of an online public service guide, stored in the guide's
// "steps" JSON field. Steps are shown numbered in order; a step whose Logic
// is "and" or "or" belongs with the one before it (GOV.UK step-by-step).
type Step struct {
	Title    string `json:"title"`
	Text     string `json:"text,omitempty"`     // Markdown
	Link     string `json:"link,omitempty"`     // where to do it online
	LinkText string `json:"linkText,omitempty"` // the link's words
	Cost     string `json:"cost,omitempty"`     // fee of this step, if any
	Logic    string `json:"logic,omitempty"`    // "", "and" or "or"
}

// ParseSteps reads a guide's steps field. Empty means no steps.
func ParseSteps(raw []byte) ([]Step, error) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return nil, nil
	}
	var steps []Step
	if err := json.Unmarshal([]byte(s), &steps); err != nil {
		return nil, fmt.Errorf("parse steps: %w", err)
	}
	return steps, nil
}
