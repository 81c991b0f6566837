package schema

// SearchSynonyms is the staff-kept list of what citizens type and what it
// means for search ("sổ đỏ" → "giấy chứng nhận quyền sử dụng đất"):
// fields phrase and means. Editors and reviewers keep it; the site's search
// reads it with each build.
const SearchSynonyms = "searchSynonyms"
