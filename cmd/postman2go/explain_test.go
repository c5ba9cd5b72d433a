package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExplainWritesNothing(t *testing.T) {
	ws := workspace(t)
	before := snapshot(t, ws)
	r := postman2go(t, ws, nil, "--explain", "-o", "out", "-p", "zoomim", "collection.json")
	r.want(t, 0)
	for _, want := range []string{
		"CreateIMDirectoryGroup  POST /im/groups",
		"type                  form  Type               CreateIMDirectoryGroupType (normal|shared|restricted)",
		"enum from (This can only be one of ...)",
		"search_by_domain      form  SearchByDomain     *bool",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("--explain output lacks %q:\n%s", want, r.stdout)
		}
	}
	sameSnapshot(t, "--explain", before, snapshot(t, ws))
}

func TestConfigRenamesAndRetypes(t *testing.T) {
	ws := workspace(t)
	cfg := `{"operations": {"Create an IM directory group": {"name": "CreateGroup", "fields": {"name": {"required": true}}}}}`
	if err := os.WriteFile(filepath.Join(ws, "config.json"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	generate(t, ws, "--config", "config.json")
	ops := readFile(t, filepath.Join(ws, "out", "operations_gen.go"))
	if !strings.Contains(ops, "func (c *Client) CreateGroup(ctx context.Context, params CreateGroupParams") {
		t.Errorf("config name not applied:\n%s", ops)
	}
	if params := readFile(t, filepath.Join(ws, "out", "params_gen.go")); !strings.Contains(params, `v.require("name", p.Name != "")`) {
		t.Errorf("config required not applied:\n%s", params)
	}
	// The config is part of the input: checking without it is drift.
	postman2go(t, ws, nil, "--check", "-o", "out", "-p", "zoomim", "collection.json").want(t, 1)
	postman2go(t, ws, nil, "--check", "--config", "config.json", "-o", "out", "-p", "zoomim", "collection.json").want(t, 0)

	if err := os.WriteFile(filepath.Join(ws, "bad.json"), []byte(`{"operations": {"x": {"name": "lower"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	r := postman2go(t, ws, nil, "--config", "bad.json", "-o", "out2", "collection.json")
	r.want(t, 2)
	if !strings.Contains(r.stderr, `bad.json: config: operation "x": name "lower" is not an exported Go identifier`) {
		t.Errorf("stderr = %s", r.stderr)
	}
}
