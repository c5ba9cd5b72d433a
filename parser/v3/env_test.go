package v3

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/parser"
)

func envText(e *Environment) string {
	var out []string
	for _, v := range e.Values {
		s := v.Key + "=" + v.Value
		if !v.Enabled {
			s += "(off)"
		}
		if v.Secret {
			s += "(secret)"
		}
		out = append(out, s)
	}
	return e.Name + ": " + strings.Join(out, " ")
}

func TestEnvironment(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tc := range []struct{ name, data, want string }{
		{"v21.postman_environment.json", `{
  "id": "5f1a", "name": "PRD-US",
  "values": [
    {"key": "baseUrl", "value": "http://localhost:4500", "type": "default", "enabled": true},
    {"key": "token", "value": "s3cr3t", "type": "secret", "enabled": true},
    {"key": "old", "value": "x", "enabled": false},
    {"key": "n", "value": 5},
    {"key": "nothing"}
  ],
  "_postman_variable_scope": "environment"
}`, "PRD-US: baseUrl=http://localhost:4500 token=s3cr3t(secret) old=x(off) n=5 nothing="},
		{"api.json", `{"environment": {"name": "Wrapped", "values": [{"key": "a", "value": "1"}]}}`, "Wrapped: a=1"},
		{"bom.json", "\uFEFF{\"name\": \"B\", \"values\": []}", "B: "},
		{"prd.environment.yaml", `name: PRD-US
color: 120
values:
  - {key: baseUrl, value: 'http://localhost:4500', enabled: true, type: default}
  - {key: secret, secret: true}
  - {key: apiKey, value: k, type: secret}
  - {key: date, value: 2029-12-24, enabled: false}
  - {key: flag, value: Off}
`, "PRD-US: baseUrl=http://localhost:4500 secret=(secret) apiKey=k(secret) date=2029-12-24(off) flag=Off"},
		{"map.environment.yaml", "name: M\nvalues:\n  a: \"1\"\n  b: two\n", "M: a=1 b=two"},
		{"empty.environment.yaml", "", ": "},
	} {
		env, _, err := ParseEnvironment(write(tc.name, tc.data))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got := envText(env); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	env, _, _ := ParseEnvironment(write("dup.environment.yaml", "values:\n  - {key: a, value: \"1\"}\n  - {key: a, value: \"2\"}\n  - {key: off, value: x, enabled: false}\n"))
	if vars := env.Vars(); len(vars) != 1 || vars["a"].Value != "2" {
		t.Errorf("Vars %+v", vars)
	}
	for name, want := range map[string]string{
		"bad.json":              "not valid",
		"bad.environment.yaml":  "not valid YAML",
		"list.environment.yaml": "must be a mapping, found a list",
		"vals.environment.yaml": "values must be a list",
		"type.json":             "values must be an array",
	} {
		data := map[string]string{
			"bad.json":              "{\"name\": \"x\",\n \"values\": [}",
			"bad.environment.yaml":  "name: x\nvalues: [\n",
			"list.environment.yaml": "- a\n",
			"vals.environment.yaml": "values: 5\n",
			"type.json":             `{"values": 5}`,
		}[name]
		_, _, err := ParseEnvironment(write(name, data))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", name, err, want)
			continue
		}
		if l, ok := err.(parser.ErrorList); !ok || l[0].File != filepath.Join(dir, name) {
			t.Errorf("%s: error %T does not name the file", name, err)
		}
	}
	if _, _, err := ParseEnvironment(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing file")
	}
}
