package search

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"

	"github.com/daison/portal/internal/schema"
	"github.com/daison/portal/internal/vnsearch"
)

// Synonyms reads the search synonyms staff keep (none if the collection
// is missing: a database from before it).
func Synonyms(app core.App) ([]vnsearch.Synonym, error) {
	if _, err := app.FindCachedCollectionByNameOrId(schema.SearchSynonyms); err != nil {
		return nil, nil
	}
	rs, err := app.FindRecordsByFilter(schema.SearchSynonyms, "", "phrase", 0, 0)
	if err != nil {
		return nil, fmt.Errorf("đọc từ đồng nghĩa tìm kiếm: %w", err)
	}
	out := make([]vnsearch.Synonym, 0, len(rs))
	for _, r := range rs {
		out = append(out, vnsearch.Synonym{From: r.GetString("phrase"), To: r.GetString("means")})
	}
	return out, nil
}
