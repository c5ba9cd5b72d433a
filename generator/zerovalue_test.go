package generator_test

import (
	"fmt"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// jsonStruct is one struct of a golden package's types_gen.go: its name and,
// per JSON key, whether the key may be left out (omitzero).
type jsonStruct struct {
	name     string
	optional map[string]bool
}

// goldenJSONStructs reads the synthesized JSON types of golden/<pkg>.
func goldenJSONStructs(t *testing.T, pkg string) []jsonStruct {
	t.Helper()
	path := filepath.Join("..", "golden", pkg, "types_gen.go")
	f, err := goparser.ParseFile(token.NewFileSet(), path, nil, goparser.SkipObjectResolution)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []jsonStruct
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			return false
		}
		js := jsonStruct{name: ts.Name.Name, optional: map[string]bool{}}
		for _, fld := range st.Fields.List {
			if fld.Tag == nil {
				continue
			}
			tag, _ := strconv.Unquote(fld.Tag.Value)
			key, opts, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
			js.optional[key] = strings.Contains(opts, "omitzero")
		}
		out = append(out, js)
		return false
	})
	return out
}

// TestZeroValuesSendNoOptionalKey marshals the zero value of every JSON type
// of every golden package (in a copy of the package, with a test written for
// it) and asserts that no optional key appears and no key is null: an unset
// value is not sent.
func TestZeroValuesSendNoOptionalKey(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every golden package")
	}
	tmp := t.TempDir()
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte("module zerocheck\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, c := range goldenCases(t) {
		structs := goldenJSONStructs(t, c.pkg)
		if len(structs) == 0 {
			continue
		}
		dir := filepath.Join(tmp, c.pkg)
		if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "golden", c.pkg))); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"encoding/json\"\n\t\"testing\"\n)\n\n", c.pkg)
		b.WriteString("func TestZeroValues(t *testing.T) {\n\tcases := []struct {\n\t\tname     string\n\t\tv        any\n\t\toptional map[string]bool\n\t}{\n")
		for _, s := range structs {
			keys := make([]string, 0, len(s.optional))
			for k, opt := range s.optional {
				if opt {
					keys = append(keys, strconv.Quote(k)+": true")
				}
			}
			sort.Strings(keys)
			fmt.Fprintf(&b, "\t\t{%q, %s{}, map[string]bool{%s}},\n", s.name, s.name, strings.Join(keys, ", "))
			checked++
		}
		b.WriteString(`	}
	for _, c := range cases {
		data, err := json.Marshal(c.v)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got map[string]json.RawMessage
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatalf("%s: %s: %v", c.name, data, err)
		}
		for k, v := range got {
			if c.optional[k] || string(v) == "null" {
				t.Errorf("%s{} sends %q: %s", c.name, k, v)
			}
		}
	}
}
`)
		if err := os.WriteFile(filepath.Join(dir, "zero_test.go"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if checked == 0 {
		t.Fatal("no JSON type found in golden/: the scan is broken")
	}
	cmd := exec.Command("go", "test", "-count=1", "-run", "TestZeroValues", "./...")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("zero values of %d JSON types:\n%s", checked, out)
	}
	t.Logf("zero values of %d JSON types checked", checked)
}
