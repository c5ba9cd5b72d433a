package main

// The scripts in testdata/script run what the README tells a user to run,
// word for word (readme_test.go checks that every command of the README is
// in one of them): postman2go itself runs in-process (testscript puts the
// test binary on PATH as postman2go, see TestMain), the go command is the
// real one.
//
// The scripts never use the network: GOPROXY=off and GOSUMDB=off, so
// go mod tidy in a user's module takes postman2go's dependencies from the
// module cache, which goEnv fills with go mod download first: building
// these tests does not need all of them (golang.org/x/sys is only imported
// by testscript on other systems), go mod tidy does. (A user's first
// go mod tidy downloads them, and checks them against sum.golang.org,
// through the module proxy.)

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	env := goEnv(t)
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("REPO", repo)
			for k, v := range env {
				e.Setenv(k, v)
			}
			e.Setenv("GOPROXY", "off")
			e.Setenv("GOSUMDB", "off")
			// go install never writes into the real GOPATH/bin.
			e.Setenv("GOBIN", filepath.Join(e.WorkDir, "bin"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"clone":  cmdClone(repo),
			"cmpout": cmdCmpout,
			"edit":   cmdEdit,
			"cpdir":  cmdCpdir,
		},
	})
}

var (
	goEnvOnce sync.Once
	goEnvVars map[string]string
	goEnvErr  error
)

// goEnv is the go command's configuration that the scripts keep: testscript
// gives them a HOME of their own (so no go env file), and the build and
// module caches must stay the user's.
func goEnv(t *testing.T) map[string]string {
	goEnvOnce.Do(func() {
		names := []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOFLAGS", "GOTOOLCHAIN", "CGO_ENABLED", "GOENV"}
		out, err := exec.Command("go", append([]string{"env", "-json"}, names...)...).Output()
		if err != nil {
			goEnvErr = fmt.Errorf("go env: %v", err)
			return
		}
		all := map[string]string{}
		if err := json.Unmarshal(out, &all); err != nil {
			goEnvErr = err
			return
		}
		goEnvVars = map[string]string{}
		for k, v := range all {
			if v != "" && k != "GOENV" {
				goEnvVars[k] = v
			}
		}
		goEnvVars["GOENV"] = "off" // the settings above are all there is
		// Every module go.mod lists, in the module cache (see the top).
		if out, err := exec.Command("go", "mod", "download").CombinedOutput(); err != nil {
			goEnvErr = fmt.Errorf("go mod download: %v\n%s", err, out)
		}
	})
	if goEnvErr != nil {
		t.Fatal(goEnvErr)
	}
	return goEnvVars
}

// cmdClone is "clone DIR": DIR becomes a copy of the repository as a fresh
// clone has it: no .git, and none of what builds and runs leave behind
// (_out, out, node_modules, binaries, lock files).
func cmdClone(repo string) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: clone DIR")
		}
		dst := ts.MkAbs(args[0])
		err := filepath.WalkDir(repo, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(repo, path)
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				// .resources holds a v3 collection's definitions: it is data.
				if rel != "." && (strings.HasPrefix(name, ".") && name != ".resources" || strings.HasPrefix(name, "_") || name == "node_modules" || rel == "out") {
					return filepath.SkipDir
				}
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			if !d.Type().IsRegular() || rel == "postman2go" || name == lockName || strings.HasSuffix(name, ".test") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		ts.Check(err)
	}
}

// summaryLine is a summary line: its run time, and the counts of types and
// files, which follow the generator's internals rather than the input, are
// masked when a sample is compared.
var (
	summaryLine = regexp.MustCompile(`(?m)^postman2go: .* in [0-9.]+[µnm]?s$`)
	runTime     = regexp.MustCompile(` in [0-9.]+[µnm]?s$`)
	typesFiles  = regexp.MustCompile(`\b\d+ (types?|files?|written)\b`)
)

// maskSummary masks the run time and the type and file counts of summary
// lines: "postman2go: out: 1 operation, N types, N files (N written, 0
// removed), 0 warnings in <time>".
func maskSummary(s string) string {
	return summaryLine.ReplaceAllStringFunc(s, func(l string) string {
		l = runTime.ReplaceAllString(l, " in <time>")
		return typesFiles.ReplaceAllString(l, "N $1")
	})
}

// cmdCmpout is "cmpout stdout|stderr FILE": cmp, with summary lines masked
// (maskSummary) on both sides.
func cmdCmpout(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 || (args[0] != "stdout" && args[0] != "stderr") {
		ts.Fatalf("usage: cmpout stdout|stderr FILE")
	}
	got, want := maskSummary(ts.ReadFile(args[0])), maskSummary(ts.ReadFile(args[1]))
	if got != want {
		ts.Fatalf("%s and %s differ (summary lines masked):\n--- %s\n%s--- %s\n%s", args[0], args[1], args[0], got, args[1], want)
	}
}

// cmdCpdir is "cpdir SRC DST": a copy of the directory tree SRC.
func cmdCpdir(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cpdir SRC DST")
	}
	ts.Check(os.CopyFS(ts.MkAbs(args[1]), os.DirFS(ts.MkAbs(args[0]))))
}

// cmdEdit is "edit FILE OLD NEW", a hand edit: the first OLD in FILE
// becomes NEW; \n in either is a line break.
func cmdEdit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: edit FILE OLD NEW")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	unescape := func(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }
	old, repl := unescape(args[1]), unescape(args[2])
	if !strings.Contains(string(data), old) {
		ts.Fatalf("%s does not contain %q", args[0], old)
	}
	ts.Check(os.WriteFile(path, []byte(strings.Replace(string(data), old, repl, 1)), 0o644))
}

func TestMaskSummary(t *testing.T) {
	for in, want := range map[string]string{
		"postman2go: out: 1 operation, 1 type, 9 files (9 written, 0 removed), 0 warnings in 12ms\n":            "postman2go: out: 1 operation, N type, N files (N written, 0 removed), 0 warnings in <time>\n",
		"postman2go: . (package p): 2 operations, 12 types, 16 files (0 written, 1 removed), 1 warning in 1.5s": "postman2go: . (package p): 2 operations, N types, N files (N written, 1 removed), 1 warning in <time>",
		"postman2go: x in 0s":       "postman2go: x in <time>",
		"warning: 12 types in 12ms": "warning: 12 types in 12ms",
	} {
		if got := maskSummary(in); got != want {
			t.Errorf("maskSummary(%q) = %q, want %q", in, got, want)
		}
	}
}
