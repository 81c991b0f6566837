package record

// Form is how the back office shows a kind whose form is not written in
// its collections.js: its menu entry, its list and its form's fields, in
// the shape of that file's entries (meta.json sends it with the kind).
type Form struct {
	// Path is its address in the back office: /quan-tri/<path>/.
	Path string `json:"path"`
	// Title names the list and its menu entry; One a record in a
	// sentence; NewLabel the button that adds one.
	Title    string `json:"title"`
	One      string `json:"one"`
	NewLabel string `json:"newLabel"`
	// Search are the fields the list's search looks in.
	Search []string `json:"search"`
	// Column is the list's own column.
	Column Column `json:"column"`
	// Sort is the list's order (PocketBase's sort; default newest first).
	Sort string `json:"sort,omitempty"`
	// Fields are the form's fields, in order.
	Fields []FormField `json:"fields"`
}

// Column is a list's own column: a field and its heading.
type Column struct {
	Field string `json:"field"`
	Label string `json:"label"`
}

// FormField is a field of a form: its name, label, widget (one of the back
// office's: "text", "textarea", "markdown", "date", "image", "bool",
// "number", "url", "slug"…) and the hint under it.
type FormField struct {
	Name   string `json:"name"`
	Label  string `json:"label"`
	Widget string `json:"widget"`
	Hint   string `json:"hint,omitempty"`
	Rows   int    `json:"rows,omitempty"`
}
