package v3

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/postman2go/postman2go/parser"
)

func writeTree(t *testing.T, root string, kv ...string) {
	t.Helper()
	for i := 0; i+1 < len(kv); i += 2 {
		p := filepath.Join(root, filepath.FromSlash(kv[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(kv[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDetect(t *testing.T) {
	root := t.TempDir()
	def := "$kind: collection\n"
	writeTree(t, root,
		"api.json", `{"info": {}, "item": []}`,
		"api.postman_collection", `{}`,
		"stray.yaml", "a: 1\n",
		"postman/collections/a/.resources/definition.yaml", def,
		"postman/collections/a/F/.resources/definition.yaml", def,
		"postman/collections/a/F/R.request.yaml", http("url: https://x/\n"),
		"postman/collections/a/.resources/R.resources/examples/E.example.yaml", "$kind: http-example\n",
		"postman/collections/b/R.request.yml", http("url: https://x/\n"),
		"postman/collections/c/.resources/definition.yml", def,
		"postman/environments/e.environment.yaml", "name: e\n",
		"empty/README.md", "x",
	)
	pc := filepath.Join(root, "postman", "collections")
	a := filepath.Join(pc, "a")
	for _, tc := range []struct {
		path string
		kind Kind
		err  string
	}{
		{filepath.Join(root, "api.json"), JSON, ""},
		{filepath.Join(root, "api.postman_collection"), JSON, ""},
		{a, Dir, ""},
		{filepath.Join(pc, "b"), Dir, ""},
		{filepath.Join(pc, "c"), Dir, ""},
		{filepath.Join(a, "F", "R.request.yaml"), 0, "is a file of the v3 collection " + a + "; give the collection's directory: " + a},
		{filepath.Join(a, ".resources", "definition.yaml"), 0, "is a file of the v3 collection " + a},
		{filepath.Join(a, ".resources", "R.resources", "examples", "E.example.yaml"), 0, "is a file of the v3 collection " + a},
		{filepath.Join(a, "F"), 0, "is a folder of the v3 collection " + a},
		{pc, 0, pc + " holds 3 collections: a, b, c; give one of them, e.g. " + a},
		{filepath.Join(root, "postman"), 0, pc + " holds 3 collections: a, b, c"},
		{root, 0, pc + " holds 3 collections"},
		{filepath.Join(root, "stray.yaml"), 0, "is a YAML file but not part of a v3 collection"},
		{filepath.Join(root, "empty"), 0, "is a directory but not a Postman v3 collection"},
		{filepath.Join(root, "missing"), 0, "no such file"},
	} {
		k, err := Detect(tc.path)
		switch {
		case tc.err == "" && (err != nil || k != tc.kind):
			t.Errorf("Detect(%s) = %v, %v; want %v", tc.path, k, err, tc.kind)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("Detect(%s) = %v, %v; want an error with %q", tc.path, k, err, tc.err)
		}
	}
	// The root is named relative to the working directory when below it.
	t.Chdir(root)
	if _, err := Detect(filepath.Join("postman", "collections", "a", "F", "R.request.yaml")); err == nil || !strings.Contains(err.Error(), "give the collection's directory: "+filepath.Join("postman", "collections", "a")) {
		t.Errorf("relative root: %v", err)
	}
	if Dir.String() != "v3 collection directory" || JSON.String() != "JSON collection file" {
		t.Error("Kind.String")
	}
}

func TestInputFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"B.request.yaml":             {Data: []byte("a: 1\r\nb: 2\r\n")},
		"A.request.yml":              {Data: []byte("a: 1\n")},
		".resources/definition.yaml": {Data: []byte("$kind: collection\n")},
		".resources/A.resources/examples/E.example.yaml": {Data: []byte("x: 1\n")},
		".git/config.yaml": {Data: []byte("ignored")},
		"F/README.md":      {Data: []byte("ignored")},
		"F/R.request.yaml": {Data: []byte("r: 1\r\n")},
	}
	fs, err := InputFilesFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range fs {
		paths = append(paths, f.Path)
	}
	if got := strings.Join(paths, " "); got != ".resources/A.resources/examples/E.example.yaml .resources/definition.yaml A.request.yml B.request.yaml F/R.request.yaml" {
		t.Errorf("files: %s", got)
	}
	if string(fs[3].Data) != "a: 1\nb: 2\n" {
		t.Errorf("CRLF not normalised: %q", fs[3].Data)
	}
	// The bundle identifies the files: line endings do not count, contents and names do.
	lf := fstest.MapFS{}
	for k, v := range fsys {
		lf[k] = &fstest.MapFile{Data: bytes.ReplaceAll(v.Data, []byte("\r\n"), []byte("\n"))}
	}
	fs2, _ := InputFilesFS(lf)
	if !bytes.Equal(Bundle(fs), Bundle(fs2)) {
		t.Error("bundles differ by line endings")
	}
	lf["F/R.request.yaml"] = &fstest.MapFile{Data: []byte("r: 2\n")}
	fs3, _ := InputFilesFS(lf)
	if bytes.Equal(Bundle(fs), Bundle(fs3)) {
		t.Error("bundles agree on different contents")
	}
	if !bytes.Equal(Bundle([]File{{Path: "a", Data: []byte("bc")}}), []byte("a\x002\x00bc")) || bytes.Equal(Bundle([]File{{Path: "a", Data: []byte("b")}}), Bundle([]File{{Path: "ab"}})) {
		t.Error("bundle format")
	}
}

// A v3 url is read exactly as package parser reads a v2.1 url string.
func TestURLsAsParserReadsThem(t *testing.T) {
	for _, raw := range []string{
		"", "{{baseUrl}}/users?notify=true", "https://api.example.com:8443/v1/a/:id?x=1&y&z=&x=2#frag",
		"http://{{baseUrl}}", "<Place the URL generated here>", "{{host}}:{{port}}/p", "https://{{region}}.status.example.com/health",
		"/relative/path?q", "?only=query", "https://x/a%2Fb?album=Yosemite%2FYosemite2&q=half%20dome&discount=100%",
		"https://x/?$filter=Status eq 'NewAlert'&$top=1", "{{a}}.{{b}}.com/{{c.d}}/e?{{k}}={{v}}", "https://u:p@h:1/p?a=b=c",
		"file:///tmp/x", "https://x/{{unclosed", "mailto:a@b", "https://[::1]:8080/x", "https://x//double//slash/",
	} {
		data := []byte(`{"info": {"name": "u"}, "item": [{"name": "r", "request": {"url": ` + jsonString(raw) + `}}]}`)
		c, _, err := parser.Parse("u.json", data)
		if err != nil {
			t.Fatal(err)
		}
		want := c.Items[0].Request.URL
		got := parseRawURL(raw)
		if a, b := urlText(want), urlText(got); a != b {
			t.Errorf("%q:\nparser %s\nv3     %s", raw, a, b)
		}
	}
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

func urlText(u parser.URL) string {
	return strings.Join([]string{u.Raw, u.Protocol, strings.Join(u.Host, "."), u.Port, strings.Join(u.Path, "/"), paramText(u.Query), u.Hash}, " | ")
}
