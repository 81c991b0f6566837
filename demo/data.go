package demo

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
)

// The shapes of the TOML files. Every file may hold any of the top-level
// arrays; the arrays of all files are joined in file-name order.

type dataset struct {
	Units       []unitData       `toml:"units"`
	Honorees    []honoreeData    `toml:"honorees"`
	Awards      []awardData      `toml:"awards"`
	Articles    []articleData    `toml:"articles"`
	Initiatives []initiativeData `toml:"initiatives"`
	Guides      []guideData      `toml:"guides"`
	Indicators  []indicatorData  `toml:"indicators"`
}

// common are the fields every record has. Date is a TOML date or date-time.
type common struct {
	Status string `toml:"status"`
	Date   any    `toml:"date"`
}

type unitData struct {
	common
	Key         string `toml:"key"`
	Name        string `toml:"name"`
	Kind        string `toml:"kind"`
	Description string `toml:"description"`
}

type honoreeData struct {
	common
	Key      string      `toml:"key"`
	Name     string      `toml:"name"`
	Kind     string      `toml:"kind"`
	Position string      `toml:"position"`
	Unit     string      `toml:"unit"`
	Story    string      `toml:"story"`
	Photo    bool        `toml:"photo"` // an illustrated portrait
	Awards   []awardData `toml:"awards"`
}

type awardData struct {
	common
	Honoree      string `toml:"honoree"` // only at the top level
	Form         string `toml:"form"`
	Kind         string `toml:"kind"`
	Year         int    `toml:"year"`
	DecisionNo   string `toml:"decisionNo"`
	DecisionDate any    `toml:"decisionDate"`
	Signer       string `toml:"signer"`
	Achievement  string `toml:"achievement"`
	Initiative   string `toml:"initiative"`
}

type articleData struct {
	common
	Title    string   `toml:"title"`
	Summary  string   `toml:"summary"`
	Body     string   `toml:"body"`
	Category string   `toml:"category"`
	Cover    string   `toml:"cover"` // the motif of its cover, if any
	Tags     []string `toml:"tags"`
	Unit     string   `toml:"unit"`
	Featured bool     `toml:"featured"`
}

type initiativeData struct {
	common
	Key         string   `toml:"key"`
	Title       string   `toml:"title"`
	Kind        string   `toml:"kind"`
	Unit        string   `toml:"unit"`
	Authors     string   `toml:"authors"`
	Honorees    []string `toml:"honorees"`
	Field       string   `toml:"field"`
	Photos      []string `toml:"photos"` // the motifs of its photos
	YearApplied int      `toml:"yearApplied"`
	Summary     string   `toml:"summary"`
	Body        string   `toml:"body"`
	Results     string   `toml:"results"`
	Recognition string   `toml:"recognition"`
	Featured    bool     `toml:"featured"`
}

type guideData struct {
	common
	Library        string        `toml:"library"` // the guide of the library this one adapts
	Title          string        `toml:"title"`
	Audience       string        `toml:"audience"`
	Summary        string        `toml:"summary"`
	Body           string        `toml:"body"`
	Steps          []schema.Step `toml:"steps"`
	ProcedureCode  string        `toml:"procedureCode"`
	PortalLink     string        `toml:"portalLink"`
	Documents      string        `toml:"documents"`
	Fee            string        `toml:"fee"`
	ProcessingTime string        `toml:"processingTime"`
	Offline        string        `toml:"offline"`
	Weight         int           `toml:"weight"`
	Featured       bool          `toml:"featured"`
}

type indicatorData struct {
	common
	Metric  string  `toml:"metric"`
	Year    int     `toml:"year"`
	Quarter int     `toml:"quarter"`
	Value   float64 `toml:"value"`
	Target  float64 `toml:"target"`
	Note    string  `toml:"note"`
}

// readData decodes every data/*.toml file of files, refusing keys it does
// not know (a misspelt field would otherwise be dropped without a word).
func readData(files fs.FS) (*dataset, error) {
	names, err := fs.Glob(files, "data/*.toml")
	if err != nil {
		return nil, fmt.Errorf("demo: list data files: %w", err)
	}
	if len(names) == 0 {
		return nil, errors.New("demo: no data/*.toml file")
	}
	sort.Strings(names)
	all := &dataset{}
	for _, name := range names {
		f, err := files.Open(name)
		if err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		var d dataset
		err = toml.NewDecoder(f).DisallowUnknownFields().Decode(&d)
		f.Close()
		if err != nil {
			var de *toml.DecodeError
			if errors.As(err, &de) {
				row, col := de.Position()
				return nil, fmt.Errorf("demo: %s:%d:%d: %w", path.Base(name), row, col, err)
			}
			return nil, fmt.Errorf("demo: %s: %w", path.Base(name), err)
		}
		all.Units = append(all.Units, d.Units...)
		all.Honorees = append(all.Honorees, d.Honorees...)
		all.Awards = append(all.Awards, d.Awards...)
		all.Articles = append(all.Articles, d.Articles...)
		all.Initiatives = append(all.Initiatives, d.Initiatives...)
		all.Guides = append(all.Guides, d.Guides...)
		all.Indicators = append(all.Indicators, d.Indicators...)
	}
	return all, nil
}

// toTime reads a TOML date, local date-time or offset date-time; local
// values are in the commune's time zone.
func toTime(v any) (time.Time, error) {
	switch d := v.(type) {
	case time.Time:
		return d, nil
	case toml.LocalDateTime:
		return d.AsTime(schema.Vietnam), nil
	case toml.LocalDate:
		return d.AsTime(schema.Vietnam), nil
	case string:
		for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
			if t, err := time.ParseInLocation(layout, strings.TrimSpace(d), schema.Vietnam); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("%q is not a date (write 2026-07-01 or 2026-07-01T08:30:00)", d)
	}
	return time.Time{}, fmt.Errorf("%v is not a date (write 2026-07-01 or 2026-07-01T08:30:00)", v)
}

func dateTime(t time.Time) types.DateTime {
	d, _ := types.ParseDateTime(t.UTC())
	return d
}
