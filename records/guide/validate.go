package guide

import (
	"fmt"
	"unicode/utf8"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/check"
	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/internal/vocab"
)

// Limits of a guide's steps.
const (
	MaxSteps         = 30
	MaxStepTitle     = 200
	MaxStepText      = 5000
	MaxStepShortText = 200
)

// slugSource: a guide's page is named after its title.
func slugSource(_ core.App, r *core.Record) string { return Of(r).Title() }

// validate keeps a guide's steps (cleanSteps).
func validate(_ core.App, r *core.Record, errs validation.Errors) {
	if err := cleanSteps(Of(r)); err != nil {
		errs[StepsField] = err
	}
}

// cleanSteps stores a guide's steps as the rules of text say and checks
// each: a title, single-line words, safe Markdown, a web address as link
// (check.WebURL), and a logic word that joins it to a previous step.
func cleanSteps(g *Guide) error {
	steps, err := g.Steps()
	if err != nil {
		return check.FieldError("validation_steps_format", "Danh sách các bước không đúng định dạng: mỗi bước cần có tiêu đề (title), nội dung (text), liên kết (link)…")
	}
	if len(steps) > MaxSteps {
		return check.FieldError("validation_steps_count", fmt.Sprintf("Hướng dẫn có tối đa %d bước.", MaxSteps))
	}
	for i := range steps {
		st := &steps[i]
		n := i + 1
		// The rules of text: the step's words are single-line plain text,
		// its text Markdown, its link a web address.
		var problem *check.Problem
		for _, f := range []*string{&st.Title, &st.LinkText, &st.Cost, &st.Logic} {
			var p *check.Problem
			if *f, p = check.Text(check.SingleLine, *f); p != nil && problem == nil {
				problem = p
			}
		}
		var p *check.Problem
		if st.Text, p = check.Text(check.Markdown, st.Text); p != nil && problem == nil {
			problem = p
		}
		st.Link = vntext.Clean(st.Link)
		if st.Title == "" {
			return stepError(n, "chưa có tiêu đề.")
		}
		if utf8.RuneCountInString(st.Title) > MaxStepTitle || utf8.RuneCountInString(st.LinkText) > MaxStepShortText || utf8.RuneCountInString(st.Cost) > MaxStepShortText {
			return stepError(n, fmt.Sprintf("tiêu đề, chữ của liên kết và chi phí không được dài quá %d ký tự.", MaxStepShortText))
		}
		if utf8.RuneCountInString(st.Text) > MaxStepText {
			return stepError(n, fmt.Sprintf("nội dung không được dài quá %d ký tự.", MaxStepText))
		}
		if problem != nil {
			return stepError(n, problem.Message)
		}
		if st.Link != "" && !check.WebURL(st.Link) {
			return stepError(n, "liên kết phải là địa chỉ web bắt đầu bằng https:// hoặc http://, không có dấu cách hay ký tự điều khiển.")
		}
		if !vocab.StepLogic.Has(st.Logic) {
			return stepError(n, "cách nối với bước trước chỉ có thể là “và” (and) hoặc “hoặc” (or).")
		}
		if i == 0 && st.Logic != "" {
			return stepError(n, "bước đầu tiên không nối với bước nào trước nó.")
		}
	}
	g.SetSteps(steps)
	return nil
}

func stepError(n int, msg string) validation.Error {
	return check.FieldError("validation_step", fmt.Sprintf("Bước %d: %s", n, msg))
}
