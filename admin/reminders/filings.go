package reminders

import (
	"encoding/json"
	"fmt"
	"github.com/daison/portal/records/honoree"
	"github.com/daison/portal/records/unit"
	"log/slog"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vocab"
)

// onFiling notices, after a nomination or report is saved: reviewers when
// it was filed (it awaits them); a nomination's unit reporters when it was
// returned or decided. A failure to notify never undoes the save.
func onFiling(e *core.RecordEvent) error {
	if err := notifyFiling(e.App, e.Record); err != nil {
		e.App.Logger().Error("Không gửi được thông báo hồ sơ", slog.String("error", err.Error()))
	}
	return e.Next()
}

func notifyFiling(app core.App, r *core.Record) error {
	isNom := r.Collection().Name == schema.Nominations
	state := r.GetString("state")
	what := "Báo cáo năm " + r.GetString("year")
	link := ReportsPath + r.Id
	if isNom {
		what = fmt.Sprintf("Hồ sơ đề nghị khen thưởng “%s” (năm %d)", nomineeName(app, r), r.GetInt("year"))
		link = NominationsPath + r.Id
	}
	unit := unitName(app, r.GetString("unit"))
	switch {
	case state == "submitted":
		reviewers, err := staffWith(app, schema.RoleReviewer, "")
		if err != nil {
			return err
		}
		late := ""
		if r.GetBool("late") {
			late = fmt.Sprintf(" (nộp muộn %d ngày, cần xét chấp nhận)", r.GetInt("daysLate"))
		}
		for _, s := range reviewers {
			_, err := Send(app, s, Note{
				Key:     fmt.Sprintf("cho-xu-ly:%s:%s:%s:%s", r.Collection().Name, r.Id, r.GetString("submittedAt"), s.Id),
				Subject: fmt.Sprintf("%s của %s đang chờ xem xét", what, unit),
				Text:    fmt.Sprintf("%s của %s vừa được nộp%s và đang chờ Phòng Văn hóa – Xã hội xem xét.", what, unit, late),
				Link:    link,
			})
			if err != nil {
				return err
			}
		}
	case isNom && (state == "returned" || state == "approved" || state == "rejected"):
		reporters, err := staffWith(app, schema.RoleUnitReporter, r.GetString("unit"))
		if err != nil {
			return err
		}
		n := timesReached(r, state)
		subject := fmt.Sprintf("%s: %s", what, vocab.NominationStates.Label(state))
		text := fmt.Sprintf("%s của đơn vị đã chuyển sang “%s”.", what, vocab.NominationStates.Label(state))
		if c := lastComment(r); state == "returned" && c != "" {
			text += " Nội dung cần bổ sung: " + c
		}
		if state == "approved" && r.GetString("decisionNo") != "" {
			text += " Quyết định số " + r.GetString("decisionNo") + "."
		}
		for _, s := range reporters {
			if _, err := Send(app, s, Note{Key: fmt.Sprintf("ho-so:%s:%s:%d:%s", r.Id, state, n, s.Id), Subject: subject, Text: text, Link: link}); err != nil {
				return err
			}
		}
	}
	return nil
}

// historyEntry is one step of a nomination's history.
type historyEntry struct {
	From, To, Comment string
}

func history(r *core.Record) []historyEntry {
	var h []historyEntry
	if raw := schema.JSONValue(r, "history"); len(raw) > 0 {
		_ = json.Unmarshal(raw, &h)
	}
	return h
}

// timesReached counts the times a nomination moved into state: a dossier
// returned twice is told twice, a comment saved without a move is not.
func timesReached(r *core.Record, state string) int {
	n := 0
	for _, e := range history(r) {
		if e.To == state && e.From != state {
			n++
		}
	}
	return n
}

func lastComment(r *core.Record) string {
	h := history(r)
	for i := len(h) - 1; i >= 0; i-- {
		if h[i].Comment != "" {
			return h[i].Comment
		}
	}
	return ""
}

func nomineeName(app core.App, r *core.Record) string {
	if id := r.GetString("nominee"); id != "" {
		if h, err := app.FindRecordById(schema.Honorees, id); err == nil {
			return honoree.Of(h).Name()
		}
	}
	return r.GetString("nomineeName")
}

func unitName(app core.App, id string) string {
	if u, err := app.FindRecordById(schema.Units, id); err == nil {
		return unit.Of(u).Name()
	}
	return "đơn vị"
}
