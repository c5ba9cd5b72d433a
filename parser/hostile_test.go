package parser_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/parser"
)

// TestParseDuplicateKeys: where an object repeats a key, every read uses
// the last value, as JSON.parse (and so Postman) does, and each repeat is
// a warning naming its line:col, item and JSON path.
func TestParseDuplicateKeys(t *testing.T) {
	in := lines(
		`{"info": {"name": "first", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json", "name": "Coll"},`,
		`"variable": [{"key": "k", "value": "1", "value": "2"}],`,
		`"auth": {"type": "basic", "type": "apikey", "apikey": {"key": "X-Old", "in": "header", "key": "X-Key"}},`,
		`"protocolProfileBehavior": {"followRedirects": true, "followRedirects": false},`,
		`"item": [{"name": "Gone", "request": "https://gone/"}],`,
		`"item": [{"name": "A", "n\u0061me": "Get",`,
		`  "request": {"method": "GET", "url": {"raw": "https://h/x", "host": ["old"], "host": ["h"], "path": ["x"]},`,
		`    "header": [{"key": "X-A", "value": "1", "value": "2"}],`,
		`    "body": {"mode": "raw", "raw": "a", "mode": "urlencoded", "urlencoded": [{"key": "f", "value": "v"}]},`,
		`    "method": "POST"},`,
		`  "event": [{"listen": "test", "script": {"exec": ["old()"], "exec": ["pm.test()"]}}],`,
		`  "response": [{"name": "ok", "code": 200, "code": 201}]}]}`)
	c, warns, err := parser.Parse("c.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Coll" || len(c.Variables) != 1 || c.Variables[0].Value != "2" {
		t.Errorf("collection: name %q, variables %+v", c.Name, c.Variables)
	}
	if a := c.Auth; a == nil || a.Type != "apikey" || len(a.Params) != 2 || a.Params[0].Key != "key" || a.Params[0].Value != "X-Key" || a.Params[1].Key != "in" {
		t.Errorf("auth = %+v, want apikey with key X-Key (at the first key's place), then in", c.Auth)
	}
	if got := c.ProtocolProfileBehavior["followRedirects"]; got != "false" {
		t.Errorf("followRedirects = %q", got)
	}
	if len(c.Items) != 1 {
		t.Fatalf("items = %d, want the last item array (1 item)", len(c.Items))
	}
	it := c.Items[0]
	r := it.Request
	if it.Name != "Get" || r.Method != "POST" || !reflect.DeepEqual(r.URL.Host, []string{"h"}) || r.Headers[0].Value != "2" {
		t.Errorf("item %q: method %s, host %q, header %+v", it.Name, r.Method, r.URL.Host, r.Headers)
	}
	if r.Body == nil || r.Body.Mode != "urlencoded" || len(r.Body.URLEncoded) != 1 {
		t.Errorf("body = %+v", r.Body)
	}
	if len(it.Events) != 1 || it.Events[0].Exec != "pm.test()" {
		t.Errorf("events = %+v", it.Events)
	}
	if len(it.Responses) != 1 || it.Responses[0].Code != 201 {
		t.Errorf("responses = %+v", it.Responses)
	}
	want := []string{
		`c.json:1:110: info: duplicate key "name"; the last one is used, as in Postman`,
		`c.json:2:41: variable[0]: duplicate key "value"; the last one is used, as in Postman`,
		`c.json:3:27: auth: duplicate key "type"; the last one is used, as in Postman`,
		`c.json:3:88: auth.apikey: duplicate key "key"; the last one is used, as in Postman`,
		`c.json:4:54: protocolProfileBehavior: duplicate key "followRedirects"; the last one is used, as in Postman`,
		`c.json:6:1: duplicate key "item"; the last one is used, as in Postman`,
		`c.json:6:24: item "Get" (item[0]): duplicate key "name"; the last one is used, as in Postman`,
		`c.json:7:79: item "Get" (item[0]): request.url: duplicate key "host"; the last one is used, as in Postman`,
		`c.json:8:45: item "Get" (item[0]): request.header[0]: duplicate key "value"; the last one is used, as in Postman`,
		`c.json:9:41: item "Get" (item[0]): request.body: duplicate key "mode"; the last one is used, as in Postman`,
		`c.json:10:5: item "Get" (item[0]): request: duplicate key "method"; the last one is used, as in Postman`,
		`c.json:11:62: item "Get" (item[0]): event[0].script: duplicate key "exec"; the last one is used, as in Postman`,
		`c.json:12:44: item "Get" (item[0]): response[0]: duplicate key "code"; the last one is used, as in Postman`,
	}
	var got []string
	for _, w := range warns {
		got = append(got, w.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseDuplicateKeysV1(t *testing.T) {
	in := lines(`{"id": "c", "name": "c", "order": ["r1"], "requests": [`,
		`  {"id": "r1", "name": "Upload", "url": "https://h/x", "method": "GET", "method": "PUT",`,
		`   "helperAttributes": {"username": "a", "username": "b"}, "currentHelper": "basicAuth"}]}`)
	c, warns, err := parser.Parse("v1.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	r := c.Items[0].Request
	if r.Method != "PUT" || r.Auth == nil || len(r.Auth.Params) != 1 || r.Auth.Get("username") != "b" {
		t.Errorf("method %s, auth %+v", r.Method, r.Auth)
	}
	want := `v1.json:2:73: item "Upload" (requests[0]): duplicate key "method"; the last one is used, as in Postman`
	if len(warns) != 2 || warns[0].Error() != want || !strings.Contains(warns[1].Error(), `helperAttributes: duplicate key "username"`) {
		t.Errorf("warnings = %v\nwant first %s", warns, want)
	}
}

// deepFolders is a collection of depth folders nested in one another, each
// named "f */ x", around one request.
func deepFolders(depth int) []byte {
	var b strings.Builder
	b.WriteString(deepHead)
	b.WriteString(strings.Repeat(deepLevel, depth))
	b.WriteString(`{"name":"leaf","request":"https://example.test/leaf"}`)
	b.WriteString(strings.Repeat(`]}`, depth))
	b.WriteString(`]}`)
	return []byte(b.String())
}

const (
	deepHead  = `{"info":{"name":"deep","schema":"v2.1.0"},"item":[`
	deepLevel = `{"name":"f */ x","item":[`
)

// TestParseDeepFolders: 100,000 nested folders are refused with one short
// error. The refusal is linear by construction: the one pass that indexes
// the document stops at the first item array deeper than MaxDepth, before
// anything is parsed, so the error is at that array and the work (here
// counted in allocations) does not grow with the depth past it.
func TestParseDeepFolders(t *testing.T) {
	data := deepFolders(100000)
	_, _, err := parser.Parse("x.json", data)
	var list parser.ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("err = %.300v, want one error", err)
	}
	msg := list[0].Error()
	if len(msg) > 200 || !strings.Contains(msg, "nested more than") || !strings.Contains(msg, "item[0].item[0]") || !strings.Contains(msg, "…") {
		t.Errorf("error (%d bytes): %s", len(msg), msg)
	}
	// The array that holds the items of the folder at depth MaxDepth+1.
	if want := len(deepHead) + (parser.MaxDepth+1)*len(deepLevel) - 1; list[0].Pos.Offset != want {
		t.Errorf("error at offset %d, want %d (the first item array too deep)", list[0].Pos.Offset, want)
	}
	t.Log(msg)

	shallow, deep := deepFolders(2*parser.MaxDepth), deepFolders(100*parser.MaxDepth)
	a := testing.AllocsPerRun(3, func() { parser.Parse("x.json", shallow) })
	b := testing.AllocsPerRun(3, func() { parser.Parse("x.json", deep) })
	// 50 times the input, about the same allocations (a map may grow once
	// more): the refusal does not walk the part past the limit.
	if b > a+4 {
		t.Errorf("refusing %d nested folders allocates %v times, %d folders %v times; want about the same", 2*parser.MaxDepth, a, 100*parser.MaxDepth, b)
	}
}

// TestParseMaxDepth: MaxDepth nested folders parse; one more is refused.
func TestParseMaxDepth(t *testing.T) {
	c, _, err := parser.Parse("x.json", deepFolders(parser.MaxDepth))
	if err != nil {
		t.Fatalf("%d folders: %v", parser.MaxDepth, err)
	}
	if r := c.Requests(); len(r) != 1 || len(r[0].Folders) != parser.MaxDepth {
		t.Errorf("requests = %d", len(r))
	}
	if _, _, err := parser.Parse("x.json", deepFolders(parser.MaxDepth+1)); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("folders nested more than %d levels deep", parser.MaxDepth)) {
		t.Errorf("%d folders: err = %v", parser.MaxDepth+1, err)
	}
}

// TestParseDeepFoldersV1: a v1 collection nests folders through
// folders_order; a chain deeper than MaxDepth is refused.
func TestParseDeepFoldersV1(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"id":"c","name":"c","order":[],"requests":[],"folders_order":["f0"],"folders":[`)
	for i := 0; i < 10000; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"f%d","name":"F","order":[],"folders_order":["f%d"]}`, i, i+1)
	}
	b.WriteString(`]}`)
	_, _, err := parser.Parse("v1.json", []byte(b.String()))
	want := fmt.Sprintf(`folders[%d].folders_order: folders nested more than %d levels deep: refused`, parser.MaxDepth-1, parser.MaxDepth)
	if err == nil || !strings.Contains(err.Error(), want) || len(err.Error()) > 200 {
		t.Errorf("err = %.300v\nwant %s", err, want)
	}
}

// TestParseDeepJSON: JSON nested deeper than MaxJSONDepth is refused with a
// short error, wherever it is, without recursing (a million levels would
// overflow a recursive parser's stack).
func TestParseDeepJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"arrays", strings.Repeat("[", 1000000),
			fmt.Sprintf(`x.json:1:%d: [0][0][0][0][0][0][0][0][0][0]…: JSON nested more than %d levels deep: refused`, parser.MaxJSONDepth+1, parser.MaxJSONDepth)},
		{"in a body", `{"info":{"name":"c"},"item":[{"name":"A","request":{"url":"x","body":{"mode":"graphql","graphql":{"variables":` +
			strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000) + `}}}}]}`,
			// The body's object at depth MaxJSONDepth+1 starts 5 bytes per level after offset 81.
			fmt.Sprintf(`x.json:1:%d: item "A" (item[0]): request.body.graphql.variables.….a.a.a.a: JSON nested more than %d levels deep: refused`, 81+5*parser.MaxJSONDepth, parser.MaxJSONDepth)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parser.Parse("x.json", []byte(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %.300v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestParseLongNames: long item names and deep item paths are shortened in
// diagnostics, so a line stays a few hundred bytes.
func TestParseLongNames(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"info":{"name":"c"},"item":[`)
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&b, `{"name":"%d %s","item":[`, i, strings.Repeat("é", 10000))
	}
	b.WriteString(`{"name":"leaf","request":{"url":5}}`)
	b.WriteString(strings.Repeat(`]}`, 150))
	b.WriteString(`]}`)
	_, _, err := parser.Parse("x.json", []byte(b.String()))
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if len(msg) > 500 || !strings.Contains(msg, `item "0 éé`) || !strings.Contains(msg, `…/leaf" (item[0].item[0].item[0].item[0].….item[0].item[0].item[0].item[0]): request.url: a url must be`) {
		t.Errorf("error (%d bytes): %s", len(msg), msg)
	}
	// The generator's diagnostics print the same way.
	d := &parser.Diagnostic{File: "x.json", Item: strings.Repeat("n", 100000), ItemPath: strings.Repeat("item[0].", 10000) + "item[0]", Msg: "m"}
	if s := d.Error(); len(s) > 400 {
		t.Errorf("diagnostic (%d bytes): %s", len(s), s)
	}
}

// TestParseBOM: a UTF-8 byte order mark, which some exports carry, is
// skipped without a warning; UTF-16 gets a clear error.
func TestParseBOM(t *testing.T) {
	in := lines(head, `"item": [{"name": "A", "request": {"url": "https://h/x", "auth": {"type": "kerberos"}}}]}`)
	want, wantWarns, err := parser.Parse("c.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	got, warns, err := parser.Parse("c.json", append([]byte("\uFEFF"), in...))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(warns, wantWarns) {
		t.Errorf("with a BOM: %+v %v\nwithout: %+v %v", got, warns, want, wantWarns)
	}
	_, _, err = parser.Parse("c.json", []byte("\xff\xfe{\x00}\x00"))
	if err == nil || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("UTF-16: err = %v", err)
	}
}

// BenchmarkParseDeep refuses folders nested 1k, 10k and 100k deep; the time
// should grow no faster than the input.
func BenchmarkParseDeep(b *testing.B) {
	for _, depth := range []int{1000, 10000, 100000} {
		data := deepFolders(depth)
		b.Run(fmt.Sprint(depth), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := parser.Parse("x.json", data); err == nil {
					b.Fatal("no error")
				}
			}
		})
	}
}
