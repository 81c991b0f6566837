package export

import (
	"fmt"
	"github.com/daison/portal/records"
	"slices"
	"sort"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/shortcode"
	"github.com/daison/portal/internal/slug"
)

// The other addresses of a record's page, its short link (/l/<code>/) and
// the slugs it had before, become redirect pages. The admin hooks let only
// the server set codes and old slugs, but the export trusts no database
// (records written before those hooks, imports, direct edits): planLinks
// decides, before any page is written and whatever the order records are
// exported in, which redirects are safe, by these rules:
//
//   - a current slug always wins: an old slug that is the current slug of
//     another record of its collection (published or not) leads nowhere;
//   - an old slug that is not a page address, or is a word the site keeps
//     for itself (slug.Reserved: pagination, taxonomies, /l/…), leads
//     nowhere;
//   - an old slug claimed by two records leads to neither: nothing tells
//     which of them held it, and a wrong page is worse than none;
//   - a short code belongs to the record of any linkable collection, any
//     status, created first (then by the order of records.Linkable(), then id):
//     a code can only be copied after it exists, so the first holder is the
//     one whose code was printed. A later holder's page shows no short link.
//
// Every redirect left out is named in Result.Problems, in Vietnamese, for
// staff.

// linkHolder is a linkable record as stored, whatever its status.
type linkHolder struct {
	collection string
	ID         string `db:"id"`
	Slug       string `db:"slug"`
	Code       string `db:"shortCode"`
	Created    string `db:"created"`
	Title      string `db:"title"`
}

// before orders holders of one code: first created, then by collection,
// then by id.
func (h linkHolder) before(o linkHolder) bool {
	if h.Created != o.Created {
		return h.Created < o.Created
	}
	if hi, oi := slices.Index(records.Linkable(), h.collection), slices.Index(records.Linkable(), o.collection); hi != oi {
		return hi < oi
	}
	return h.ID < o.ID
}

// linkHolders reads every linkable record's slug, code, creation time and
// title.
func (x *exporter) linkHolders() ([]linkHolder, error) {
	var all []linkHolder
	for _, c := range records.Linkable() {
		title := "title"
		if c == schema.Honorees {
			title = "name"
		}
		var rows []linkHolder
		err := x.app.DB().Select("id", "slug", "shortCode", "created", title+" AS title").From(c).All(&rows)
		if err != nil {
			return nil, fmt.Errorf("read the short links of %s: %w", c, err)
		}
		for i := range rows {
			rows[i].collection = c
		}
		all = append(all, rows...)
	}
	return all, nil
}

// planLinks decides the redirects of the exported records (see above) into
// x.links, and reports those left out in x.res.Problems.
func (x *exporter) planLinks() error {
	holders, err := x.linkHolders()
	if err != nil {
		return err
	}
	owners := map[string]linkHolder{}         // code → its first holder
	current := map[string]map[string]string{} // collection → slug → id
	for _, h := range holders {
		if h.Code != "" {
			if o, ok := owners[h.Code]; !ok || h.before(o) {
				owners[h.Code] = h
			}
		}
		if current[h.collection] == nil {
			current[h.collection] = map[string]string{}
		}
		if h.Slug != "" {
			current[h.collection][h.Slug] = h.ID
		}
	}

	x.links = map[string][]string{}
	var skipped []string
	claims := map[string][]*core.Record{} // old path → records claiming it
	for _, c := range records.Linkable() {
		if current[c] == nil {
			current[c] = map[string]string{}
		}
		for _, r := range x.recs[c] {
			// The live page's own slug (a preview may differ from the
			// stored one).
			current[c][r.GetString("slug")] = r.Id
		}
	}
	for _, c := range records.Linkable() {
		for _, r := range x.recs[c] {
			key := linkKey(r)
			if code := r.GetString("shortCode"); code != "" {
				o, held := owners[code]
				switch {
				case !shortcode.Valid(code):
					skipped = append(skipped, fmt.Sprintf("Liên kết ngắn của %s không được tạo: mã “%s” không đúng dạng.", x.linkName(r), code))
				case held && (o.collection != c || o.ID != r.Id):
					skipped = append(skipped, fmt.Sprintf("Liên kết ngắn /l/%s/ của %s không được tạo: mã này thuộc về %s, có trước.", code, x.linkName(r), holderName(o)))
				default:
					x.links[key] = append(x.links[key], "/l/"+code+"/")
				}
			}
			olds := schema.OldSlugs(r)
			for i, old := range olds {
				if slices.Contains(olds[:i], old) || old == r.GetString("slug") {
					continue // a repeat, or its own page
				}
				if !slug.Valid(old) {
					skipped = append(skipped, fmt.Sprintf("Địa chỉ cũ “%s” của %s bị bỏ qua: không đúng dạng địa chỉ trang.", old, x.linkName(r)))
					continue
				}
				from := pageURL(c, old)
				if slug.Reserved(old) {
					skipped = append(skipped, fmt.Sprintf("Địa chỉ cũ %s của %s không được chuyển hướng: địa chỉ này dành cho trang web (phân trang, chuyên mục…).", from, x.linkName(r)))
					continue
				}
				if id, taken := current[c][old]; taken && id != r.Id {
					skipped = append(skipped, fmt.Sprintf("Địa chỉ cũ %s của %s không được chuyển hướng: đó là địa chỉ hiện tại của %s.", from, x.linkName(r), x.holderTitle(holders, c, id)))
					continue
				}
				claims[from] = append(claims[from], r)
			}
		}
	}
	for from, rs := range claims {
		if len(rs) == 1 {
			r := rs[0]
			x.links[linkKey(r)] = append(x.links[linkKey(r)], from)
			continue
		}
		names := make([]string, len(rs))
		for i, r := range rs {
			names[i] = x.linkName(r)
		}
		sort.Strings(names)
		skipped = append(skipped, fmt.Sprintf("Địa chỉ cũ %s không được chuyển hướng: %s cùng ghi nhận đây là địa chỉ cũ của mình.", from, strings.Join(names, " và ")))
	}
	for _, paths := range x.links {
		sort.Strings(paths)
	}
	sort.Strings(skipped)
	for _, msg := range skipped {
		x.addProblem(Problem{Message: msg})
	}
	return nil
}

func linkKey(r *core.Record) string { return r.Collection().Name + "/" + r.Id }

// linkName names a record for staff: its title and section.
func (x *exporter) linkName(r *core.Record) string {
	title := r.GetString("title")
	if title == "" {
		title = r.GetString("name")
	}
	return holderName(linkHolder{collection: r.Collection().Name, ID: r.Id, Title: title})
}

func holderName(h linkHolder) string {
	title := h.Title
	if title == "" {
		title = "bản ghi " + h.ID
	}
	return "“" + title + "” (" + records.ByCollection(h.collection).Label + ")"
}

// holderTitle names the stored record id of collection c.
func (x *exporter) holderTitle(holders []linkHolder, c, id string) string {
	if r := x.byID[c][id]; r != nil {
		return x.linkName(r)
	}
	for _, h := range holders {
		if h.collection == c && h.ID == id {
			return holderName(h)
		}
	}
	return holderName(linkHolder{collection: c, ID: id})
}

// shortURL is the record's short link if its redirect is written, or "".
func (x *exporter) shortURL(r *core.Record) string {
	for _, p := range x.links[linkKey(r)] {
		if strings.HasPrefix(p, "/l/") {
			return p
		}
	}
	return ""
}

// RedirectSection is the content section (and page type) of the redirect
// pages: content/chuyen-huong/<from>/index.md.
const RedirectSection = "chuyen-huong"

// redirects writes a redirect page for each other address planLinks kept
// for a record's page (its short link, its old slugs): content pages of
// the type "chuyen-huong" at those URLs, rendered by the theme's
// layouts/chuyen-huong/page.html, left out of every list and the sitemap.
// As content pages (not Hugo aliases) they are re-rendered by incremental
// builds when their page changes.
func (x *exporter) redirects(r *core.Record, title string) error {
	target := strings.TrimSuffix(pageURL(r.Collection().Name, r.GetString("slug")), "/")
	for _, from := range x.links[linkKey(r)] {
		name := strings.ReplaceAll(strings.Trim(from, "/"), "/", "--")
		fm := RedirectPage{
			Title: title, URL: from, Type: RedirectSection,
			Build: map[string]string{"list": "never"}, Sitemap: map[string]bool{"disable": true},
			Params: map[string]string{"target": target},
		}
		if err := x.putJSON("content/"+RedirectSection+"/"+name+"/index.md", fm); err != nil {
			return err
		}
	}
	return nil
}

// redirectSection keeps the redirect pages' folder from being a page.
func (x *exporter) redirectSection() error {
	return x.putJSON("content/"+RedirectSection+"/_index.md", RedirectPage{
		Title: "Chuyển hướng", Build: map[string]string{"list": "never", "render": "never"}, Sitemap: map[string]bool{"disable": true},
	})
}
