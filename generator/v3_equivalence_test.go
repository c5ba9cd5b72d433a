package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/parser"
	v3 "github.com/postman2go/postman2go/parser/v3"
)

// A v3 case is a v3 collection directory and its v2.1 twin: generating
// from either must give the same Go files, byte for byte, but for the
// header line that names the source and its hash.
type v3Case struct {
	dir  string // testdata/<dir>: the v3 collection
	twin string // the v2.1 (or v2.0) collection, relative to testdata/
	pkg  string
}

// v3Cases: the migrated ones were made by the Postman CLI (postman-cli
// 1.34.0) with `postman collection migrate testdata/<case>/collection.json
// -o testdata/v3-<case>`, except format-auth: the migrator refuses v2.0
// files and, given the file relabelled v2.1, drops auth blocks written in
// v2.0's object form (the collection's bearer, the folder's basic, the
// oauth2 of "Prefixed token"); its v3 was migrated from a copy with those
// blocks in v2.1's array form, and the test compares it with the original
// v2.0 file, which package parser reads to the same model. The hand-written
// ones hold the forms the migrator does not write, each with its v2.1 twin
// beside it in twin.postman_collection.json.
var v3Cases = []v3Case{
	{"v3-zoom-im-group", "zoom-im-group/collection.json", "zoomim"},
	{"v3-format-bodies", "format-bodies/collection.json", "bodies"},
	{"v3-format-auth", "format-auth/collection.json", "authz"},
	{"v3-types-json", "types-json/collection.json", "typesjson"},
	{"v3-example-values", "example-values/collection.json", "examplevalues"},
	{"v3-format-variables", "format-variables/collection.json", "vars"},
	{"v3-format-names", "format-names/collection.json", "names"},
	{"v3-bracket-keys", "bracket-keys/collection.json", "brackets"},
	{"v3-runtime-wire", "runtime-wire/collection.json", "runtimewire"},
	{"v3-types-evidence", "types-evidence/collection.json", "evidence"},
	{"v3-hostile", "hostile/collection.json", "hostile"},
}

func TestV3Equivalence(t *testing.T) {
	for _, c := range v3Cases {
		t.Run(c.dir, func(t *testing.T) {
			want := generateTwin(t, c)
			got := generateV3(t, c)
			compareV3(t, want, got)
		})
	}
}

func generateTwin(t *testing.T, c v3Case) []generator.File {
	t.Helper()
	source := "../../testdata/" + c.twin
	data, err := os.ReadFile(filepath.Join("..", "testdata", filepath.FromSlash(c.twin)))
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

func generateV3(t *testing.T, c v3Case) []generator.File {
	t.Helper()
	root := filepath.Join("..", "testdata", c.dir)
	coll, warns, err := v3.ParseDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warns {
		t.Logf("warning: %s", w)
	}
	inputs, err := v3.InputFiles(root)
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := generator.Generate(coll, generator.Options{Package: c.pkg, Source: "../../testdata/" + c.dir, Input: v3.Bundle(inputs)})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// dropSource removes the header line that names the input and its hash;
// it must be there, once.
func dropSource(t *testing.T, f generator.File) []byte {
	t.Helper()
	lines := bytes.SplitAfter(f.Content, []byte("\n"))
	var out []byte
	n := 0
	for i, l := range lines {
		if i < 5 && bytes.HasPrefix(l, []byte("// Source: ")) {
			n++
			continue
		}
		out = append(out, l...)
	}
	if n != 1 && strings.HasSuffix(f.Name, ".go") {
		t.Errorf("%s: %d Source lines in the header, want 1", f.Name, n)
	}
	return out
}

func compareV3(t *testing.T, want, got []generator.File) {
	t.Helper()
	names := func(fs []generator.File) string {
		var s []string
		for _, f := range fs {
			s = append(s, f.Name)
		}
		return strings.Join(s, " ")
	}
	if names(want) != names(got) {
		t.Fatalf("files differ:\nv2.1: %s\nv3:   %s", names(want), names(got))
	}
	for i := range want {
		w, g := dropSource(t, want[i]), dropSource(t, got[i])
		if !bytes.Equal(w, g) {
			t.Errorf("%s differs:\n%s", want[i].Name, diff.Diff("v2.1", w, "v3", g))
		}
	}
}
