package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/postman2go/postman2go/generator"
	"github.com/postman2go/postman2go/parser"
)

// readmeGoVersion is how the README states the Go version generated code
// needs.
var readmeGoVersion = regexp.MustCompile(`generated package needs Go 1\.(\d+) or later`)

// TestGeneratedGoVersion keeps the README's minimum Go version for generated
// code exact. The packages of every testdata collection must pass go vet in
// a module whose go.mod says that version (the type checker refuses newer
// language features, and vet's stdversion analyzer newer standard-library
// API; it skips generated files, so the header is replaced), and one of
// them must need it: fail at the version before, or use a json "omitzero"
// tag (Go 1.24; older versions compile it but ignore it and send zero
// values).
func TestGeneratedGoVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet over every testdata package twice")
	}
	m := readmeGoVersion.FindStringSubmatch(readFile(t, "../../README.md"))
	if m == nil {
		t.Fatalf("README.md does not say %q", readmeGoVersion)
	}
	claimed, _ := strconv.Atoi(m[1])

	dir := t.TempDir()
	collections, err := filepath.Glob("../../testdata/*/collection.json")
	if err != nil || len(collections) == 0 {
		t.Fatalf("no testdata collections (%v)", err)
	}
	omitzero := "" // a file with a json omitzero tag
	for _, c := range collections {
		data, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		pkgFile := filepath.Join(filepath.Dir(c), "package")
		name := strings.TrimSpace(readFile(t, pkgFile))
		coll, _, err := parser.Parse(c, data)
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		files, _, err := generator.Generate(coll, generator.Options{Package: name, Source: c, Input: data})
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			src := strings.Replace(string(f.Content), generator.HeaderLine, "// (header removed: vet's stdversion analyzer skips generated files)", 1)
			if omitzero == "" && strings.Contains(src, `,omitzero"`) {
				omitzero = name + "/" + f.Name
			}
			if err := os.WriteFile(filepath.Join(dir, name, f.Name), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	vet := func(minor int) (string, error) {
		gomod := fmt.Sprintf("module example.com/goversion\n\ngo 1.%d\n", minor)
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "vet", "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := vet(claimed); err != nil {
		t.Fatalf("README.md says generated code needs Go 1.%d, but at go 1.%d go vet fails (%v):\n%.3000s", claimed, claimed, err, out)
	}
	if omitzero != "" && claimed < 24 {
		t.Fatalf("README.md says generated code needs Go 1.%d, but %s has a json omitzero tag, which needs Go 1.24", claimed, omitzero)
	}
	if omitzero != "" && claimed == 24 {
		return // exact: omitzero needs 1.24
	}
	if _, err := vet(claimed - 1); err == nil {
		t.Fatalf("README.md says generated code needs Go 1.%d, but it vets at go 1.%d too: lower the README's version", claimed, claimed-1)
	}
}
