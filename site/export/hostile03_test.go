package export_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/records/recordstest"
	"github.com/daison/portal/site/export"
)

// hijack is a record as a database may hold it whatever the API allows:
// codes and old slugs written directly (records from before the hooks,
// imports, direct edits).
type hijack struct {
	collection, id, title, slug, code string
	oldSlugs                          []string
	created                           int // minutes after the first record
	draft                             bool
}

var hijacks = []hijack{
	{schema.Honorees, "honoreevictim01", "Người được vinh danh", "nguoi-vinh-danh", "hhhhh", nil, 0, false},
	{schema.Articles, "articlevictim01", "Tin thật", "tin-that", "vvvvv", nil, 1, false},
	{schema.Guides, "guidevictim0001", "Hướng dẫn thật", "huong-dan-that", "ggggg", nil, 1, false},
	{schema.Articles, "articledraft001", "Bản nháp", "ban-nhap", "ddddd", nil, 1, true},
	{schema.Articles, "articlerenamed1", "Tin đổi tên", "tin-moi", "nnnnn", []string{"tin-cu"}, 1, false},
	// An editor's article with the honoree's code, another page's address,
	// a reserved word, a draft's address and an address another record
	// claims too; a guide with the article's code (guides are exported
	// after articles, articles after honorees).
	{schema.Articles, "articlehijack01", "Bài chiếm chỗ", "bai-chiem", "hhhhh", []string{"tin-that", "trang", "chung", "ban-nhap", "bai-chiem"}, 2, false},
	{schema.Guides, "guidehijack0001", "Hướng dẫn chiếm chỗ", "hd-chiem", "vvvvv", nil, 2, false},
	{schema.Articles, "articleother001", "Tin khác", "tin-khac", "wwwww", []string{"chung"}, 2, false},
}

// TestHostile03ExportRedirects: whatever the database holds and whatever
// order the records are stored and exported in, a redirect never takes
// over a live page, another record's address, a reserved path or another
// record's short link; each one left out is named for staff.
func TestHostile03ExportRedirects(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"/l/hhhhh/":        "/vinh-danh/nguoi-vinh-danh",
		"/l/vvvvv/":        "/tin-tuc/tin-that",
		"/l/ggggg/":        "/huong-dan/huong-dan-that",
		"/l/nnnnn/":        "/tin-tuc/tin-moi",
		"/l/wwwww/":        "/tin-tuc/tin-khac",
		"/tin-tuc/tin-cu/": "/tin-tuc/tin-moi",
	}
	var skipped [][]string
	for _, reversed := range []bool{false, true} {
		app := recordstest.NewApp(t)
		order := slices.Clone(hijacks)
		if reversed {
			slices.Reverse(order)
		}
		base := now.Add(-48 * time.Hour)
		for i, h := range order {
			c, err := app.FindCollectionByNameOrId(h.collection)
			if err != nil {
				t.Fatal(err)
			}
			r := core.NewRecord(c)
			r.Id = h.id
			titleField := "title"
			if h.collection == schema.Honorees {
				titleField = "name"
				r.Set("kind", "ca-nhan")
			}
			if h.collection == schema.Articles {
				r.Set("category", "thong-bao")
			}
			r.Set(titleField, h.title)
			r.Set("slug", h.slug)
			r.Set("shortCode", h.code)
			r.Set("oldSlugs", h.oldSlugs)
			r.Set("status", map[bool]string{true: "draft", false: "published"}[h.draft])
			// Stored and published in this run's order: the export reads
			// records newest first.
			r.Set("publishAt", recordstest.Date(base.Add(time.Duration(i)*time.Minute)))
			created, _ := types.ParseDateTime(base.Add(time.Duration(h.created) * time.Minute))
			r.SetRaw("created", created)
			if err := app.SaveNoValidate(r); err != nil {
				t.Fatalf("store %s: %v", h.id, err)
			}
		}

		root := t.TempDir()
		res, err := export.Run(app, root, export.Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		got := redirectsIn(t, root)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("reversed=%v: redirects\n%v\nwant\n%v", reversed, got, want)
		}
		// The live pages are their own records' pages, and a page shows
		// only a short link that leads to it.
		for file, wants := range map[string][]string{
			"content/tin-tuc/tin-that/index.md":          {`"title": "Tin thật"`, `"shortUrl": "/l/vvvvv/"`},
			"content/vinh-danh/nguoi-vinh-danh/index.md": {`"shortUrl": "/l/hhhhh/"`},
			"content/tin-tuc/bai-chiem/index.md":         {`"title": "Bài chiếm chỗ"`},
		} {
			b, err := os.ReadFile(filepath.Join(root, file))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range wants {
				if !strings.Contains(string(b), w) {
					t.Errorf("reversed=%v: %s lacks %s", reversed, file, w)
				}
			}
			if file == "content/tin-tuc/bai-chiem/index.md" && strings.Contains(string(b), "shortUrl") {
				t.Errorf("reversed=%v: the hijacking article shows a short link", reversed)
			}
		}
		var msgs []string
		for _, p := range res.Problems {
			msgs = append(msgs, p.Message)
		}
		for _, w := range []string{
			"/l/hhhhh/ của “Bài chiếm chỗ” (Tin tức) không được tạo: mã này thuộc về “Người được vinh danh” (Vinh danh)",
			"/l/vvvvv/ của “Hướng dẫn chiếm chỗ” (Hướng dẫn dịch vụ công) không được tạo: mã này thuộc về “Tin thật” (Tin tức)",
			"/tin-tuc/tin-that/ của “Bài chiếm chỗ” (Tin tức) không được chuyển hướng: đó là địa chỉ hiện tại của “Tin thật”",
			"/tin-tuc/ban-nhap/ của “Bài chiếm chỗ” (Tin tức) không được chuyển hướng: đó là địa chỉ hiện tại của “Bản nháp”",
			"/tin-tuc/trang/ của “Bài chiếm chỗ” (Tin tức) không được chuyển hướng: địa chỉ này dành cho trang web",
			"/tin-tuc/chung/ không được chuyển hướng: “Bài chiếm chỗ” (Tin tức) và “Tin khác” (Tin tức) cùng ghi nhận",
		} {
			if !slices.ContainsFunc(msgs, func(s string) bool { return strings.Contains(s, w) }) {
				t.Errorf("reversed=%v: no %q in the skipped redirects %q", reversed, w, msgs)
			}
		}
		if len(msgs) != 6 {
			t.Errorf("reversed=%v: %d skipped redirects, want 6: %q", reversed, len(msgs), msgs)
		}
		skipped = append(skipped, msgs)
	}
	if !reflect.DeepEqual(skipped[0], skipped[1]) {
		t.Errorf("the report depends on the order:\n%q\n%q", skipped[0], skipped[1])
	}
}

// redirectsIn reads the redirect pages of an export: their URL and target.
func redirectsIn(t *testing.T, root string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, "content", "chuyen-huong", "*", "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var p export.RedirectPage
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if _, dup := out[p.URL]; dup {
			t.Errorf("two redirect pages at %s", p.URL)
		}
		out[p.URL] = p.Params["target"]
	}
	return out
}
