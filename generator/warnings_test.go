package generator_test

import (
	"os"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/parser"
)

// TestWarnings checks that what the client cannot do is reported once per
// cause, naming the item and its JSON path.
func TestWarnings(t *testing.T) {
	tests := []struct {
		dir  string
		want []string
	}{
		{"format-auth", []string{
			`testdata/format-auth/collection.json:25:5: item "Digest" (item[4]): auth "digest" is not implemented by the client; add it with WithRequestEditor`,
			`testdata/format-auth/collection.json:27:5: item "Signed" (item[5]): auth "awsv4" is not implemented by the client; add it with WithRequestEditor`,
		}},
		{"format-variables", []string{
			`testdata/format-variables/collection.json:48:20: item "Get thing" (item[1]): request.header[0]: header name "X-{{tenantHeader}}" uses variables the collection does not define; it is not sent (add it with WithHeader or WithRequestEditor)`,
		}},
		{"legacy-v1", []string{
			`testdata/legacy-v1/collection.json: 1 requests have pre-request or test scripts; Postman runs them, the generated client does not`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			source := "testdata/" + tt.dir + "/collection.json"
			data, err := os.ReadFile("../" + source)
			if err != nil {
				t.Fatal(err)
			}
			coll, warns, err := parser.Parse(source, data)
			if err != nil {
				t.Fatal(err)
			}
			_, genWarns, err := generator.Generate(coll, generator.Options{Package: "p", Source: source, Input: data})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range append(warns, genWarns...) {
				got = append(got, w.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestWarningsGroupRequests: one warning for many requests with the same
// undefined host, counting them.
func TestWarningsGroupRequests(t *testing.T) {
	var items []string
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		items = append(items, `{"name": "`+name+`", "request": {"url": "https://{{host}}/`+name+`"}}`)
	}
	data := []byte(`{"info": {"name": "g"}, "item": [` + strings.Join(items, ",") + `]}`)
	coll, _, err := parser.Parse("g.json", data)
	if err != nil {
		t.Fatal(err)
	}
	_, warns, err := generator.Generate(coll, generator.Options{Package: "g", Source: "g.json", Input: data})
	if err != nil {
		t.Fatal(err)
	}
	want := `g.json:1:34: item "a" (item[0]): host "https://{{host}}" uses variables the collection does not define (used by 5 requests: "a", "b", "c", and 2 more); give the base URL with WithBaseURL`
	if len(warns) != 1 || warns[0].Error() != want {
		t.Errorf("warnings = %v\nwant [%s]", warns, want)
	}
}

// TestBodyPruningLayers: Postman drops a GET body unless
// disableBodyPruning is true; the innermost setting (item, folders, then
// the collection) wins.
func TestBodyPruningLayers(t *testing.T) {
	data := []byte(`{"info": {"name": "p"}, "protocolProfileBehavior": {"disableBodyPruning": true}, "item": [
{"name": "kept", "request": {"url": "https://h/a", "body": {"mode": "raw", "raw": "x"}}},
{"name": "F", "protocolProfileBehavior": {"disableBodyPruning": false}, "item": [
  {"name": "pruned", "request": {"url": "https://h/b", "body": {"mode": "raw", "raw": "x"}}},
  {"name": "kept again", "protocolProfileBehavior": {"disableBodyPruning": true}, "request": {"url": "https://h/c", "body": {"mode": "raw", "raw": "x"}}}
]}]}`)
	coll, _, err := parser.Parse("p.json", data)
	if err != nil {
		t.Fatal(err)
	}
	_, warns, err := generator.Generate(coll, generator.Options{Package: "p", Source: "p.json", Input: data})
	if err != nil {
		t.Fatal(err)
	}
	want := `p.json:4:3: item "F/pruned" (item[1].item[0]): the collection gives a GET request a body, which Postman does not send; the client sends none either`
	if len(warns) != 1 || warns[0].Error() != want {
		t.Errorf("warnings = %v\nwant [%s]", warns, want)
	}
}
