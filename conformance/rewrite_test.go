package main

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/postman2go/postman2go/parser"
)

func TestRawURL(t *testing.T) {
	vars := map[string]string{"baseUrl": "https://api.example.com/v2/", "host": "example.org"}
	rw := &rewriter{hostPort: "127.0.0.1:9", resolve: func(s string) string { return parser.Resolve(s, vars) }}
	cases := map[string]string{
		"{{baseUrl}}/users/:id?x=1":        "http://127.0.0.1:9/v2/users/:id?x=1",
		"https://{{host}}:8443/a/b?q#frag": "http://127.0.0.1:9/a/b?q#frag",
		"example.com/path":                 "http://127.0.0.1:9/path",
		"/only/a/path":                     "http://127.0.0.1:9/only/a/path",
		"http://x.test?q=a://b":            "http://127.0.0.1:9?q=a://b",
	}
	for in, want := range cases {
		if got := rw.rawURL(in); got != want {
			t.Errorf("rawURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestURLObjectKeepsBasePath(t *testing.T) {
	vars := map[string]string{"baseUrl": "https://api.example.com/v2"}
	rw := &rewriter{hostPort: "127.0.0.1:9", resolve: func(s string) string { return parser.Resolve(s, vars) }}
	var u map[string]any
	json.Unmarshal([]byte(`{"raw":"{{baseUrl}}/users","host":["{{baseUrl}}"],"path":["users",":id"],"query":[{"key":"a","value":"1"}]}`), &u)
	got := rw.url(u).(map[string]any)
	want := map[string]any{
		"raw": "http://127.0.0.1:9/v2/users", "protocol": "http", "host": []string{"127", "0", "0", "1"}, "port": "9",
		"path": []any{"v2", "users", ":id"}, "query": []any{map[string]any{"key": "a", "value": "1"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("url:\n got %#v\nwant %#v", got, want)
	}
}

// A URL object with neither host nor path (newman reads no raw text) gets
// the rewritten raw's parts and keeps its query and path variables.
func TestURLObjectWithoutHostOrPath(t *testing.T) {
	vars := map[string]string{"baseUrl": "https://api.example.com/v2"}
	rw := &rewriter{hostPort: "127.0.0.1:9", resolve: func(s string) string { return parser.Resolve(s, vars) }}
	var u map[string]any
	json.Unmarshal([]byte(`{"raw":"{{baseUrl}}/things/:id?a=1#top","query":[{"key":"a","value":"1"}],"variable":[{"key":"id","value":"77"}]}`), &u)
	got := rw.url(u).(map[string]any)
	want := map[string]any{
		"raw": "http://127.0.0.1:9/v2/things/:id?a=1#top", "protocol": "http", "host": []string{"127", "0", "0", "1"}, "port": "9",
		"path": "/v2/things/:id", "hash": "top",
		"query": []any{map[string]any{"key": "a", "value": "1"}}, "variable": []any{map[string]any{"key": "id", "value": "77"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("url:\n got %#v\nwant %#v", got, want)
	}
}

func TestSetPath(t *testing.T) {
	var item map[string]any
	json.Unmarshal([]byte(`{"request":{"url":{"query":[{"key":"a","value":"<integer>"}],"variable":[{"key":"id"}]}}}`), &item)
	if !setPath(item, "request.url.query[0].value", "1") || !setPath(item, "request.url.variable[0].value", "v-id") {
		t.Fatal("setPath failed on existing paths")
	}
	if setPath(item, "request.url.query[3].value", "x") || setPath(item, "request.header[0].value", "x") {
		t.Error("setPath reported success on a missing path")
	}
	b, _ := json.Marshal(item)
	want := `{"request":{"url":{"query":[{"key":"a","value":"1"}],"variable":[{"key":"id","value":"v-id"}]}}}`
	if string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}

func TestReferencedVarsAndFill(t *testing.T) {
	got := referencedVars([]byte(`{"a":"{{b}}/{{a}}","c":"{{$guid}} {{hello_{{var}}}} {{b}}"}`))
	want := []string{"$guid", "a", "b", "var"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("referencedVars = %q, want %q", got, want)
	}
	if got := fillValue("$guid name/x"); got != "v-_guid_name_x" {
		t.Errorf("fillValue = %q", got)
	}
}
