package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/parser"
	v3 "github.com/postman2go/postman2go/parser/v3"
)

// v3Fixture is a small v3 collection: both header forms and none, a
// folder, scripts at every level, overrides in map and list entries, a file
// part, a file body, a request the driver does not call and a
// graphql-request.
var v3Fixture = map[string]string{
	".resources/definition.yaml": `$kind: collection
# the collection
name: Fixture
variables:
  baseUrl: https://api.example.com/v2
scripts:
  - type: http:beforeRequest
    code: console.log(1)
`,
	"F/.resources/definition.yaml": `$kind: collection
order: 3000
scripts:
  - type: http:afterResponse
    code: pm.test("x", () => {})
`,
	"F/Plain.request.yaml": `$kind: http-request
url: "{{baseUrl}}/plain"
order: 1000
`,
	"G/.resources/definition.yaml": "$kind: collection\norder: 4000\n",
	"G/Kept.request.yaml":          "$kind: http-request\nurl: \"{{baseUrl}}/kept\"\n",
	"Map.request.yaml": `$kind: http-request
# keep me
url: "{{baseUrl}}/items/:id?limit=<integer>"
method: GET
headers:
  Accept: application/json
pathVariables:
  id: ""
queryParams:
  - key: limit
    value: <integer>
scripts:
  - type: beforeRequest
    code: pm.variables.set("a", 1)
order: 1000
`,
	"List.request.yaml": `$kind: http-request
url: https://other.example.org:8443/upload
method: POST
headers:
  - key: X-Dup
    value: d1
  - key: X-Dup
    value: d2
body:
  type: formdata
  content:
    - {key: note, type: text, value: hi}
    - {key: doc, type: file, src: /home/me/doc.bin}
    - {key: many, type: file, src: [/tmp/a.png, ./b.png]}
order: 2000
`,
	"None.request.yaml": `$kind: http-request
url: "{{baseUrl}}/blob"
method: PUT
body:
  type: file
  content: {src: C:\data\blob.bin}
order: 2500
`,
	"Gone.request.yaml":  "$kind: http-request\nurl: \"{{baseUrl}}/gone\"\norder: 2600\n",
	"Graph.request.yaml": "$kind: graphql-request\nurl: \"{{baseUrl}}/graphql\"\nquery: \"{ a }\"\norder: 2700\n",
}

func writeFixture(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRewriteV3(t *testing.T) {
	src := writeFixture(t, v3Fixture)
	col, _, err := v3.ParseDir(src)
	if err != nil {
		t.Fatal(err)
	}
	keep := map[string]int{}
	for i, ri := range col.Requests() {
		if ri.Path != "Gone.request.yaml" {
			keep[ri.Path] = i
		}
	}
	if len(keep) != 6 {
		t.Fatalf("fixture: %d requests kept, want 6: %v", len(keep), keep)
	}
	copyDir, work := filepath.Join(t.TempDir(), "c"), t.TempDir()
	if err := copyTree(src, copyDir); err != nil {
		t.Fatal(err)
	}
	vars := col.EnabledVars()
	rw := &rewriter{
		hostPort:    "127.0.0.1:9",
		resolve:     func(s string) string { return parser.Resolve(s, vars) },
		keep:        keep,
		workDir:     work,
		fileContent: "content\n",
		overrides: map[string][][2]string{
			"Map.request.yaml": {{"pathVariables.id.value", "v-id"}, {"queryParams[0].value", "1"}},
		},
	}
	dropped, err := rw.v3(copyDir)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[int]string{keep["Graph.request.yaml"]: v3Removed}; !reflect.DeepEqual(dropped, want) {
		t.Errorf("dropped = %v, want %v", dropped, want)
	}
	if len(rw.missed) > 0 {
		t.Errorf("overrides not applied: %v", rw.missed)
	}
	for _, gone := range []string{"Gone.request.yaml", "Graph.request.yaml"} {
		if _, err := os.Stat(filepath.Join(copyDir, gone)); !os.IsNotExist(err) {
			t.Errorf("%s is still in the copy (%v)", gone, err)
		}
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(copyDir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, def := range []string{".resources/definition.yaml", "F/.resources/definition.yaml"} {
		if s := read(def); strings.Contains(s, "scripts") || !strings.Contains(s, "$kind: collection") {
			t.Errorf("%s: scripts not removed, or the rest lost:\n%s", def, s)
		}
	}
	if !strings.Contains(read(".resources/definition.yaml"), "# the collection") {
		t.Error("a comment of the definition is lost")
	}
	if got, want := read("G/.resources/definition.yaml"), v3Fixture["G/.resources/definition.yaml"]; got != want {
		t.Errorf("a definition without scripts was rewritten: %q, want %q", got, want)
	}
	m := read("Map.request.yaml")
	for _, want := range []string{"# keep me", "url: \"http://127.0.0.1:9/v2/items/:id?limit=<integer>\"", "X-Conformance-Op: \"" + strconv.Itoa(keep["Map.request.yaml"]) + "\"", "id: \"v-id\"", "value: \"1\""} {
		if !strings.Contains(m, want) {
			t.Errorf("Map.request.yaml lacks %q:\n%s", want, m)
		}
	}
	if strings.Contains(m, "scripts") {
		t.Errorf("Map.request.yaml keeps its script:\n%s", m)
	}
	l := read("List.request.yaml")
	for _, want := range []string{"url: http://127.0.0.1:9/upload", "- key: X-Conformance-Op\n    value: \"" + strconv.Itoa(keep["List.request.yaml"]) + "\"", "src: doc.bin}", "src: [a.png, b.png]}"} {
		if !strings.Contains(l, want) {
			t.Errorf("List.request.yaml lacks %q:\n%s", want, l)
		}
	}
	for _, f := range []string{"doc.bin", "a.png", "b.png", "blob.bin"} {
		if b, err := os.ReadFile(filepath.Join(work, f)); err != nil || string(b) != "content\n" {
			t.Errorf("upload %s: %q, %v", f, b, err)
		}
	}

	// The copy, read back as the generator reads a collection: every
	// request at the capture server, tagged with its index in the
	// original.
	back, _, err := v3.ParseDir(copyDir)
	if err != nil {
		t.Fatal(err)
	}
	orig := col.Requests()
	got := back.Requests()
	if len(got) != 5 {
		t.Fatalf("the copy has %d requests, want 5", len(got))
	}
	for _, ri := range got {
		tag := ""
		for _, h := range ri.Request.Headers {
			if h.Key == tagHeader {
				tag = h.Value
			}
		}
		idx, ok := keep[ri.Path]
		if !ok || tag != strconv.Itoa(idx) || orig[idx].Path != ri.Path {
			t.Errorf("%s: tag %q, want %d", ri.Path, tag, idx)
		}
		if h := strings.Join(ri.Request.URL.Host, "."); h != "127.0.0.1" || ri.Request.URL.Port != "9" {
			t.Errorf("%s: url %s, not the capture server", ri.Path, ri.Request.URL.Raw)
		}
		if len(ri.Events) > 0 || ri.Scripts > 0 {
			t.Errorf("%s: %d scripts left", ri.Path, ri.Scripts)
		}
		if ri.Path == "List.request.yaml" {
			var dups []string
			for _, h := range ri.Request.Headers {
				if h.Key == "X-Dup" {
					dups = append(dups, h.Value)
				}
			}
			if !reflect.DeepEqual(dups, []string{"d1", "d2"}) {
				t.Errorf("List.request.yaml: X-Dup %q, want d1 and d2", dups)
			}
		}
	}
}

func TestSetYAML(t *testing.T) {
	doc, _, err := decodeYAML([]byte(`pathVariables:
  a.b: ""
  a: x
queryParams:
  - key: k
  - key: j
    value: <long>
body:
  content:
    grant: <string>
`))
	if err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	for _, p := range []string{"pathVariables.a.b.value", "pathVariables.a.value", "queryParams[0].value", "queryParams[1].value", "body.content.grant.value"} {
		if !setYAML(m, p, "V") {
			t.Errorf("setYAML(%s) failed", p)
		}
	}
	for _, p := range []string{"pathVariables.c.value", "queryParams[2].value", "headers[0].value"} {
		if setYAML(m, p, "V") {
			t.Errorf("setYAML(%s) reported success on a missing path", p)
		}
	}
	out, err := encodeYAML(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `pathVariables:
  a.b: "V"
  a: "V"
queryParams:
  - key: k
    value: "V"
  - key: j
    value: "V"
body:
  content:
    grant: "V"
`
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

// NEL, LS and PS are ordinary characters to the Postman CLI: they come
// back as they were.
func TestYAMLKeepsNonBreaks(t *testing.T) {
	in := "name: a\u2028b\u0085c\nurl: x\n"
	doc, restore, err := decodeYAML([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	out, err := encodeYAML(doc, restore)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != in {
		t.Errorf("got %q, want %q", out, in)
	}
}

// The Postman CLI's console output names a failed request by its
// innermost folder and its name.
func TestPostmanErrors(t *testing.T) {
	out := "Running your collection...\npostman\n\nc\n\nFolder C\nSub-folder r3\n\n  GET http://127.0.0.1:1/x [200 OK, 135 B, 31 ms]\n\n" +
		"Folder B\nSub-folder fail\n\n  GET http://127.0.0.1:1/x [errored]\n     connect ECONNREFUSED 127.0.0.1:1\n\n" +
		"Sub-folder up\n\nENOENT: no such file or directory, open ''\n\n" +
		"Root fail\n\n  \x1b[31mGET http://127.0.0.1:1/y [errored]\x1b[0m\n     Header name must be a valid HTTP token [\"a b\"]\n\n" +
		"Root ok\n\n  GET http://127.0.0.1:1/z [200 OK, 1 B, 1 ms]\n\n" +
		"  #  failure  detail\n 1.  Error\n              inside \"fail\"\n"
	byName := map[string]int{"C\x00r3": 0, "B\x00fail": 1, "B\x00up": 2, "\x00fail": 3, "\x00ok": 4}
	got := postmanErrors([]byte(out), byName)
	want := map[int]string{
		1: "connect ECONNREFUSED 127.0.0.1:1",
		2: "ENOENT: no such file or directory, open ''",
		3: `Header name must be a valid HTTP token ["a b"]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("postmanErrors = %v, want %v", got, want)
	}
}
