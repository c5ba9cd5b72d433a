package generator_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/importer"
	goparser "go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/parser"
)

// emittedFiles are the files jennifer writes from collection data; the
// others are copies of templates/runtime.
var emittedFiles = map[string]bool{
	"doc_gen.go": true, "api_gen.go": true, "operations_gen.go": true,
	"params_gen.go": true, "enums_gen.go": true, "responses_gen.go": true,
}

// assertNoInjection checks that no collection text became code or a
// directive: every line that looks like a directive is our header, the
// emitted files declare no init function, call no panic and import only
// what the generator itself uses.
func assertNoInjection(t *testing.T, files []generator.File) {
	t.Helper()
	fset := token.NewFileSet()
	for _, f := range files {
		if !utf8.Valid(f.Content) || bytes.ContainsAny(f.Content, "\x00\ufeff\u2028\u2029") {
			t.Errorf("%s: invalid UTF-8, NUL, BOM or a line separator in the source", f.Name)
		}
		for i, line := range strings.Split(string(f.Content), "\n") {
			trimmed := strings.TrimSpace(line)
			if !emittedFiles[f.Name] && line == "//go:noinline" {
				continue // the runtime's own (asserted verbatim from the templates elsewhere)
			}
			if strings.HasPrefix(trimmed, "//go:") || strings.HasPrefix(trimmed, "//line ") || strings.HasPrefix(trimmed, "/*") ||
				strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(trimmed, "//")), "+build") {
				t.Errorf("%s:%d: directive-like line %q", f.Name, i+1, line)
			}
		}
		if !emittedFiles[f.Name] {
			continue
		}
		file, err := goparser.ParseFile(fset, f.Name, f.Content, goparser.ParseComments)
		if err != nil {
			t.Fatalf("%s does not parse: %v", f.Name, err)
		}
		for _, imp := range file.Imports {
			switch imp.Path.Value {
			case `"context"`, `"fmt"`, `"strconv"`, `"net/http"`, `"io"`, `"encoding/json"`, `"time"`, `"maps"`, `"slices"`, `"iter"`: // maps, slices: bracketed map keys sent sorted; iter: paging
			default:
				t.Errorf("%s imports %s", f.Name, imp.Path.Value)
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Name.Name == "init" || n.Name.Name == "main" {
					t.Errorf("%s declares func %s", f.Name, n.Name.Name)
				}
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "panic" {
					t.Errorf("%s calls panic at %s", f.Name, fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
}

// typeCheck parses and type-checks a generated package.
func typeCheck(t *testing.T, files []generator.File) {
	t.Helper()
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		if strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		file, err := goparser.ParseFile(fset, f.Name, f.Content, goparser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parsed = append(parsed, file)
	}
	conf := types.Config{Importer: importer.Default()}
	if _, err := conf.Check("generated", fset, parsed, nil); err != nil {
		t.Fatalf("generated package does not type-check: %v", err)
	}
}

func generateJSON(t *testing.T, pkg string, data []byte) []generator.File {
	t.Helper()
	coll, _, err := parser.Parse("collection.json", data)
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := generator.Generate(coll, generator.Options{Package: pkg, Source: "collection.json", Input: data})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestHostileFixture(t *testing.T) {
	files := generateCase(t, goldenCase{dir: "hostile", pkg: "hostile"})
	assertNoInjection(t, files)
	typeCheck(t, files)
}

func TestHostileDeepNesting(t *testing.T) {
	depth := 10000
	var b strings.Builder
	b.WriteString(`{"info":{"name":"deep","schema":"v2.1.0"},"item":[`)
	for i := 0; i < depth; i++ {
		b.WriteString(`{"name":"f */ x","item":[`)
	}
	b.WriteString(`{"name":"leaf","request":"https://example.test/leaf"}`)
	for i := 0; i < depth; i++ {
		b.WriteString(`]}`)
	}
	b.WriteString(`]}`)
	_, _, err := parser.Parse("collection.json", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "nested more than") || !strings.Contains(err.Error(), "item[0].item[0]") {
		t.Fatalf("10,000-deep folders: err = %.300v, want a clear nesting error naming the item", err)
	}
	// At the limit it still generates.
	depth = parser.MaxDepth - 1
	b.Reset()
	b.WriteString(`{"info":{"name":"deep","schema":"v2.1.0"},"item":[`)
	b.WriteString(strings.Repeat(`{"name":"f */ x","item":[`, depth))
	b.WriteString(`{"name":"leaf","request":"https://example.test/leaf"}`)
	b.WriteString(strings.Repeat(`]}`, depth))
	b.WriteString(`]}`)
	files := generateJSON(t, "deep", []byte(b.String()))
	assertNoInjection(t, files)
	typeCheck(t, files)
}

func TestHostileHugeDescription(t *testing.T) {
	huge := strings.Repeat("lorem ipsum */ func init() {} //go:generate x\\n", 50<<20/48)
	data := []byte(fmt.Sprintf(`{"info":{"name":"huge","schema":"v2.1.0"},"item":[{"name":"big","request":{"url":"https://example.test/x","description":"%s"}}]}`, huge))
	files := generateJSON(t, "huge", data)
	assertNoInjection(t, files)
	total := 0
	for _, f := range files {
		total += len(f.Content)
	}
	if total > 1<<20 {
		t.Errorf("a 50 MB description produced %d bytes of Go; descriptions are bounded", total)
	}
	typeCheck(t, files)
}
