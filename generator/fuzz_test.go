package generator_test

import (
	"go/ast"
	"go/importer"
	goparser "go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/parser"
	"github.com/postman2go/postman2go/templates"
)

// FuzzGenerate: any collection that parses generates a package that
// go/parser accepts and go/types type-checks, with no injected code.
func FuzzGenerate(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/*/collection.json")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		if len(data) < 256<<10 { // large seeds make every mutation slow
			f.Add(data)
		}
	}
	f.Add([]byte(`{"info":{"name":"x"},"item":[{"name":"a b","request":{"method":"post","url":"{{h}}/a/:id?x=1&y","body":{"mode":"urlencoded","urlencoded":[{"key":"k","value":"1.5"}]}}}]}`))
	// Every payload of the injection test, in every text position, and the
	// routes issue 11 found: a Content-Type, a {{$...}} variable name, a
	// response header name and a method with line breaks.
	for _, p := range payloads {
		f.Add(hostileCollection(p))
	}
	for _, s := range []string{
		`{"info":{"name":"x"},"item":[{"name":"r","request":{"method":"PUT","url":"https://h.test/r","header":[{"key":"Content-Type","value":"text/plain)\nBody []byte\n}\n\nfunc init() { println(1) }\n\ntype x struct {\n// ("}],"body":{"mode":"raw","raw":"x"}}}]}`,
		`{"info":{"name":"x"},"item":[{"name":"r","request":{"method":"GET","url":"https://h.test/r?a={{$random\nX int\n}}"}}]}`,
		`{"info":{"name":"x"},"item":[{"name":"r","request":{"method":"GET","url":"https://h.test/r"},"response":[{"name":"ok","code":200,"header":[{"key":"X-A\n}\nfunc init() {}\nvar _ = struct{\n","value":"1"}],"body":"{}"}]}]}`,
		`{"info":{"name":"x"},"item":[{"name":"r","request":{"method":"GET\n//go:generate touch pwned","url":"https://h.test/r"}}]}`,
		`{"info":{"name":"x"},"item":[{"name":"r","request":{"method":"POST","url":"https://h.test/r","body":{"mode":"raw","raw":"{\"price€\":1,\"😀\":2,\"a\u00a0b\":3}","options":{"raw":{"language":"json"}}}}}]}`,
		`{"info":{"name":"x"},"item":[{"name":"r","request":{"method":"GET","url":"{{region}}.h.test:{{port}}/r","auth":{"type":"bearer","bearer":[{"key":"token","value":"t"}]}}}]}`,
	} {
		f.Add([]byte(s))
	}
	imp := importer.Default()
	// The importer builds a standard package's export data with go list the
	// first time the package is imported, which takes seconds: the fuzzer
	// took an input that first imports one for a hung worker. Every worker
	// imports them all before fuzzing.
	for _, path := range fuzzImports(f) {
		if _, err := imp.Import(path); err != nil {
			f.Fatalf("importing %s: %v", path, err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _, err := parser.Parse("fuzz.json", data)
		if err != nil {
			return
		}
		files, _, err := generator.Generate(c, generator.Options{Package: "fuzzed", Source: "fuzz.json", Input: data})
		if err != nil {
			t.Fatalf("Generate failed on a parsed collection: %v", err)
		}
		fset := token.NewFileSet()
		var parsed []*ast.File
		for _, file := range files {
			if strings.HasSuffix(file.Name, "_test.go") {
				continue
			}
			af, err := goparser.ParseFile(fset, file.Name, file.Content, goparser.SkipObjectResolution)
			if err != nil {
				t.Fatalf("%s does not parse: %v\n%s", file.Name, err, file.Content)
			}
			parsed = append(parsed, af)
		}
		conf := types.Config{Importer: imp}
		if _, err := conf.Check("fuzzed", fset, parsed, nil); err != nil {
			t.Fatalf("generated package does not type-check: %v", err)
		}
		assertNoInjection(t, files)
	})
}

// fuzzImports are the packages a generated package may import: the
// runtime's and the emitters'.
func fuzzImports(f *testing.F) []string {
	seen := map[string]bool{"maps": true, "slices": true, "time": true, "encoding/json": true, "strconv": true, "io": true}
	fset := token.NewFileSet()
	for _, t := range templates.Runtime() {
		af, err := goparser.ParseFile(fset, t.Name, t.Content, goparser.ImportsOnly)
		if err != nil {
			f.Fatal(err)
		}
		for _, imp := range af.Imports {
			seen[strings.Trim(imp.Path.Value, `"`)] = true
		}
	}
	paths := make([]string, 0, len(seen))
	for p := range seen {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}
