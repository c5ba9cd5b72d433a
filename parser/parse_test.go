package parser_test

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/parser"
)

// lines joins JSON text lines with newlines, so that expected line:col
// positions can be read off the test source.
func lines(ls ...string) string { return strings.Join(ls, "\n") }

const head = `{"info": {"name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},`

// TestParseErrors checks that bad input gives an error, never a panic, and
// that the message names the file, line:col, item and JSON path.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"truncated inside a request",
			lines(head,
				`"item": [{"name": "Folder", "item": [`,
				`  {"name": "Get user", "request": {"method": "GET", "url": "https://h/x", "body": {"mode": "raw", "raw": "{`),
			`c.json:3:108: item "Folder/Get user" (item[0].item[0]): request.body.raw: not valid JSON: unexpected end of JSON input`,
		},
		{
			"truncated at the top level",
			`{"info": {"name": "c"`,
			`c.json:1:22: info.name: not valid JSON: unexpected end of JSON input`,
		},
		{
			"not JSON at all",
			`<html>`,
			`c.json:1:1: not valid JSON: invalid character '<' looking for beginning of value`,
		},
		{
			"url is a number",
			lines(head,
				`"item": [{"name": "A",`,
				`  "request": {"url": 5}}]}`),
			`c.json:3:22: item "A" (item[0]): request.url: a url must be a string or an object, found number 5`,
		},
		{
			"unknown body mode",
			lines(head,
				`"item": [{"name": "F", "item": [{"name": "A",`,
				`  "request": {"url": "https://h/x", "body": {"mode": "soap"}}}]}]}`),
			`c.json:3:54: item "F/A" (item[0].item[0]): request.body.mode: unknown body mode "soap" (want raw, urlencoded, formdata, file or graphql)`,
		},
		{
			"header list is an object",
			lines(head,
				`"item": [{"name": "A",`,
				`  "request": {"url": "https://h/x", "header": {"a": "b"}}}]}`),
			`c.json:3:47: item "A" (item[0]): request.header: must be an array, found object`,
		},
		{
			"item is neither request nor folder",
			lines(head,
				`"item": [`,
				`  {"name": "Lost"}]}`),
			`c.json:3:3: item "Lost" (item[0]): an item needs a request or an item array`,
		},
		{
			"item is a number",
			lines(head,
				`"item": 5}`),
			`c.json:2:9: item: wrong type: want array, found number 5`,
		},
		{
			"item is an object",
			lines(head,
				`"item": {"name": "A"}}`),
			`c.json:2:9: item: wrong type: want array, found object`,
		},
		{
			"folder items is a string",
			lines(head,
				`"item": [{"name": "F", "item": "x"}]}`),
			`c.json:2:32: item "F" (item[0]): item: wrong type: want array, found string`,
		},
		{
			"info is an array",
			`{"info": [], "item": []}`,
			`c.json:1:10: info: wrong type: want object, found array`,
		},
		{
			"method is a number",
			lines(head,
				`"item": [{"name": "A", "request": {"method": 5, "url": "https://h/x"}}]}`),
			`c.json:2:46: item "A" (item[0]): request.method: wrong type: want string, found number 5`,
		},
		{
			"collection is an array",
			`[1, 2]`,
			`c.json: a collection must be a JSON object, found array`,
		},
		{
			"v1 unknown data mode",
			lines(`{"id": "c", "name": "c", "order": ["r1"], "requests": [`,
				`  {"id": "r1", "name": "Upload", "url": "https://h/x", "dataMode": "ftp"}]}`),
			`c.json:2:68: item "Upload" (requests[0]): dataMode: unknown body mode "ftp" (want raw, urlencoded, params, binary or graphql)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := parser.Parse("c.json", []byte(tt.in))
			if err == nil {
				t.Fatalf("no error; parsed %+v", c)
			}
			var list parser.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T is not an ErrorList: %v", err, err)
			}
			if got := list[0].Error(); got != tt.want {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

// TestParseWarnings checks problems that are worked around: the collection
// parses, and the warning names the item and JSON path.
func TestParseWarnings(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"unknown auth type",
			lines(head,
				`"item": [{"name": "A",`,
				`  "request": {"url": "https://h/x", "auth": {"type": "kerberos"}}}]}`),
			`c.json:3:54: item "A" (item[0]): request.auth.type: unknown auth type "kerberos"; requests that use it are sent without auth (add it with WithRequestEditor)`,
		},
		{
			"unknown form-data part type",
			lines(head,
				`"item": [{"name": "A", "request": {"url": "https://h/x", "method": "POST",`,
				`  "body": {"mode": "formdata", "formdata": [{"key": "k", "value": "v", "type": "blob"}]}}}]}`),
			`c.json:3:45: item "A" (item[0]): request.body.formdata[0]: unknown form-data part type "blob", sent as text`,
		},
		{
			"v1 unknown auth helper",
			lines(`{"id": "c", "name": "c", "order": ["r1"], "requests": [`,
				`  {"id": "r1", "name": "Signed", "url": "https://h/x", "currentHelper": "kerberosAuth"}]}`),
			`c.json:2:73: item "Signed" (requests[0]): currentHelper: unknown auth helper "kerberosAuth"; the request inherits auth`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, warns, err := parser.Parse("c.json", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) != 1 {
				t.Fatalf("got %d warnings %v, want 1", len(warns), warns)
			}
			if got := warns[0].Error(); got != tt.want {
				t.Errorf("warning\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

// TestParseV20AuthObjects reads v2.0 auth params (objects) and v2.1 ones
// (arrays) into the same model.
func TestParseV20AuthObjects(t *testing.T) {
	in := lines(`{"info": {"name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},`,
		`"auth": {"type": "apikey", "apikey": {"key": "X-Key", "value": "k", "in": "header"}},`,
		`"item": [{"name": "A", "request": {"url": "https://h/x",`,
		`  "auth": {"type": "basic", "basic": [{"key": "username", "value": "u"}, {"key": "password", "value": 7}]}}}]}`)
	c, _, err := parser.Parse("c.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if c.Version != "2.0.0" {
		t.Errorf("Version = %q", c.Version)
	}
	if got := []string{c.Auth.Type, c.Auth.Get("key"), c.Auth.Get("value"), c.Auth.Get("in")}; !reflect.DeepEqual(got, []string{"apikey", "X-Key", "k", "header"}) {
		t.Errorf("collection auth = %v", got)
	}
	a := c.Items[0].Request.Auth
	if got := []string{a.Type, a.Get("username"), a.Get("password")}; !reflect.DeepEqual(got, []string{"basic", "u", "7"}) {
		t.Errorf("request auth = %v", got)
	}
}

// TestParseV1 converts a small legacy v1 collection: folder order, root
// requests after the folders, header string with a // disabled line,
// enabled:false params, helper auth with renamed keys, scripts and saved
// responses.
func TestParseV1(t *testing.T) {
	in := `{
  "id": "c1", "name": "Legacy", "description": "old",
  "order": ["r3"],
  "folders_order": ["f2", "f1"],
  "folders": [
    {"id": "f1", "name": "One", "order": ["r1"]},
    {"id": "f2", "name": "Two", "order": ["r2"], "folders_order": []}
  ],
  "requests": [
    {"id": "r1", "name": "Create", "method": "post", "url": "https://api.example.com/things/:id?x=1",
     "pathVariables": {"id": "42"},
     "headers": "Accept: application/json\n// X-Debug: 1\n",
     "dataMode": "urlencoded",
     "data": [{"key": "a", "value": "1", "type": "text"}, {"key": "b", "value": "2", "enabled": false}],
     "tests": "tests['ok'] = true;"},
    {"id": "r2", "name": "Upload", "method": "PUT", "url": "https://api.example.com/files",
     "dataMode": "params", "data": [{"key": "file", "value": "a.txt", "type": "file"}],
     "currentHelper": "hawkAuth", "helperAttributes": {"id": "hawk", "hawk_id": "me", "hawk_key": "k", "algorithm": "sha256"},
     "responses": [{"name": "done", "responseCode": {"code": 201, "name": "Created"}, "text": "{}", "language": "json"}]},
    {"id": "r3", "name": "Raw", "method": "POST", "url": "https://api.example.com/raw",
     "dataMode": "raw", "rawModeData": "{\"a\": 1}", "currentHelper": "normal"}
  ]
}`
	c, warns, err := parser.Parse("v1.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	var got []string
	for _, ri := range c.Requests() {
		var folders []string
		for _, f := range ri.Folders {
			folders = append(folders, f.Name)
		}
		got = append(got, strings.Join(append(folders, ri.Name+" "+ri.Request.Method+" "+ri.Path), "/"))
	}
	want := []string{"Two/Upload PUT requests[1]", "One/Create POST requests[0]", "Raw POST requests[2]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("requests = %q, want %q", got, want)
	}
	reqs := c.Requests()
	create := reqs[1].Request
	if create.URL.Variables[0].Key != "id" || create.URL.Variables[0].Value != "42" {
		t.Errorf("path variables = %+v", create.URL.Variables)
	}
	if len(create.Headers) != 2 || create.Headers[1].Key != "X-Debug" || !create.Headers[1].Disabled || create.Headers[0].Disabled {
		t.Errorf("headers = %+v", create.Headers)
	}
	if b := create.Body; b.Mode != "urlencoded" || len(b.URLEncoded) != 2 || b.URLEncoded[0].Disabled || !b.URLEncoded[1].Disabled {
		t.Errorf("body = %+v", b)
	}
	if ev := reqs[1].Events; len(ev) != 1 || ev[0].Listen != "test" || reqs[1].Scripts != 1 {
		t.Errorf("events = %+v, scripts %d", ev, reqs[1].Scripts)
	}
	upload := reqs[0]
	if b := upload.Request.Body; b.Mode != "formdata" || b.FormData[0].Type != "file" || !reflect.DeepEqual(b.FormData[0].Src, []string{"a.txt"}) {
		t.Errorf("upload body = %+v", b)
	}
	if a := upload.Auth; a == nil || a.Type != "hawk" || a.Get("authId") != "me" || a.Get("authKey") != "k" || a.Get("id") != "" {
		t.Errorf("upload auth = %+v", a)
	}
	if r := upload.Responses[0]; r.Code != 201 || r.Status != "Created" || r.Body != "{}" || r.PreviewLanguage != "json" {
		t.Errorf("response = %+v", r)
	}
	raw := reqs[2]
	if raw.Auth != nil || raw.Request.Body.Raw != `{"a": 1}` {
		t.Errorf("raw: auth %+v body %+v", raw.Auth, raw.Request.Body)
	}
}

func TestDecodeURLText(t *testing.T) {
	for in, want := range map[string]string{
		"Yosemite%2FYosemite2": "Yosemite/Yosemite2",
		"abc%2fdef%3D%3D":      "abc/def==",
		"100%":                 "100%",
		"%zz%4":                "%zz%4",
		"%25":                  "%",
		"%e2%82%ac":            "€",
		"plain":                "plain",
	} {
		if got := parser.DecodeURLText(in); got != want {
			t.Errorf("DecodeURLText(%q) = %q, want %q", in, got, want)
		}
	}
	c, _, err := parser.Parse("q.json", []byte(`{"info":{"name":"q"},"item":[{"name":"a","request":{"url":"https://h.test/a?k%5B%5D=Yosemite%2FYosemite2"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if q := c.Requests()[0].Request.URL.Query; len(q) != 1 || q[0].Key != "k[]" || q[0].Value != "Yosemite/Yosemite2" {
		t.Errorf("query = %+v, want k[]=Yosemite/Yosemite2 decoded", q)
	}
}

func TestParseEnvelopeAndItemsAlias(t *testing.T) {
	for name, data := range map[string]string{
		"envelope": `{"collection": {"info": {"name": "E"}, "item": [{"name": "a", "request": "https://h.test/a"}]}}`,
		"items":    `{"info": {"name": "E"}, "items": [{"name": "a", "request": "https://h.test/a"}]}`,
	} {
		c, warns, err := parser.Parse("e.json", []byte(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if c.Name != "E" || len(c.Requests()) != 1 || c.Requests()[0].Name != "a" {
			t.Errorf("%s: collection %q with %d requests", name, c.Name, len(c.Requests()))
		}
		if len(warns) != 1 {
			t.Errorf("%s: warnings %v, want one", name, warns)
		}
	}
}

func TestIsV1(t *testing.T) {
	for path, want := range map[string]bool{
		"../testdata/legacy-v1/collection.json":                         true,
		"../../shared/corpus/legacy-v1-box.postman_collection.json":     true,
		"../../shared/corpus/legacy-v1-helpers.postman_collection.json": true,
		"../testdata/zoom-im-group/collection.json":                     false,
	} {
		data, err := os.ReadFile(path)
		if err != nil {
			if os.IsNotExist(err) && strings.Contains(path, "shared") {
				continue // the corpus is beside the repository, not in it
			}
			t.Fatal(err)
		}
		if got := parser.IsV1(data); got != want {
			t.Errorf("IsV1(%s) = %v, want %v", path, got, want)
		}
		c, _, err := parser.Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		if (c.Version == "1.0.0") != want {
			t.Errorf("%s: Parse read version %s, IsV1 says %v", path, c.Version, want)
		}
	}
}

// TestInheritance: a request's auth, scripts and protocolProfileBehavior
// come from the innermost of item, folders and collection that sets them.
func TestInheritance(t *testing.T) {
	c, _, err := parser.Parse("i.json", []byte(`{"info":{"name":"i"},
		"protocolProfileBehavior":{"disableBodyPruning":true,"followRedirects":false},
		"event":[{"listen":"test","script":{"exec":["pm.test('x')"]}}],
		"item":[{"name":"f","protocolProfileBehavior":{"disableBodyPruning":false},
			"event":[{"listen":"prerequest","script":{"exec":["  "]}}],
			"item":[{"name":"a","request":"https://h.test/a"},
				{"name":"b","event":[{"listen":"prerequest","script":{"exec":["pm.variables.set('x',1)"]}}],
				 "protocolProfileBehavior":{"disableBodyPruning":true},"request":"https://h.test/b"}]},
			{"name":"c","request":"https://h.test/c"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	rs := c.Requests()
	type want struct {
		pruning, redirects string
		pre                bool
		scripts            int
	}
	for i, w := range []want{{"false", "false", false, 1}, {"true", "false", true, 2}, {"true", "false", false, 1}} {
		ri := rs[i]
		p, _ := ri.Behavior("disableBodyPruning")
		r, _ := ri.Behavior("followRedirects")
		if p != w.pruning || r != w.redirects || ri.Prerequest != w.pre || ri.Scripts != w.scripts {
			t.Errorf("%s: pruning %s, redirects %s, prerequest %v, scripts %d; want %+v", ri.Name, p, r, ri.Prerequest, ri.Scripts, w)
		}
	}
	if _, ok := rs[0].Behavior("unset"); ok {
		t.Error("a key nobody sets is found")
	}
}
