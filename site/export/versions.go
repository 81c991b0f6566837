package export

// Versions are the records an export put on the site, by collection and
// id, each with the "updated" stamp of the version exported: what a build
// made from the export holds, for the back office to tell staff whether
// the version they saved is live.
type Versions map[string]map[string]string

// Has reports whether the export held the version of the record updated
// at updated.
func (v Versions) Has(collection, id, updated string) bool {
	got, ok := v[collection][id]
	return ok && got == updated
}
