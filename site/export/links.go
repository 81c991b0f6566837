package export

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/shortcode"
	"github.com/daison/portal/internal/slug"
	"github.com/daison/portal/records"
	"github.com/daison/portal/records/record"
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

// links are the other addresses kept for each record page (its short
// link, its old slugs), by collection/id.
type links struct {
	paths map[string][]string
}

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
	linkable := records.Linkable()
	if hi, oi := slices.Index(linkable, h.collection), slices.Index(linkable, o.collection); hi != oi {
		return hi < oi
	}
	return h.ID < o.ID
}

// linkHolders reads every linkable record's slug, code, creation time and
// title.
func linkHolders(app core.App) ([]linkHolder, error) {
	var all []linkHolder
	for _, k := range records.All {
		if !k.Linkable {
			continue
		}
		var rows []linkHolder
		err := app.DB().Select("id", "slug", "shortCode", "created", k.TitleField+" AS title").From(k.Collection).All(&rows)
		if err != nil {
			return nil, fmt.Errorf("read the short links of %s: %w", k.Collection, err)
		}
		for i := range rows {
			rows[i].collection = k.Collection
		}
		all = append(all, rows...)
	}
	return all, nil
}

// planLinks decides the redirects of the published records (see above),
// and reports those left out to out.
func planLinks(app core.App, pub *published, out *outcome) (*links, error) {
	holders, err := linkHolders(app)
	if err != nil {
		return nil, err
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

	l := &links{paths: map[string][]string{}}
	var skipped []string
	claims := map[string][]*core.Record{} // old path → records claiming it
	linkable := records.Linkable()
	for _, c := range linkable {
		if current[c] == nil {
			current[c] = map[string]string{}
		}
		for _, r := range pub.recs[c] {
			// The live page's own slug (a preview may differ from the
			// stored one).
			current[c][record.Wrap(r).Slug()] = r.Id
		}
	}
	for _, c := range linkable {
		for _, r := range pub.recs[c] {
			p := record.Wrap(r)
			key := linkKey(r)
			if code := p.ShortCode(); code != "" {
				o, held := owners[code]
				switch {
				case !shortcode.Valid(code):
					skipped = append(skipped, fmt.Sprintf("Liên kết ngắn của %s không được tạo: mã “%s” không đúng dạng.", linkName(r), code))
				case held && (o.collection != c || o.ID != r.Id):
					skipped = append(skipped, fmt.Sprintf("Liên kết ngắn /l/%s/ của %s không được tạo: mã này thuộc về %s, có trước.", code, linkName(r), holderName(o)))
				default:
					l.paths[key] = append(l.paths[key], "/l/"+code+"/")
				}
			}
			olds := p.OldSlugs()
			for i, old := range olds {
				if slices.Contains(olds[:i], old) || old == p.Slug() {
					continue // a repeat, or its own page
				}
				if !slug.Valid(old) {
					skipped = append(skipped, fmt.Sprintf("Địa chỉ cũ “%s” của %s bị bỏ qua: không đúng dạng địa chỉ trang.", old, linkName(r)))
					continue
				}
				from := pageURL(c, old)
				if slug.Reserved(old) {
					skipped = append(skipped, fmt.Sprintf("Địa chỉ cũ %s của %s không được chuyển hướng: địa chỉ này dành cho trang web (phân trang, chuyên mục…).", from, linkName(r)))
					continue
				}
				if id, taken := current[c][old]; taken && id != r.Id {
					skipped = append(skipped, fmt.Sprintf("Địa chỉ cũ %s của %s không được chuyển hướng: đó là địa chỉ hiện tại của %s.", from, linkName(r), holderTitle(pub, holders, c, id)))
					continue
				}
				claims[from] = append(claims[from], r)
			}
		}
	}
	for from, rs := range claims {
		if len(rs) == 1 {
			r := rs[0]
			l.paths[linkKey(r)] = append(l.paths[linkKey(r)], from)
			continue
		}
		names := make([]string, len(rs))
		for i, r := range rs {
			names[i] = linkName(r)
		}
		sort.Strings(names)
		skipped = append(skipped, fmt.Sprintf("Địa chỉ cũ %s không được chuyển hướng: %s cùng ghi nhận đây là địa chỉ cũ của mình.", from, strings.Join(names, " và ")))
	}
	for _, paths := range l.paths {
		sort.Strings(paths)
	}
	sort.Strings(skipped)
	for _, msg := range skipped {
		out.problem(record.Problem{Message: msg})
	}
	return l, nil
}

func linkKey(r *core.Record) string { return r.Collection().Name + "/" + r.Id }

// linkName names a record for staff: its title and section.
func linkName(r *core.Record) string {
	k := records.ByCollection(r.Collection().Name)
	return holderName(linkHolder{collection: k.Collection, ID: r.Id, Title: k.Title(r)})
}

func holderName(h linkHolder) string {
	title := h.Title
	if title == "" {
		title = "bản ghi " + h.ID
	}
	return "“" + title + "” (" + records.ByCollection(h.collection).Label + ")"
}

// holderTitle names the stored record id of collection c.
func holderTitle(pub *published, holders []linkHolder, c, id string) string {
	if r := pub.byID[c][id]; r != nil {
		return linkName(r)
	}
	for _, h := range holders {
		if h.collection == c && h.ID == id {
			return holderName(h)
		}
	}
	return holderName(linkHolder{collection: c, ID: id})
}

// shortURL is the record's short link if its redirect is written, or "".
func (l *links) shortURL(r *core.Record) string {
	for _, p := range l.paths[linkKey(r)] {
		if strings.HasPrefix(p, "/l/") {
			return p
		}
	}
	return ""
}

// RedirectSection is the content section (and page type) of the redirect
// pages: content/chuyen-huong/<from>/index.md.
const RedirectSection = "chuyen-huong"

// writeRedirects writes a redirect page for each other address planLinks
// kept for a record's page (its short link, its old slugs): content pages
// of the type "chuyen-huong" at those URLs, rendered by the theme's
// layouts/chuyen-huong/page.html, left out of every list and the sitemap.
// As content pages (not Hugo aliases) they are re-rendered by incremental
// builds when their page changes.
func (l *links) writeRedirects(t *Tree, k *record.Kind, r *core.Record, title string) error {
	target := strings.TrimSuffix(k.PageURL(record.Wrap(r).Slug()), "/")
	for _, from := range l.paths[linkKey(r)] {
		name := strings.ReplaceAll(strings.Trim(from, "/"), "/", "--")
		fm := RedirectPage{
			Title: title, URL: from, Type: RedirectSection,
			Build: map[string]string{"list": "never"}, Sitemap: map[string]bool{"disable": true},
			Params: map[string]string{"target": target},
		}
		if err := t.PutJSON("content/"+RedirectSection+"/"+name+"/index.md", fm); err != nil {
			return err
		}
	}
	return nil
}

// writeRedirectSection keeps the redirect pages' folder from being a page.
func writeRedirectSection(t *Tree) error {
	return t.PutJSON("content/"+RedirectSection+"/_index.md", RedirectPage{
		Title: "Chuyển hướng", Build: map[string]string{"list": "never", "render": "never"}, Sitemap: map[string]bool{"disable": true},
	})
}

// RedirectPage is the front matter of a page that sends the browser on to a
// record's page from another of its addresses (params.target, the page's
// path without its final slash, for site.GetPage).
type RedirectPage struct {
	Title   string            `json:"title"`
	URL     string            `json:"url,omitempty"`
	Type    string            `json:"type,omitempty"`
	Build   map[string]string `json:"build"`
	Sitemap map[string]bool   `json:"sitemap"`
	Params  map[string]string `json:"params,omitempty"`
}
