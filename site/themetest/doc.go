// Package themetest holds the template tests of the portal's Hugo theme
// (themes/daison): each test builds a small site in memory with Hugo's own
// integration-test builder (hugolib.Test), the project's hugo.toml and the
// theme's real files read from disk, and asserts what the partials and
// render hooks that carry logic write. The package has no code of its own;
// nothing imports it, so Hugo's test builder stays out of the portal's
// binary and out of site/'s import graph.
package themetest
