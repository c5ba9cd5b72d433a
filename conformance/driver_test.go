package main

import (
	"go/parser"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/conformance/driver"
	"github.com/postman2go/postman2go/generator"
	model "github.com/postman2go/postman2go/parser"
)

const driverCollection = `{
  "info": {"name": "d", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "variable": [{"key": "baseUrl", "value": "https://api.example.com/v1"}],
  "item": [
    {"name": "Get", "request": {"method": "GET",
      "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}]},
      "header": [{"key": "X-Id", "value": "{{reqId}}"}],
      "url": {"host": ["{{baseUrl}}"], "path": ["items", ":id"],
        "query": [{"key": "limit", "value": "<integer>"}, {"key": "off", "value": "1", "disabled": true}, {"key": "q", "value": "a b"}],
        "variable": [{"key": "id", "value": ""}]}}},
    {"name": "Scripted", "event": [{"listen": "prerequest", "script": {"exec": ["pm.request.headers.add('x')"]}}],
      "request": {"method": "GET", "url": "{{baseUrl}}/s"}},
    {"name": "Tested", "event": [{"listen": "test", "script": {"exec": ["pm.test('ok')"]}}],
      "request": {"method": "GET", "url": "{{baseUrl}}/t"}},
    {"name": "Signed", "request": {"method": "GET", "auth": {"type": "hawk", "hawk": []}, "url": "{{baseUrl}}/h"}},
    {"name": "Bad number", "request": {"method": "POST",
      "url": {"host": ["{{baseUrl}}"], "path": ["n"], "query": [{"key": "n", "value": "12", "description": "<integer>"}]},
      "body": {"mode": "raw", "raw": "{\"a\": {{reqId}}}"}},
      "response": [{"name": "x", "originalRequest": {"method": "GET", "url": {"host": ["{{baseUrl}}"], "path": ["n"], "query": [{"key": "n", "value": "lots"}]}}}]}
  ]
}`

func TestGenerateDriver(t *testing.T) {
	c, _, err := model.Parse("d.json", []byte(driverCollection))
	if err != nil {
		t.Fatal(err)
	}
	f, calls, err := generateDriver(c, generator.Options{Package: "api"}, map[string]string{"token": "tok", "reqId": "r-1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Content, 0); err != nil {
		t.Fatalf("driver does not parse: %v\n%s", err, f.Content)
	}
	// Compared without whitespace: gofmt aligns the literals.
	src := strings.Join(strings.Fields(string(f.Content)), "")
	has := func(s string) bool { return strings.Contains(src, strings.Join(strings.Fields(s), "")) }

	var skips []string
	for _, call := range calls {
		skips = append(skips, call.Skip)
	}
	wantSkips := []string{"", "", "", `auth "hawk" is not implemented by the client`, ""}
	if !calls[1].ScriptRemoved || calls[2].ScriptRemoved {
		t.Errorf("ScriptRemoved = %v, %v; want the pre-request script (not the test script) noted", calls[1].ScriptRemoved, calls[2].ScriptRemoved)
	}
	if !reflect.DeepEqual(skips, wantSkips) {
		t.Errorf("skips = %q, want %q", skips, wantSkips)
	}

	// The first call: variables resolved, the placeholder and the empty
	// path variable replaced in both runs, the disabled query left out,
	// the base path kept, the bearer token given.
	wantOverrides := []driver.Override{
		{ItemPath: "item[0]", ParamPath: "request.url.variable[0].value", Value: "v-id"},
		{ItemPath: "item[0]", ParamPath: "request.url.query[0].value", Value: "1"},
	}
	if !reflect.DeepEqual(calls[0].Overrides, wantOverrides) {
		t.Errorf("overrides = %+v, want %+v", calls[0].Overrides, wantOverrides)
	}
	for _, want := range []string{
		`ID: "v-id"`, `XID: "r-1"`, `Limit: Ptr(int64(1))`, `Q: "a b"`,
		`WithBaseURL(base + "/v1")`, `WithBearerToken("tok")`,
		`WithHeader("X-Conformance-Op", "0")`, `WithHeader("X-Conformance-Op", "1")`, `WithHeader("X-Conformance-Op", "2")`,
	} {
		if !has(want) {
			t.Errorf("driver lacks %s", want)
		}
	}
	for _, absent := range []string{"Off:", `"X-Conformance-Op", "3"`} {
		if has(absent) {
			t.Errorf("driver has %s", absent)
		}
	}

	// A string field (an example says "lots") holds "12".
	if calls[4].Problem != "" || !has(`N: "12"`) {
		t.Errorf("Bad number: problem %q, or N not given", calls[4].Problem)
	}
	if !has(`[]byte("{\"a\": r-1}")`) {
		t.Error("raw body not resolved byte for byte")
	}
}

// An int64 field cannot hold the value the request sends: no call, and a
// problem that says why.
func TestGenerateDriverProblem(t *testing.T) {
	col := strings.Replace(driverCollection, `{"key": "n", "value": "12", "description": "<integer>"}`, `{"key": "n", "value": "1x", "description": "<integer>"}`, 1)
	col = strings.Replace(col, `"value": "lots"`, `"value": "<integer>"`, 1)
	c, _, err := model.Parse("d.json", []byte(col))
	if err != nil {
		t.Fatal(err)
	}
	_, calls, err := generateDriver(c, generator.Options{Package: "api"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := calls[4].Problem; !strings.Contains(p, `"1x"`) || !strings.Contains(p, "int64") {
		t.Errorf("problem = %q, want one naming the value and int64", p)
	}
}
