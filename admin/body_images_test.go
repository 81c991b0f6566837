package admin_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/daison/portal/internal/imagecheck/imagetest"
	"github.com/daison/portal/internal/schema"
)

// TestBodyImagePickedBeforeSave: a photo the back office inserted into a
// new article's text before its first save, under the name it uploads the
// file with, is stored with the article and the text names the stored
// photo; a photo in the text that was never uploaded is still refused.
func TestBodyImagePickedBeforeSave(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	fields := map[string]string{"title": "Tin có ảnh trong bài", "category": "thong-bao", "status": "draft",
		"body": "Mở đầu.\n\n![Người dân ở quầy một cửa](anh-moi-k3x9.jpeg)\n\n- một\n- hai\n"}
	photo := imagetest.PNG(imagetest.Photo(640, 480))
	code, body := upload(w.H, http.MethodPost, "/api/collections/articles/records", w.Tokens[editor], fields,
		part{"bodyImages+", "anh-moi-k3x9.jpeg", photo})
	if code != http.StatusOK {
		t.Fatalf("saving with a photo picked before the first save: %d %s", code, body)
	}
	r, err := w.App.FindRecordById(schema.Articles, jsonField(t, body, "id"))
	if err != nil {
		t.Fatal(err)
	}
	names := r.GetStringSlice("bodyImages")
	if len(names) != 1 || !strings.HasPrefix(names[0], "anh_moi_k3x9") {
		t.Fatalf("stored photos for the text: %q", names)
	}
	if want := "![Người dân ở quầy một cửa](" + names[0] + ")"; !strings.Contains(r.GetString("body"), want) {
		t.Fatalf("the body does not name the stored photo %s:\n%s", names[0], r.GetString("body"))
	}

	// Another photo picked later on the saved article, beside the first.
	edited := r.GetString("body") + "\n![Sơ đồ](anh-moi-z1.png)\n"
	code, body = upload(w.H, http.MethodPatch, "/api/collections/articles/records/"+r.Id, w.Tokens[editor],
		map[string]string{"body": edited}, part{"bodyImages+", "anh-moi-z1.png", photo})
	if code != http.StatusOK {
		t.Fatalf("adding a second photo: %d %s", code, body)
	}
	r, _ = w.App.FindRecordById(schema.Articles, r.Id)
	names = r.GetStringSlice("bodyImages")
	if len(names) != 2 || !strings.Contains(r.GetString("body"), "("+names[0]+")") || !strings.Contains(r.GetString("body"), "![Sơ đồ]("+names[1]+")") {
		t.Fatalf("after the second photo: %q\n%s", names, r.GetString("body"))
	}

	// A name no file came with is refused, and nothing is stored.
	fields["body"] = "![Ảnh](anh-moi-khong-co.jpg)"
	code, body = upload(w.H, http.MethodPost, "/api/collections/articles/records", w.Tokens[editor], fields,
		part{"bodyImages+", "anh-moi-khac.jpg", photo})
	if msg := fieldMessage(t, "a photo never uploaded", code, body, "body"); !strings.Contains(msg, "“anh-moi-khong-co.jpg”") {
		t.Fatalf("refusal: %q", msg)
	}
}
