package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEnvironmentFillsVariables: --env gives the collection the values it
// lacks (here its base URL and an example), never a secret one, and is part
// of the input hash.
func TestEnvironmentFillsVariables(t *testing.T) {
	tmp := t.TempDir()
	coll := filepath.Join(tmp, "c.json")
	os.WriteFile(coll, []byte(`{"info":{"name":"e","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable":[{"key":"region","value":""}],
		"item":[{"name":"Get","request":{"method":"GET","url":"{{baseUrl}}/things?region={{region}}",
		"header":[{"key":"X-Api-Key","value":"{{apiKey}}"}]}}]}`), 0o644)
	env := filepath.Join(tmp, "dev.postman_environment.json")
	write := func(base string) {
		os.WriteFile(env, []byte(`{"name":"dev","values":[
			{"key":"baseUrl","value":"`+base+`","type":"default","enabled":true},
			{"key":"region","value":"eu-west","type":"default","enabled":true},
			{"key":"apiKey","value":"sk-live-SECRET","type":"secret","enabled":true}]}`), 0o644)
	}
	write("https://api.example.com")
	out := filepath.Join(tmp, "out")
	var stderr bytes.Buffer
	if code := run([]string{"-o", out, "-p", "e", "--env", env, coll}, nil, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "1 secret values are not used") {
		t.Errorf("no warning about the secret value: %s", stderr.String())
	}
	api, _ := os.ReadFile(filepath.Join(out, "api_gen.go"))
	if !bytes.Contains(api, []byte(`DefaultBaseURL = "https://api.example.com"`)) {
		t.Errorf("DefaultBaseURL not from the environment:\n%s", api)
	}
	params, _ := os.ReadFile(filepath.Join(out, "params_gen.go"))
	if !bytes.Contains(params, []byte("Example: eu-west")) {
		t.Errorf("the empty collection variable was not filled:\n%s", params)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(out, e.Name()))
		if bytes.Contains(data, []byte("sk-live-SECRET")) {
			t.Errorf("%s holds the secret value", e.Name())
		}
	}
	check := []string{"--check", "-o", out, "-p", "e", "--env", env, coll}
	if code := run(check, nil, &bytes.Buffer{}, &bytes.Buffer{}); code != exitOK {
		t.Fatalf("--check right after: exit %d", code)
	}
	write("https://staging.example.com")
	if code := run(check, nil, &bytes.Buffer{}, &bytes.Buffer{}); code != exitDrift {
		t.Errorf("--check after the environment changed: exit %d, want %d", code, exitDrift)
	}
}
