package parser_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/parser"
)

// maxDiagnostic bounds the length of a diagnostic line, whatever the input.
const maxDiagnostic = 4096

// FuzzParse: any bytes give a collection or an error, never a panic, and a
// parsed collection can always be walked. Diagnostics stay short.
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
		// Repeated keys: the last one is used, everywhere.
		`{"info":{"name":"a","name":"b"},"item":[{"name":"x","request":{"method":"GET","method":"POST","url":"u","url":{"raw":"v"}},"name":"y"}],"item":[]}`,
		`{"item":[{"request":{"url":{"host":["a"],"host":"b","path":"c","path":[1]},"auth":{"type":"basic","basic":{"u":1,"u":2},"type":"apikey","apikey":[{"key":"k","key":"l"}]}}}]}`,
		`{"item":[{"n\u0061me":"a","name":"b","item":[],"item":[{"request":"u"}]}],"variable":[{"key":"a","key":{}}]}`,
		`{"id":"1","name":"v1","order":["r"],"order":["r","r"],"requests":[{"id":"r","id":"s","method":"GET","method":"PUT","helperAttributes":{"a":1,"a":2},"currentHelper":"basicAuth"}]}`,
		// A byte order mark, UTF-16.
		"\uFEFF{\"info\":{},\"item\":[]}", "\uFEFF", "\uFEFF\uFEFF{}", "\xff\xfe{\x00}\x00",
		// Hostile strings: newlines in header names, variable names and
		// methods, NUL, line separators, comment closers, lone surrogates.
		`{"item":[{"request":{"url":"u","header":[{"key":"X-A\nB","value":"v\r\nw"},{"key":"","value":"\u0000"}]}}]}`,
		`{"item":[{"request":{"url":"u","header":"A: b\nC\n: d\r\n// E: f"}}]}`,
		`{"variable":[{"key":"a\n","value":"1"},{"key":"}}","value":"{{"}],"item":[{"request":{"url":"https://{{a\n}}/x{{/:id?{{q}}={{\n}}#{{","method":"GET\nX"}}]}`,
		`{"item":[{"name":"*/ \u2028\u2029 \ud800 \u0000","request":{"method":"\r\n","url":{"raw":"h:{{p}}","port":"\n","query":[{"key":"a\nb","value":null}]}}}]}`,
		`{"item":[{"request":{"url":1e999999,"body":{"mode":"formdata","formdata":[{"key":"\n","type":"fi\nle","src":["\n"]}]}}}]}`,
		`{"id":"c","name":"c","order":[],"requests":[],"folders_order":["a"],"folders":[{"id":"a","folders_order":["b"]},{"id":"b","folders_order":["a"]}]}`,
		"{\"item\":[{\"request\":{\"method\":\"GET\nX\",\"url\":\"u\",\"header\":[{\"key\":\"A\r\nB\"}]}}]}", // raw newlines: not JSON
	} {
		f.Add([]byte(s))
	}
	// Deep nesting: folders just within and beyond MaxDepth, and JSON
	// nested beyond MaxJSONDepth.
	for _, depth := range []int{parser.MaxDepth, parser.MaxDepth + 1, parser.MaxDepth + 100} {
		f.Add([]byte(`{"item":[` + strings.Repeat(`{"name":"f","item":[`, depth) + `{"request":"u"}` + strings.Repeat(`]}`, depth) + `]}`))
	}
	f.Add([]byte(strings.Repeat("[", parser.MaxJSONDepth+1) + strings.Repeat("]", parser.MaxJSONDepth+1)))
	f.Add([]byte(`{"item":[{"request":{"url":"u","body":{"mode":"graphql","graphql":{"variables":` + strings.Repeat(`{"a":`, 400) + "1" + strings.Repeat("}", 400) + `}}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, warns, err := parser.Parse("fuzz.json", data)
		for _, w := range warns {
			if n := len(w.Error()); n > maxDiagnostic {
				t.Fatalf("warning of %d bytes: %.300s", n, w)
			}
		}
		if err != nil {
			if c != nil {
				t.Fatalf("Parse returned a collection and an error: %v", err)
			}
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			var list parser.ErrorList
			if errors.As(err, &list) {
				for _, d := range list {
					if n := len(d.Error()); n > maxDiagnostic {
						t.Fatalf("error of %d bytes: %.300s", n, d)
					}
				}
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
