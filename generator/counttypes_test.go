package generator_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/generator"
	model "github.com/postman2go/postman2go/parser"
)

// parsedTypes counts the exported named types the non-test files declare,
// aliases excluded, by parsing them: what CountTypes must agree with.
func parsedTypes(t *testing.T, files []generator.File) int {
	n := 0
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					if ts := s.(*ast.TypeSpec); ts.Name.IsExported() && !ts.Assign.IsValid() {
						n++
					}
				}
			}
		}
	}
	return n
}

func TestParsedTypes(t *testing.T) {
	files := []generator.File{
		{Name: "a_gen.go", Content: []byte("package p\n\ntype A int\n\ntype (\n\tB struct{}\n\tC = int\n)\n\nfunc f() { type local int }\n")},
		{Name: "b_gen.go", Content: []byte("package p\n\nconst typeName = \"type X\"\n\ntype D[T any] struct{ v T }\n\ntype unexported int\n")},
		{Name: "examples_gen_test.go", Content: []byte("package p\n\ntype NotCounted int\n")},
	}
	if got := parsedTypes(t, files); got != 3 {
		t.Errorf("parsedTypes = %d, want 3 (A, B, D; not aliases, unexported, local or test types)", got)
	}
}

// TestCountTypes: the count Generate makes while it checks each file (the
// pieces of a large one included) is what parsing the files counts.
func TestCountTypes(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/*/collection.json")
	if len(paths) < 10 {
		t.Fatalf("%d test collections", len(paths))
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := model.Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		files, _, err := generator.Generate(c, generator.Options{Package: "client", Source: path, Input: data})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := generator.CountTypes(files), parsedTypes(t, files); got != want || got == 0 {
			t.Errorf("%s: CountTypes = %d, parsing the files counts %d", path, got, want)
		}
	}
}
