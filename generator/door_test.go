package generator_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/parser"
	"github.com/postman2go/postman2go/templates"
)

// TestCommentDoorIsTheOnlyWay: jennifer's comment methods are called from
// emit/comments.go only, so every comment line passes through commentLines;
// everyone else calls the door (emit.Comment, emit.HeaderComment, ...).
func TestCommentDoorIsTheOnlyWay(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"*.go", "*/*.go", "../conformance/*.go", "../conformance/*/*.go"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	door := filepath.Join("emit", "comments.go")
	fset := token.NewFileSet()
	calls := 0
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := goparser.ParseFile(fset, p, nil, goparser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "emit" {
				return true // the door itself
			}
			switch sel.Sel.Name {
			case "Comment", "Commentf", "PackageComment", "HeaderComment":
				calls++
				if p != door {
					t.Errorf("%s: %s is called outside the comment door (%s)", fset.Position(sel.Pos()), sel.Sel.Name, door)
				}
			}
			return true
		})
	}
	if calls == 0 {
		t.Fatal("found no comment call at all: the scan is broken")
	}
}

// payloads are texts that become code or a directive if any door leaks.
var payloads = []string{
	// The Content-Type break of issue 11: closes a struct, adds init.
	"text/plain)\nBody []byte\n}\n\nfunc init() { println(\"pwned\") }\n\ntype x struct {\n// (",
	"x\n//go:generate touch /tmp/pwned\nfunc init() {}",
	"x\r//go:generate touch pwned\rfunc init() {}\r",
	"x\u2028//go:generate touch pwned\u2029func init() {}\u0085var Pwned = 1",
	"*/ func init() { panic(1) } /*",
	"\"` + \"\"; func init() {}; var _ = `\"",
	"x\n// +build ignore\n\npackage pwned",
	"x\n//line pwned.go:1\n/* block",
	"x\n#cgo LDFLAGS: -lpwned\nimport \"C\"",
}

// hostileCollection puts p in every text position a collection has: names,
// descriptions, keys, values, header names and values, Content-Types,
// variable names including {{$...}}, response names and header names,
// methods, enum values, JSON keys and example bodies, auth fields and URL
// parts.
func hostileCollection(p string) []byte {
	desc := "(Required) " + p + " (This can only be one of a," + p + ")"
	kv := func(k, v string) map[string]any { return map[string]any{"key": k, "value": v, "description": desc} }
	jsonBody, _ := json.Marshal(map[string]any{p: p, "n" + p: 1, "list": []any{map[string]any{p: true}}, "nested": map[string]any{"k" + p: p}})
	resp := map[string]any{
		"name": p, "status": p, "code": 200,
		"header": []any{kv("Content-Type", "application/json"), kv(p, p), kv("X-"+p, p)},
		"body":   string(jsonBody),
		"originalRequest": map[string]any{
			"method": "POST", "url": "https://api.example.test/a/" + p,
			"body": map[string]any{"mode": "raw", "raw": string(jsonBody)},
		},
	}
	errResp := map[string]any{
		"name": p, "status": p, "code": 409,
		"header": []any{kv("Content-Type", "application/json")},
		"body":   `{"code": "` + strings.ReplaceAll(strings.ReplaceAll(p, `\`, `\\`), `"`, `\"`) + `", "message": "m", "` + "k" + `": 1}`,
	}
	url := map[string]any{
		"raw":      "https://{{host" + p + "}}.example.test/v1/:id/" + p + "?q=" + p,
		"protocol": "https",
		"host":     []any{"{{host" + p + "}}", "example", "test"},
		"path":     []any{"v1", ":id", p, "{{seg" + p + "}}"},
		"query":    []any{kv("q"+p, p), kv(p, "{{$randomInt}}"), kv("d", "{{$random"+p+"}}"), map[string]any{"key": "flag" + p, "value": nil}},
		"variable": []any{kv("id", p)},
	}
	items := []any{
		map[string]any{
			"name": p, "description": p,
			"request": map[string]any{
				"method": "POST", "description": desc, "url": url,
				"header": []any{kv("Content-Type", "application/json"), kv(p, p), kv("X-"+p, "{{var"+p+"}}")},
				"body":   map[string]any{"mode": "raw", "raw": string(jsonBody), "options": map[string]any{"raw": map[string]any{"language": "json"}}},
				"auth":   map[string]any{"type": "apikey", "apikey": []any{kv("key", "X-"+p), kv("value", p), kv("in", "header")}},
			},
			"response": []any{resp, errResp},
		},
		map[string]any{
			"name": "raw " + p,
			"request": map[string]any{
				"method": "PUT", "url": "https://api.example.test/raw",
				"header": []any{kv("Content-Type", p)},
				"body":   map[string]any{"mode": "raw", "raw": p},
				"auth":   map[string]any{"type": "bearer", "bearer": []any{kv("token", p)}},
			},
		},
		map[string]any{
			"name": "form " + p,
			"request": map[string]any{
				"method": "POST", "url": "https://api.example.test/form",
				"body": map[string]any{"mode": "urlencoded", "urlencoded": []any{kv(p, p), kv("k["+p+"]", p), kv("e", "{{$random"+p+"}}")}},
				"auth": map[string]any{"type": "basic", "basic": []any{kv("username", p), kv("password", p)}},
			},
		},
		map[string]any{
			"name": "multipart " + p,
			"request": map[string]any{
				"method": "POST", "url": "https://api.example.test/mp",
				"body": map[string]any{"mode": "formdata", "formdata": []any{
					map[string]any{"key": p, "value": p, "type": "text", "contentType": p, "description": desc},
					map[string]any{"key": "f" + p, "src": p, "type": "file", "contentType": p},
				}},
				"auth": map[string]any{"type": "oauth2", "oauth2": []any{kv("headerPrefix", p), kv("accessToken", p)}},
			},
		},
		map[string]any{
			"name": "graphql " + p,
			"request": map[string]any{
				"method": "POST", "url": "https://api.example.test/graphql",
				"body": map[string]any{"mode": "graphql", "graphql": map[string]any{"query": p, "variables": `{"v": 1}`}},
			},
		},
		map[string]any{
			"name":    "method " + p,
			"request": map[string]any{"method": p, "url": "https://api.example.test/m"},
		},
		map[string]any{
			"name": "file " + p,
			"request": map[string]any{
				"method": "POST", "url": "https://api.example.test/file",
				"body": map[string]any{"mode": "file", "file": map[string]any{"src": p}},
			},
		},
		map[string]any{
			"name": "folder " + p, "description": p,
			"auth": map[string]any{"type": p},
			"item": []any{map[string]any{"name": "inner " + p, "request": "https://api.example.test/inner/" + p}},
		},
	}
	c := map[string]any{
		"info":     map[string]any{"name": p, "description": p, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable": []any{kv("base"+p, p), kv("var"+p, p)},
		"item":     items,
	}
	data, err := json.Marshal(c)
	if err != nil {
		panic(err)
	}
	return data
}

// benign is a payload's twin on one line: with no line break nothing can
// leave a comment, so its declarations are the expected ones. A tab stands
// for each break: like a break it is whitespace in text and makes a JSON key
// one a struct tag cannot name.
func benign(p string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\u2028', '\u2029', '\u0085':
			return '\t'
		}
		return r
	}, p)
}

// TestNoCollectionTextBecomesCode generates the hostile collection with each
// payload and with its benign twin, and asserts that both declare exactly
// the same things (funcs, methods, types, fields, consts, vars, imports):
// nothing a payload says became a declaration. Every file must also pass
// assertNoInjection, and the runtime files must be the templates verbatim.
func TestNoCollectionTextBecomesCode(t *testing.T) {
	for i, p := range payloads {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			hostile := generateHostile(t, p)
			twin := generateHostile(t, benign(p))
			assertNoInjection(t, hostile)
			typeCheck(t, hostile)
			assertRuntimeVerbatim(t, hostile)
			got, want := declShape(t, hostile), declShape(t, twin)
			if got != want {
				t.Errorf("payload %q changed the declarations:\n%s", p, diff.Diff("benign twin", []byte(want), "hostile", []byte(got)))
			}
		})
	}
}

func generateHostile(t *testing.T, p string) []generator.File {
	t.Helper()
	data := hostileCollection(p)
	c, _, err := parser.Parse("hostile.json", data)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	files, _, err := generator.Generate(c, generator.Options{Package: "hostile", Source: "hostile.json\n//go:generate x", Input: data})
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	return files
}

// assertRuntimeVerbatim: a runtime file is its template with whole
// declarations left out (the ones the package does not use): every
// declaration and spec it has is, to the letter, one of the template's.
func assertRuntimeVerbatim(t *testing.T, files []generator.File) {
	t.Helper()
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Content
	}
	checked := 0
	for _, tf := range templates.Runtime() {
		name := strings.TrimSuffix(tf.Name, ".go") + "_gen.go"
		got, ok := byName[name]
		if !ok {
			continue // nothing of it is used
		}
		want := map[string]bool{}
		for _, d := range declTexts(t, tf.Name, tf.Content) {
			want[d] = true
		}
		for _, d := range declTexts(t, name, got) {
			checked++
			if !want[d] {
				t.Errorf("%s: a declaration that is not its template's:\n%s", name, d)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no runtime declaration checked")
	}
}

// declTexts are the source texts of a file's declarations, each spec of a
// var block on its own, imports left out.
func declTexts(t *testing.T, name string, src []byte) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := goparser.ParseFile(fset, name, src, goparser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	text := func(n ast.Node) string {
		return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
	}
	var out []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		switch {
		case ok && g.Tok == token.IMPORT:
		case ok && g.Tok == token.VAR && g.Lparen.IsValid():
			for _, s := range g.Specs {
				out = append(out, text(s))
			}
		default:
			out = append(out, text(d))
		}
	}
	return out
}

// declShape lists, per file, every declaration without its name: imports,
// funcs (receiver, parameter and result counts), types (struct field
// counts), consts and vars (number of names), and every comment that is
// not a plain "// " comment.
func declShape(t *testing.T, files []generator.File) string {
	t.Helper()
	var lines []string
	fset := token.NewFileSet()
	for _, f := range files {
		if !emittedFiles[f.Name] {
			continue // runtime copies: see assertRuntimeVerbatim
		}
		file, err := goparser.ParseFile(fset, f.Name, f.Content, goparser.ParseComments|goparser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		for _, imp := range file.Imports {
			lines = append(lines, f.Name+": import "+imp.Path.Value)
		}
		for _, cg := range file.Comments {
			for _, c := range cg.List {
				if c.Text != "//" && !strings.HasPrefix(c.Text, "// ") && !strings.HasPrefix(c.Text, "//\t") {
					lines = append(lines, fmt.Sprintf("%s: comment %q", f.Name, c.Text))
				}
			}
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				recv := "func"
				if d.Recv != nil {
					recv = "method"
				}
				if d.Name.Name == "init" || d.Name.Name == "main" {
					recv += " " + d.Name.Name
				}
				lines = append(lines, fmt.Sprintf("%s: %s params=%d results=%d", f.Name, recv, d.Type.Params.NumFields(), d.Type.Results.NumFields()))
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						shape := "type"
						if st, ok := s.Type.(*ast.StructType); ok {
							shape = fmt.Sprintf("struct fields=%d", st.Fields.NumFields())
						}
						lines = append(lines, f.Name+": "+shape)
					case *ast.ValueSpec:
						lines = append(lines, fmt.Sprintf("%s: %s names=%d", f.Name, d.Tok, len(s.Names)))
					}
				}
			}
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestHostileDumpForReview writes the generated hostile package to
// $POSTMAN2GO_DUMP when set, to read by hand.
func TestHostileDumpForReview(t *testing.T) {
	dir := os.Getenv("POSTMAN2GO_DUMP")
	if dir == "" {
		t.Skip("POSTMAN2GO_DUMP not set")
	}
	for i, p := range []string{payloads[1], benign(payloads[1])} {
		sub := filepath.Join(dir, fmt.Sprint(i))
		os.MkdirAll(sub, 0o755)
		for _, f := range generateHostile(t, p) {
			if err := os.WriteFile(filepath.Join(sub, f.Name), f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestMethodThatIsNoTokenIsLeftOut: a method with a line break or a space
// cannot be sent; the request is left out with a warning naming it.
func TestMethodThatIsNoTokenIsLeftOut(t *testing.T) {
	data := []byte(`{"info":{"name":"m","schema":"v2.1.0"},"item":[
		{"name":"bad","request":{"method":"GET\nfunc init() {}","url":"https://api.example.test/a"}},
		{"name":"good","request":{"method":"PURGE","url":"https://api.example.test/b"}}]}`)
	c, _, err := parser.Parse("m.json", data)
	if err != nil {
		t.Fatal(err)
	}
	files, warns, err := generator.Generate(c, generator.Options{Package: "m", Source: "m.json", Input: data})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range warns {
		found = found || (w.Item == "bad" && strings.Contains(w.Msg, "not an HTTP method name"))
	}
	if !found {
		t.Errorf("no warning naming item bad; warnings: %v", warns)
	}
	var ops string
	for _, f := range files {
		if f.Name == "operations_gen.go" {
			ops = string(f.Content)
		}
	}
	if strings.Contains(ops, "func (c *Client) Bad(") || !strings.Contains(ops, "func (c *Client) Good(") || !strings.Contains(ops, `"PURGE"`) {
		t.Errorf("want Good (PURGE) and no Bad in:\n%s", ops)
	}
}

// TestURLWithoutSchemeIsHTTPS: Postman sends a scheme-less URL over http,
// which would put the client's credentials on the wire in clear text; the
// client uses https and says so.
func TestURLWithoutSchemeIsHTTPS(t *testing.T) {
	data := []byte(`{"info":{"name":"s","schema":"v2.1.0"},"item":[
		{"name":"a","request":{"method":"GET","url":{"raw":"api.example.test/a","host":["api","example","test"],"path":["a"]}}}]}`)
	c, _, err := parser.Parse("s.json", data)
	if err != nil {
		t.Fatal(err)
	}
	files, warns, err := generator.Generate(c, generator.Options{Package: "s", Source: "s.json", Input: data})
	if err != nil {
		t.Fatal(err)
	}
	warned := false
	for _, w := range warns {
		warned = warned || (w.Item == "a" && strings.Contains(w.Msg, "no scheme") && strings.Contains(w.Msg, "https://"))
	}
	if !warned {
		t.Errorf("no warning about the missing scheme naming item a: %v", warns)
	}
	for _, f := range files {
		if f.Name == "api_gen.go" && !strings.Contains(string(f.Content), `DefaultBaseURL = "https://api.example.test"`) {
			t.Errorf("DefaultBaseURL is not https:\n%s", f.Content)
		}
	}
}

// TestPackageMainRefused: a main package cannot be imported, so a client
// named main would never build into anything.
func TestPackageMainRefused(t *testing.T) {
	data := []byte(`{"info":{"name":"m","schema":"v2.1.0"},"item":[]}`)
	c, _, err := parser.Parse("m.json", data)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"main": "choose another name", "type": "keyword", "1x": "not a valid Go identifier"} {
		_, _, err := generator.Generate(c, generator.Options{Package: name, Source: "m.json", Input: data})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("-p %s: err = %v, want one containing %q", name, err, want)
		}
	}
}
