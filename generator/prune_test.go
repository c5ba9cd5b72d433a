package generator_test

import (
	"go/ast"
	"go/importer"
	goparser "go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/templates"
)

// TestRuntimeCarriesOnlyWhatItUses type-checks every golden package and
// fails on an unexported top-level function, type, var or const of its
// runtime files that nothing uses (staticcheck's U1000): the generator
// leaves out what a package does not need. Methods are not checked here
// (an unexported method may be called through an interface).
func TestRuntimeCarriesOnlyWhatItUses(t *testing.T) {
	runtimeFiles := map[string]bool{}
	for _, tf := range templates.Runtime() {
		runtimeFiles[strings.TrimSuffix(tf.Name, ".go")+"_gen.go"] = true
	}
	imp := importer.Default()
	checked := 0
	for _, c := range goldenCases(t) {
		dir := filepath.Join("..", "golden", c.pkg)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		var files []*ast.File
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			f, err := goparser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, goparser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
		if _, err := (&types.Config{Importer: imp}).Check(c.pkg, fset, files, info); err != nil {
			t.Fatalf("%s: %v", c.pkg, err)
		}
		used := map[types.Object]bool{}
		for _, obj := range info.Uses {
			used[obj] = true
		}
		for id, obj := range info.Defs {
			if obj == nil || obj.Parent() != obj.Pkg().Scope() || id.IsExported() || id.Name == "_" {
				continue // not a package-level name, or API
			}
			if !runtimeFiles[filepath.Base(fset.Position(id.Pos()).Filename)] {
				continue
			}
			checked++
			if !used[obj] {
				t.Errorf("%s: %s %s is never used", c.pkg, fset.Position(id.Pos()), id.Name)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no runtime name checked")
	}
}
