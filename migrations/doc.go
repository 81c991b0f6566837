// Package migrations owns the shape of the portal's database: each file is
// one step that creates or changes collections, their fields with their
// limits, indexes and API rules (names and the public read rule from
// internal/schema), registered with PocketBase when the package is
// imported and run by "serve", "migrate" and the tests, each with a down
// function. A released step is history: later changes go into new files.
package migrations
