package v3

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/postman2go/postman2go/parser"
)

// FuzzParseDir feeds the same bytes to a collection as a request file, a
// folder definition and an example: ParseFS must not panic (ParseFS turns
// a panic into an internal error, which fails here), an error must be a
// parser.ErrorList naming a file, and a collection must come with no error.
func FuzzParseDir(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/v3-*/*.request.yaml")
	more, _ := filepath.Glob("../../testdata/v3-*/.resources/*.resources/examples/*.example.yaml")
	defs, _ := filepath.Glob("../../testdata/v3-*/.resources/definition.yaml")
	for _, p := range append(append(seeds, more...), defs...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("$kind: http-request\nurl: {{baseUrl}}/x\n"))
	f.Add([]byte("a: &a [*a, *a]\nb: *a\n"))
	f.Add([]byte("<<: {url: x}\n$kind: graphql-request\nvariables: {a: [1, 2.5, true, null, 0x10]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"R.request.yaml":                                 {Data: data},
			"F/.resources/definition.yaml":                   {Data: data},
			"F/S.request.yml":                                {Data: []byte("$kind: http-request\nurl: https://x/\n")},
			".resources/R.resources/examples/E.example.yaml": {Data: data},
		}
		c, warns, err := ParseFS(fsys, "fuzz")
		for _, w := range warns {
			_ = w.Error()
		}
		if err != nil {
			l, ok := err.(parser.ErrorList)
			if !ok || len(l) == 0 {
				t.Fatalf("error %T %v", err, err)
			}
			for _, d := range l {
				if strings.Contains(d.Msg, "internal error") {
					t.Fatal(d)
				}
				if d.File == "" {
					t.Fatalf("error names no file: %v", d)
				}
			}
			if c != nil {
				t.Fatal("a collection with an error")
			}
			return
		}
		if c == nil {
			t.Fatal("no collection and no error")
		}
		c.Requests()
		ParseEnvironmentBytes("e.yaml", data)
	})
}
