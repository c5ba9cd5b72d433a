package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// e2eCollection exercises the pipeline: variables (defined, undefined and
// dynamic), a base path in the host variable, a placeholder in a typed
// field, an empty path variable, bearer auth, a urlencoded body with a
// repeated key, a multipart body with a file, and a test script.
const e2eCollection = `{
  "info": {"name": "e2e", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "variable": [{"key": "baseUrl", "value": "https://api.example.com/v2"}],
  "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}]},
  "item": [
    {"name": "Get item", "request": {"method": "GET",
      "header": [{"key": "X-Request-Id", "value": "{{$guid}}"}, {"key": "X-Fixed", "value": "abc"}],
      "url": {"host": ["{{baseUrl}}"], "path": ["items", ":id"],
        "query": [{"key": "limit", "value": "<integer>"}, {"key": "q", "value": "a b(c)"}, {"key": "off", "value": "3", "disabled": true}],
        "variable": [{"key": "id", "value": ""}]}}},
    {"name": "Form", "event": [{"listen": "test", "script": {"exec": ["pm.environment.set('token', 'changed')"]}}],
      "request": {"method": "POST", "url": "{{baseUrl}}/form",
      "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1"}, {"key": "b", "value": "x y"}, {"key": "a", "value": "3"}]}}},
    {"name": "Upload", "request": {"method": "POST", "url": "{{baseUrl}}/upload",
      "body": {"mode": "formdata", "formdata": [{"key": "note", "value": "hi", "type": "text"}, {"key": "doc", "src": "/home/me/doc.bin", "type": "file", "contentType": "application/octet-stream"}]}}}
  ]
}`

func e2e(t *testing.T, plant func(map[string]string)) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs newman")
	}
	bin, err := filepath.Abs("node_modules/.bin/newman")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Skip("newman is not installed: npm ci --prefix conformance")
	}
	file := filepath.Join(t.TempDir(), "c.json")
	if err := os.WriteFile(file, []byte(e2eCollection), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run(config{file: file, newman: bin, plant: plant}, &out); err != nil {
		t.Fatalf("harness error: %v\n%s", err, out.String())
	}
	return out.String()
}

func TestEndToEndEquivalent(t *testing.T) {
	out := e2e(t, nil)
	if !strings.HasSuffix(out, "conformance: 3/3 requests wire-equivalent (0 skipped)\n") {
		t.Errorf("want 3/3 equivalent, got:\n%s", out)
	}
}

// A driver value that differs from newman's must be reported.
func TestEndToEndPlantedDifference(t *testing.T) {
	out := e2e(t, func(vars map[string]string) { vars["token"] = "planted" })
	for _, want := range []string{
		`Get item  differs: header Authorization: newman "Bearer v-token", client "Bearer planted"`,
		"conformance: 0/3 requests wire-equivalent (0 skipped)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
