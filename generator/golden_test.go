package generator_test

import (
	"bytes"
	"flag"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/parser"
)

var update = flag.Bool("update", false, "rewrite the golden packages instead of comparing")

// goldenCase is testdata/<dir>/collection.json with its package name in
// testdata/<dir>/package; its expected output is golden/<package>/.
type goldenCase struct {
	dir, pkg string
}

func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	dirs, err := filepath.Glob("../testdata/*/package")
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	for _, p := range dirs {
		name, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, goldenCase{dir: filepath.Base(filepath.Dir(p)), pkg: strings.TrimSpace(string(name))})
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases found under testdata/")
	}
	return cases
}

// generateCase runs the generator as the CLI would from the repository root.
func generateCase(t *testing.T, c goldenCase) []generator.File {
	t.Helper()
	// The CLI records the input path relative to the output directory.
	source := "../../testdata/" + c.dir + "/collection.json"
	data, err := os.ReadFile(filepath.Join("..", "testdata", c.dir, "collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	coll, _, err := parser.Parse(source, data)
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := generator.Generate(coll, generator.Options{Package: c.pkg, Source: source, Input: data})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.dir, func(t *testing.T) {
			files := generateCase(t, c)
			again := generateCase(t, c)
			for i := range files {
				if !bytes.Equal(files[i].Content, again[i].Content) {
					t.Fatalf("%s differs between two runs on the same input", files[i].Name)
				}
			}
			dir := filepath.Join("..", "golden", c.pkg)
			if *update {
				updateGolden(t, dir, files)
				return
			}
			compareGolden(t, dir, files)
		})
	}
}

func compareGolden(t *testing.T, dir string, files []generator.File) {
	t.Helper()
	want := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (run make golden and review the diff)", err)
	}
	for _, e := range entries {
		if e.Name() == ".postman2go.lock" {
			continue // the CLI's lock when it wrote the directory (ignored by git)
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want[e.Name()] = data
	}
	for _, f := range files {
		w, ok := want[f.Name]
		delete(want, f.Name)
		if !ok {
			t.Errorf("%s/%s is generated but missing from golden (run make golden and review the diff)", dir, f.Name)
			continue
		}
		if !bytes.Equal(w, f.Content) {
			t.Errorf("%s/%s differs from the generator's output:\n%s", dir, f.Name, diff.Diff("golden", w, "generated", f.Content))
		}
		assertGenerated(t, f)
	}
	for name := range want {
		t.Errorf("%s/%s is in golden but no longer generated", dir, name)
	}
}

// assertGenerated checks the header that go/ast and go generate recognise.
func assertGenerated(t *testing.T, f generator.File) {
	t.Helper()
	file, err := goparser.ParseFile(token.NewFileSet(), f.Name, f.Content, goparser.ParseComments|goparser.PackageClauseOnly)
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	if !ast.IsGenerated(file) {
		t.Errorf("%s: ast.IsGenerated is false", f.Name)
	}
	if !bytes.HasPrefix(f.Content, []byte(generator.HeaderLine+"\n")) {
		t.Errorf("%s: first line is not %q", f.Name, generator.HeaderLine)
	}
}

func updateGolden(t *testing.T, dir string, files []generator.File) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := map[string]bool{}
	for _, f := range files {
		keep[f.Name] = true
		path := filepath.Join(dir, f.Name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, f.Content) {
			continue
		}
		if err := os.WriteFile(path, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !keep[e.Name()] {
			path := filepath.Join(dir, e.Name())
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			t.Logf("removed %s", path)
		}
	}
}
