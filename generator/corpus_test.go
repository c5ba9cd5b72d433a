package generator_test

import (
	"bytes"
	"fmt"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/parser"
)

// corpusDir is ../shared/corpus seen from the repository root: CI clones the
// repository next to a copy of shared/.
const corpusDir = "../../shared/corpus"

// TestCorpus generates a client for every real collection in the corpus
// into one temporary module and requires that all of them build and vet, and
// that no string literal in their request-building code carries a Postman
// {{variable}} (it would be sent literally).
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a package per corpus collection; skipped with -short")
	}
	inputs, err := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		if _, err := os.Stat(corpusDir); err != nil {
			t.Skipf("no corpus: %s is absent (clone the repository next to shared/ to run this test)", corpusDir)
		}
		t.Fatalf("%s holds no *.json collections", corpusDir)
	}
	mod := t.TempDir()
	writeFile(t, filepath.Join(mod, "go.mod"), []byte("module corpustest\n\ngo 1.26\n"))
	for _, in := range inputs {
		base := strings.TrimSuffix(filepath.Base(in), ".json")
		base = strings.TrimSuffix(base, ".postman_collection")
		pkg := generator.PackageName(base)
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		coll, _, err := parser.Parse(filepath.Base(in), data)
		if err != nil {
			t.Errorf("%s: %v", base, err)
			continue
		}
		files, _, err := generator.Generate(coll, generator.Options{Package: pkg, Source: filepath.Base(in), Input: data})
		if err != nil {
			t.Errorf("%s: %v", base, err)
			continue
		}
		if len(coll.Requests()) > 0 && !hasFile(files, "operations_gen.go") {
			t.Errorf("%s: %d requests but no operations_gen.go", base, len(coll.Requests()))
		}
		dir := filepath.Join(mod, pkg)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			writeFile(t, filepath.Join(dir, f.Name), f.Content)
			if f.Name != "operations_gen.go" && f.Name != "api_gen.go" {
				continue // request building and the base URL live there
			}
			lits, methods := wireLiterals(t, f)
			for _, lit := range lits {
				t.Errorf("%s/%s: string literal %s would send a Postman variable literally", pkg, f.Name, lit)
			}
			if f.Name == "operations_gen.go" && methods != len(coll.Requests())+pagingMethods(f) {
				t.Errorf("%s: %d requests (and %d paging methods) but %d methods", pkg, len(coll.Requests()), pagingMethods(f), methods)
			}
		}
	}
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		cmd := exec.Command(goTool, args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s in the corpus module: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

func hasFile(files []generator.File, name string) bool {
	for _, f := range files {
		if f.Name == name {
			return true
		}
	}
	return false
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// wireLiterals returns the string literals of a generated file's code (not
// its comments) that contain "{{", and the number of methods it declares.
// The generated code never needs such a literal: every variable is a setting
// or a parameter, every dynamic variable a helper call.
func wireLiterals(t *testing.T, f generator.File) ([]string, int) {
	t.Helper()
	file, err := goparser.ParseFile(token.NewFileSet(), f.Name, f.Content, goparser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	var bad []string
	methods := 0
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
			methods++
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s (unquote: %v)", lit.Value, err))
			return true
		}
		if strings.Contains(s, "{{") {
			bad = append(bad, lit.Value)
		}
		return true
	})
	return bad, methods
}

// pagingMethods counts the paging iterators and their items helpers in an
// operations file: the methods that are no operation of their own.
func pagingMethods(f generator.File) int {
	return bytes.Count(f.Content, []byte(") iter.Seq2[")) + bytes.Count(f.Content, []byte(") items() []"))
}
