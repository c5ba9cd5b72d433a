package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// e2eV3Collection is e2eCollection as a v3 directory, with headers in both
// forms.
var e2eV3Collection = map[string]string{
	".resources/definition.yaml": `$kind: collection
name: e2e
variables:
  baseUrl: https://api.example.com/v2
auth:
  type: bearer
  credentials:
    token: "{{token}}"
`,
	"Get item.request.yaml": `$kind: http-request
url: "{{baseUrl}}/items/:id?limit=<integer>&q=a b(c)"
method: GET
headers:
  X-Request-Id: "{{$guid}}"
  X-Fixed: abc
queryParams:
  - key: limit
    value: <integer>
  - key: q
    value: a b(c)
  - key: "off"
    value: "3"
    disabled: true
pathVariables:
  id: ""
order: 1000
`,
	"Form.request.yaml": `$kind: http-request
url: "{{baseUrl}}/form"
method: POST
headers:
  - key: X-Form
    value: "yes"
body:
  type: urlencoded
  content:
    - {key: a, value: "1"}
    - {key: b, value: x y}
    - {key: a, value: "3"}
scripts:
  - type: afterResponse
    code: pm.environment.set('token', 'changed')
order: 2000
`,
	"Upload.request.yaml": `$kind: http-request
url: "{{baseUrl}}/upload"
method: POST
body:
  type: formdata
  content:
    - {key: note, type: text, value: hi}
    - {key: doc, type: file, src: /home/me/doc.bin, contentType: application/octet-stream}
order: 3000
`,
}

func e2eV3(t *testing.T, plant func(map[string]string)) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the Postman CLI")
	}
	bin, err := filepath.Abs("node_modules/.bin/postman")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Skip("the Postman CLI is not installed: npm ci --prefix conformance")
	}
	dir := writeFixture(t, e2eV3Collection)
	var out strings.Builder
	if err := run(config{file: dir, postman: bin, plant: plant}, &out); err != nil {
		t.Fatalf("harness error: %v\n%s", err, out.String())
	}
	return out.String()
}

func TestEndToEndV3Equivalent(t *testing.T) {
	out := e2eV3(t, nil)
	if !strings.HasSuffix(out, "conformance: 3/3 requests wire-equivalent (0 skipped)\n") {
		t.Errorf("want 3/3 equivalent, got:\n%s", out)
	}
}

// A driver value that differs from the Postman CLI's must be reported, with
// the runner named.
func TestEndToEndV3PlantedDifference(t *testing.T) {
	out := e2eV3(t, func(vars map[string]string) { vars["token"] = "planted" })
	for _, want := range []string{
		`Get item  differs: header Authorization: postman "Bearer v-token", client "Bearer planted"`,
		"conformance: 0/3 requests wire-equivalent (0 skipped)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// A v3 collection the parser refuses is not compared, and is no harness
// error; the runner is not started.
func TestV3Refused(t *testing.T) {
	dir := writeFixture(t, map[string]string{
		".resources/definition.yaml": "$kind: collection\nname: [x\n",
		"a.request.yaml":             "$kind: http-request\nurl: x\n",
	})
	var out strings.Builder
	if err := run(config{file: dir, postman: "/nonexistent/postman"}, &out); err != nil {
		t.Fatalf("harness error: %v", err)
	}
	if !strings.Contains(out.String(), "not compared: the generator refuses the collection: .resources/definition.yaml:2:") {
		t.Errorf("got:\n%s", out.String())
	}
}
