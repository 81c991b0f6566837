package admin

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/search"

	"github.com/daison/portal/internal/vnsearch"
	"github.com/daison/portal/internal/vntext"
	"github.com/daison/portal/records"
)

// Staff find records as citizens find pages (internal/vnsearch): "hoang
// thi" finds "Hoàng Thị Lan", "dai son" "Đại Sơn". PocketBase's filters
// compare bytes and cannot fold diacritics, so the pickers and the lists'
// search boxes of the back office ask GET /api/portal/find/{collection},
// which reads the records the caller may list (the collection's list rule,
// as the records API applies it), folds their text with vnsearch's rule and
// keeps those where every word typed begins a word of the text. It answers
// the ids in the order asked for: by a field, or in Vietnamese
// alphabetical order of the first field searched (sort=vi), which the
// database cannot give either.
//
// Query: q (the words), in (the text fields searched, comma separated;
// default the collection's name or title: PocketBase keeps "fields" for
// picking the answer's own fields), eq.<field>=<value> (equal to; a field's
// own value, as the lists' filters), scheduled=1 (published for later),
// sort, limit (at most 100) and offset.

const (
	// findMaxRows bounds the records one search reads.
	findMaxRows = 20000
	// findMaxQuery bounds what is typed, in characters.
	findMaxQuery = 200
)

// findRoute answers GET /api/portal/find/{collection}: {"totalItems": n,
// "items": [{"id", "title"}…]}.
func findRoute(e *core.RequestEvent) error {
	coll, err := e.App.FindCachedCollectionByNameOrId(e.Request.PathValue("collection"))
	if err != nil || !records.IsPublic(coll.Name) {
		return e.NotFoundError("Không tìm thấy danh mục này.", err)
	}
	info, err := e.RequestInfo()
	if err != nil {
		return e.BadRequestError("", err)
	}
	if coll.ListRule == nil && !info.HasSuperuserAuth() {
		return e.ForbiddenError("Bạn không có quyền xem danh sách này.", nil)
	}
	q := e.Request.URL.Query()
	text := strings.TrimSpace(q.Get("q"))
	if text == "" || len([]rune(text)) > findMaxQuery {
		return e.BadRequestError("Hãy gõ từ 1 đến 200 ký tự để tìm.", nil)
	}
	var words []string
	for _, t := range vnsearch.Tokens(text) {
		words = append(words, t.Key)
	}
	if len(words) == 0 {
		return e.JSON(http.StatusOK, map[string]any{"totalItems": 0, "items": []any{}})
	}
	fields, err := findFields(coll, q.Get("in"))
	if err != nil {
		return e.BadRequestError(err.Error(), nil)
	}

	query := e.App.RecordQuery(coll)
	cols := []string{"[[" + coll.Name + ".id]]"}
	for _, f := range fields {
		cols = append(cols, "[["+coll.Name+"."+f+"]]")
	}
	query.Select(cols...).Distinct(true)
	resolver := core.NewRecordFieldResolver(e.App, coll, info, false)
	if !info.HasSuperuserAuth() && *coll.ListRule != "" {
		expr, err := search.FilterData(*coll.ListRule).BuildExpr(resolver)
		if err != nil {
			return e.InternalServerError("", err)
		}
		query.AndWhere(expr)
	}
	for key, vals := range q {
		name, ok := strings.CutPrefix(key, "eq.")
		if !ok || len(vals) == 0 {
			continue
		}
		f := coll.Fields.GetByName(name)
		if f == nil || f.GetHidden() || !filterable(f) {
			return e.BadRequestError("Không lọc được theo trường “"+name+"”.", nil)
		}
		var v any = vals[0]
		if f.Type() == core.FieldTypeBool {
			v = vals[0] == "true"
		}
		if f.Type() == core.FieldTypeNumber {
			n, err := strconv.ParseFloat(vals[0], 64)
			if err != nil {
				return e.BadRequestError("“"+vals[0]+"” không phải là một số.", nil)
			}
			v = n
		}
		query.AndWhere(dbx.HashExp{coll.Name + "." + name: v})
	}
	if q.Get("scheduled") == "1" && coll.Fields.GetByName("publishAt") != nil {
		now := time.Now().UTC().Format("2006-01-02 15:04:05.000Z")
		query.AndWhere(dbx.NewExp("[["+coll.Name+".status]] = 'published' AND [["+coll.Name+".publishAt]] > {:now}", dbx.Params{"now": now}))
	}
	sortBy := q.Get("sort")
	if sortBy != "" && sortBy != "vi" {
		for _, term := range strings.Split(sortBy, ",") {
			name, desc := strings.CutPrefix(strings.TrimSpace(term), "-")
			f := coll.Fields.GetByName(name)
			if f == nil || f.GetHidden() {
				return e.BadRequestError("Không sắp xếp được theo trường “"+name+"”.", nil)
			}
			dir := " ASC"
			if desc {
				dir = " DESC"
			}
			query.AndOrderBy("[[" + coll.Name + "." + name + "]]" + dir)
		}
	}
	query.AndOrderBy("[[" + coll.Name + ".id]] ASC").Limit(findMaxRows)
	if err := resolver.UpdateQuery(query); err != nil {
		return e.InternalServerError("", err)
	}
	var records []*core.Record
	if err := query.All(&records); err != nil {
		return e.InternalServerError("", err)
	}

	type item struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	var found []item
	for _, r := range records {
		var text []string
		for _, f := range fields {
			text = append(text, r.GetString(f))
		}
		if matches(words, strings.Join(text, " \n ")) {
			found = append(found, item{r.Id, r.GetString(fields[0])})
		}
	}
	if sortBy == "vi" {
		vntext.SortFunc(found, func(x item) string { return x.Title })
	}
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	offset, _ := strconv.Atoi(q.Get("offset"))
	offset = max(0, min(offset, len(found)))
	page := found[offset:min(len(found), offset+limit)]
	if page == nil {
		page = []item{}
	}
	return e.JSON(http.StatusOK, map[string]any{"totalItems": len(found), "items": page})
}

// matches reports whether every word typed (as vnsearch keys) begins a
// word of text, folded: "hoang th" matches "Hoàng Thị Lan"; a word typed
// with telex left in ("hoangf") matches as its letters would.
func matches(words []string, text string) bool {
	var keys []string
	for _, t := range vnsearch.Tokens(text) {
		keys = append(keys, t.Key)
	}
	for _, w := range words {
		alt := vnsearch.Telex(w)
		if !slices.ContainsFunc(keys, func(k string) bool {
			return strings.HasPrefix(k, w) || (alt != "" && strings.HasPrefix(k, alt))
		}) {
			return false
		}
	}
	return true
}

// findFields are the text fields a search reads: those asked for (each a
// text field staff may see), or the collection's name or title.
func findFields(coll *core.Collection, asked string) ([]string, error) {
	if asked == "" {
		for _, f := range coll.Fields {
			if f.Type() == core.FieldTypeText && !f.GetHidden() {
				if tf, ok := f.(*core.TextField); ok && tf.Presentable {
					return []string{f.GetName()}, nil
				}
			}
		}
		return nil, errNoTitle
	}
	var out []string
	for _, name := range strings.Split(asked, ",") {
		f := coll.Fields.GetByName(strings.TrimSpace(name))
		if f == nil || f.GetHidden() || (f.Type() != core.FieldTypeText && f.Type() != core.FieldTypeEditor) {
			return nil, errBadField(name)
		}
		if !slices.Contains(out, f.GetName()) {
			out = append(out, f.GetName())
		}
	}
	if len(out) > 5 {
		return nil, errBadField(asked)
	}
	return out, nil
}

// filterable fields hold one plain value a list filters by.
func filterable(f core.Field) bool {
	switch f := f.(type) {
	case *core.SelectField:
		return !f.IsMultiple()
	case *core.RelationField:
		return !f.IsMultiple()
	case *core.TextField, *core.NumberField, *core.BoolField:
		return true
	}
	return false
}

type findError string

func (e findError) Error() string { return string(e) }

const errNoTitle = findError("Danh mục này không có trường tên hay tiêu đề để tìm.")

func errBadField(name string) error {
	return findError("Không tìm được theo trường “" + name + "”.")
}
