package generator_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStagesImportOneWay: the stages' package graph is what the compiler
// keeps true: ir imports no later stage, lower does not import emit, emit
// reads only the IR (never the parser or lowering), and no package that
// imports jennifer imports the parser.
func TestStagesImportOneWay(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "../...").Output()
	if err != nil {
		t.Fatal(err)
	}
	const mod = "github.com/postman2go/postman2go/"
	forbidden := map[string][]string{
		mod + "generator/ir":    {mod + "generator/lower", mod + "generator/emit", mod + "generator"},
		mod + "generator/lower": {mod + "generator/emit", mod + "generator"},
		mod + "generator/emit":  {mod + "generator/lower", mod + "parser", mod + "generator"},
	}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		has := func(p string) bool {
			for _, i := range imports {
				if i == p {
					return true
				}
			}
			return false
		}
		for _, bad := range forbidden[pkg] {
			seen++
			if has(bad) {
				t.Errorf("%s imports %s, a later stage", pkg, bad)
			}
		}
		if has("github.com/dave/jennifer/jen") && has(mod+"parser") {
			t.Errorf("%s imports both jennifer and the parser", pkg)
		}
	}
	if seen == 0 {
		t.Fatal("no stage package listed: the scan is broken")
	}
}
