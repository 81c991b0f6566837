package site

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// pageFailure is one page Hugo failed to render, as its worker reads it
// from Hugo's error: the page's content file and where in the templates it
// failed.
type pageFailure struct {
	// File is the page's content file relative to the source folder
	// ("content/huong-dan/lam-cccd/index.md"); empty for a page without
	// one (the sitemap, a taxonomy page Hugo made up).
	File string `json:"file,omitempty"`
	// Templates are the templates the failure went through, outermost
	// first: the page's layout, then the partials it called.
	Templates []templateLine `json:"templates,omitempty"`
}

// templateLine is a place in a template.
type templateLine struct {
	Name string `json:"name"` // relative to layouts/: "_partials/chart/bars.html"
	Line int    `json:"line"`
}

// where is the innermost place a page failed: the template and line staff
// are told of (empty if Hugo named none).
func (f pageFailure) where() templateLine {
	if len(f.Templates) == 0 {
		return templateLine{}
	}
	return f.Templates[len(f.Templates)-1]
}

// renderOf finds the page of a render failure ("render of "/…/index.md"
// failed").
var renderOf = regexp.MustCompile(`render of "([^"]+)" failed`)

// pageFailures reads the pages a Hugo build failed on from its error: Hugo
// joins one error per distinct failure (at most ten; pages that fail the
// same way are named once), each starting "render of "<file>" failed".
// Errors that are not a page's (a template that does not parse, the
// configuration) give none.
func pageFailures(err error, source string) []pageFailure {
	if err == nil {
		return nil
	}
	msg := err.Error()
	starts := renderOf.FindAllStringSubmatchIndex(msg, -1)
	var out []pageFailure
	for i, m := range starts {
		end := len(msg)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		part := msg[m[0]:end]
		f := pageFailure{}
		file := msg[m[2]:m[3]]
		f.File = relTo(source, file)
		for _, t := range templateAt.FindAllStringSubmatch(part, -1) {
			line, _ := strconv.Atoi(t[2])
			tl := templateLine{Name: t[1], Line: line}
			if n := len(f.Templates); n == 0 || f.Templates[n-1] != tl {
				f.Templates = append(f.Templates, tl)
			}
		}
		out = append(out, f)
	}
	return out
}

// relTo is file relative to the folder source (resolved too: Hugo may name
// a file by its real path), with slashes, or "" when it is not inside it.
func relTo(source, file string) string {
	roots := []string{source}
	if real, err := filepath.EvalSymlinks(source); err == nil && real != source {
		roots = append(roots, real)
	}
	for _, root := range roots {
		if rel, err := filepath.Rel(root, filepath.FromSlash(file)); err == nil && !strings.HasPrefix(rel, "..") && !filepath.IsAbs(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return ""
}
