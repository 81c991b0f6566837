package backoffice

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// maxModuleLines is how long one JavaScript module of the back office may
// grow before it should be split.
const maxModuleLines = 300

// importRE finds the modules a module imports: `import … from './x.js'`,
// `import './x.js'`, `export … from './x.js'` and `import('./x.js')`.
var importRE = regexp.MustCompile(`(?m)(?:^\s*(?:import|export)\s[^;]*?\bfrom\s*|^\s*import\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]`)

// jsModules reads every module under assets/js: its path and the paths of
// the modules it imports, resolved against its folder.
func jsModules(t *testing.T) (map[string][]string, map[string]int) {
	t.Helper()
	deps := map[string][]string{}
	lines := map[string]int{}
	err := fs.WalkDir(UI(), "assets/js", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") {
			return err
		}
		src, err := fs.ReadFile(UI(), p)
		if err != nil {
			return err
		}
		lines[p] = strings.Count(string(src), "\n")
		deps[p] = []string{}
		for _, m := range importRE.FindAllStringSubmatch(string(src), -1) {
			spec := m[1]
			if !strings.HasPrefix(spec, ".") {
				t.Errorf("%s imports %q: the back office has no build step, so every import is a relative path", p, spec)
				continue
			}
			deps[p] = append(deps[p], path.Join(path.Dir(p), spec))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(deps) < 10 {
		t.Fatalf("found only %d modules under assets/js", len(deps))
	}
	return deps, lines
}

// The import parser finds every form of import the back office uses.
func TestImportPattern(t *testing.T) {
	src := "import { a, b } from './a.js';\nimport {\n  c,\n} from '../c.js';\nimport './side.js';\nexport { d } from \"./d.js\";\nconst e = await import('./e.js');\n// a word import in prose is not one\n"
	var got []string
	for _, m := range importRE.FindAllStringSubmatch(src, -1) {
		got = append(got, m[1])
	}
	want := []string{"./a.js", "../c.js", "./side.js", "./d.js", "./e.js"}
	if !slices.Equal(got, want) {
		t.Errorf("imports %q, want %q", got, want)
	}
}

// Every module imports only modules that exist, no module imports itself
// through others (main.js, the entry point, is imported by none), and none
// is longer than maxModuleLines.
func TestModulesHaveNoCycleAndStaySmall(t *testing.T) {
	deps, lines := jsModules(t)
	for p, n := range lines {
		if n > maxModuleLines {
			t.Errorf("%s has %d lines, more than %d: split it by what it does", p, n, maxModuleLines)
		}
	}
	for p, ds := range deps {
		for _, d := range ds {
			if _, ok := deps[d]; !ok {
				t.Errorf("%s imports %s, which does not exist", p, d)
			}
			if d == "assets/js/main.js" {
				t.Errorf("%s imports main.js, the entry point: import nav.js instead", p)
			}
		}
	}
	if cycle := findCycle(deps); cycle != nil {
		t.Errorf("import cycle: %s", strings.Join(cycle, " → "))
	}
}

// findCycle returns one cycle of the graph (its first module repeated at
// the end), or nil when there is none.
func findCycle(deps map[string][]string) []string {
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(string) []string
	visit = func(p string) []string {
		state[p] = open
		stack = append(stack, p)
		for _, d := range deps[p] {
			switch state[d] {
			case open:
				i := slices.Index(stack, d)
				return append(slices.Clone(stack[i:]), d)
			case unseen:
				if c := visit(d); c != nil {
					return c
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[p] = done
		return nil
	}
	names := make([]string, 0, len(deps))
	for p := range deps {
		names = append(names, p)
	}
	slices.Sort(names)
	for _, p := range names {
		if state[p] == unseen {
			if c := visit(p); c != nil {
				return c
			}
		}
	}
	return nil
}

// The cycle finder finds a cycle and only a cycle.
func TestFindCycle(t *testing.T) {
	acyclic := map[string][]string{"a": {"b", "c"}, "b": {"c"}, "c": {}}
	if c := findCycle(acyclic); c != nil {
		t.Errorf("acyclic graph: cycle %v", c)
	}
	cyclic := map[string][]string{"main": {"v"}, "v": {"u", "main"}, "u": {}}
	if c := findCycle(cyclic); !slices.Equal(c, []string{"main", "v", "main"}) {
		t.Errorf("cyclic graph: cycle %v, want main → v → main", c)
	}
}
