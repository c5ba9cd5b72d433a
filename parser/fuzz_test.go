package parser_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/postman2go/postman2go/parser"
)

// FuzzParse: any bytes give a collection or an error, never a panic, and a
// parsed collection can always be walked.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/*/collection.json")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		`{}`, `[]`, `{"item":5}`, `{"info":{},"item":[{"request":5}]}`,
		`{"info":{"schema":"v2.0.0"},"item":[{"name":"a","request":{"url":{"host":5,"path":[{"value":1}]},"auth":{"type":"basic","basic":{"username":1}}}}]}`,
		`{"id":"1","name":"v1","order":[],"requests":[]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _, err := parser.Parse("fuzz.json", data)
		if err != nil {
			if c != nil {
				t.Fatalf("Parse returned a collection and an error: %v", err)
			}
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		for _, r := range c.Requests() {
			if r.Request == nil {
				t.Fatalf("request item %q without a request", r.Name)
			}
		}
	})
}
