package main

// These tests drive the real binary, built once on first use, the way users
// run it: as a command, from go generate, and as a CI drift check.

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/postman2go/postman2go/generator"
)

var (
	binaryOnce sync.Once
	binaryDir  string // holds binary; removed when the tests end
	binary     string // the built postman2go
	binaryErr  error
)

// TestMain runs the tests, or, when the test binary is run as postman2go by
// a testscript script (script_test.go), the command itself.
func TestMain(m *testing.M) {
	testscript.Main(cleanupM{m}, map[string]func(){"postman2go": main})
}

// cleanupM removes the built binary once the tests have run.
type cleanupM struct{ m *testing.M }

func (c cleanupM) Run() int {
	defer func() {
		if binaryDir != "" {
			os.RemoveAll(binaryDir)
		}
	}()
	return c.m.Run()
}

// builtBinary builds the real binary, once, for the tests that run it as a
// user would.
func builtBinary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		binaryDir, binaryErr = os.MkdirTemp("", "postman2go-cli-test-")
		if binaryErr != nil {
			return
		}
		binary = filepath.Join(binaryDir, "postman2go")
		build := exec.Command("go", "build", "-o", binary, ".")
		out, err := build.CombinedOutput()
		if err != nil {
			binaryErr = fmt.Errorf("building postman2go: %v\n%s", err, out)
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return binary
}

// crash matches a panic or a stack trace.
var crash = regexp.MustCompile(`panic:|goroutine \d|\.go:\d+`)

// result is one run of the binary.
type result struct {
	stdout, stderr string
	code           int
}

// postman2go runs the binary in dir with stdin (nil for none).
func postman2go(t *testing.T, dir string, stdin []byte, args ...string) result {
	t.Helper()
	cmd := exec.Command(builtBinary(t), args...)
	cmd.Dir = dir
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	if exit, ok := err.(*exec.ExitError); ok {
		r.code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running postman2go %s: %v", strings.Join(args, " "), err)
	}
	if crash.MatchString(r.stderr) {
		t.Errorf("postman2go %s: stderr looks like a crash:\n%s", strings.Join(args, " "), r.stderr)
	}
	return r
}

func (r result) want(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

// workspace is a temporary directory holding the seed collection as
// collection.json; the package goes into out/.
func workspace(t *testing.T) string {
	t.Helper()
	ws := t.TempDir()
	copyFile(t, "../../testdata/zoom-im-group/collection.json", filepath.Join(ws, "collection.json"))
	return ws
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// generate runs a successful generation of the seed into ws/out.
func generate(t *testing.T, ws string, extra ...string) result {
	t.Helper()
	r := postman2go(t, ws, nil, append([]string{"-o", "out", "-p", "zoomim", "collection.json"}, extra...)...)
	r.want(t, 0)
	return r
}

// entry is one file or directory of a snapshot.
type entry struct {
	mode    fs.FileMode
	modTime time.Time
	content string
}

// snapshot records every file and directory under root (root included)
// with its mode, modification time and content.
func snapshot(t *testing.T, root string) map[string]entry {
	t.Helper()
	snap := map[string]entry{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		e := entry{mode: info.Mode(), modTime: info.ModTime()}
		if !d.IsDir() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			e.content = string(data)
		}
		rel, _ := filepath.Rel(root, path)
		snap[rel] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// age sets every modification time under root (root included) to a fixed
// past time, so that any later write shows in a snapshot even on a file
// system with coarse timestamps.
func age(t *testing.T, root string) {
	t.Helper()
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, path) // after their files: touching a file does not change its dir
			return nil
		}
		return os.Chtimes(path, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if err := os.Chtimes(d, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

func sameSnapshot(t *testing.T, what string, before, after map[string]entry) {
	t.Helper()
	var names []string
	for n := range before {
		names = append(names, n)
	}
	for n := range after {
		if _, ok := before[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		b, inBefore := before[n]
		a, inAfter := after[n]
		switch {
		case !inBefore:
			t.Errorf("%s: %s was created", what, n)
		case !inAfter:
			t.Errorf("%s: %s was removed", what, n)
		case b.content != a.content:
			t.Errorf("%s: %s changed content", what, n)
		case b.mode != a.mode:
			t.Errorf("%s: %s changed mode %v -> %v", what, n, b.mode, a.mode)
		case !b.modTime.Equal(a.modTime):
			t.Errorf("%s: %s was touched (mtime %v -> %v)", what, n, b.modTime, a.modTime)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestCheckClean(t *testing.T) {
	ws := workspace(t)
	generate(t, ws)
	r := postman2go(t, ws, nil, "--check", "-o", "out", "-p", "zoomim", "collection.json")
	r.want(t, 0)
	if r.stdout != "" {
		t.Errorf("--check on an up-to-date directory printed a diff:\n%s", r.stdout)
	}
}

func TestCheckHandEdit(t *testing.T) {
	ws := workspace(t)
	generate(t, ws)
	path := filepath.Join(ws, "out", "operations_gen.go")
	edited := strings.Replace(readFile(t, path), "func (c *Client)", "// a hand edit\nfunc (c *Client)", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	age(t, ws)
	before := snapshot(t, ws)

	r := postman2go(t, ws, nil, "--check", "-o", "out", "-p", "zoomim", "collection.json")
	r.want(t, 1)
	if !strings.Contains(r.stdout, "changed: "+filepath.Join("out", "operations_gen.go")) {
		t.Errorf("the report does not name the edited file:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "-// a hand edit") {
		t.Errorf("the diff does not show the edit as a removed line:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "out of date") {
		t.Errorf("stderr does not say the directory is out of date:\n%s", r.stderr)
	}
	sameSnapshot(t, "--check", before, snapshot(t, ws))
	if got := readFile(t, path); got != edited {
		t.Error("--check changed the edited file")
	}
}

func TestCheckExtraAndMissing(t *testing.T) {
	ws := workspace(t)
	generate(t, ws)
	out := filepath.Join(ws, "out")

	// An extra file with our header: produced by an older run, say.
	extra := filepath.Join(out, "old_gen.go")
	if err := os.WriteFile(extra, []byte(generator.HeaderLine+"\n\npackage zoomim\n\nconst Old = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := postman2go(t, ws, nil, "--check", "-o", "out", "-p", "zoomim", "collection.json")
	r.want(t, 1)
	if !strings.Contains(r.stdout, "extra: "+filepath.Join("out", "old_gen.go")) || !strings.Contains(r.stdout, "-const Old = 1") {
		t.Errorf("--check does not report the extra file with its diff:\n%s", r.stdout)
	}

	// A regular run removes it and says so.
	r = generate(t, ws, "-v")
	if _, err := os.Stat(extra); !os.IsNotExist(err) {
		t.Errorf("the stale generated file was not removed (stat: %v)", err)
	}
	if !strings.Contains(r.stderr, "removed   "+filepath.Join("out", "old_gen.go")) || !strings.Contains(r.stderr, "1 removed") {
		t.Errorf("-v does not list the removal:\n%s", r.stderr)
	}

	// A missing file.
	if err := os.Remove(filepath.Join(out, "enums_gen.go")); err != nil {
		t.Fatal(err)
	}
	r = postman2go(t, ws, nil, "--check", "-o", "out", "-p", "zoomim", "collection.json")
	r.want(t, 1)
	if !strings.Contains(r.stdout, "missing: "+filepath.Join("out", "enums_gen.go")) || !strings.Contains(r.stdout, "+package zoomim") {
		t.Errorf("--check does not report the missing file with its diff:\n%s", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "enums_gen.go")); !os.IsNotExist(err) {
		t.Error("--check wrote the missing file")
	}
}

func TestUserFilesSurvive(t *testing.T) {
	ws := workspace(t)
	out := filepath.Join(ws, "out")
	if err := os.MkdirAll(filepath.Join(out, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	user := map[string]string{
		"custom.go":          "package zoomim\n\n// Extra is hand-written.\nfunc Extra() {}\n",
		"custom_gen.go":      "package zoomim\n\n// Named like ours but without the header.\n",
		"README.md":          "notes\n",
		"sub/other_gen.go":   generator.HeaderLine + "\n\npackage sub\n",
		"mentions_header.go": "// " + generator.HeaderLine + "\npackage zoomim\n",
	}
	for name, content := range user {
		if err := os.WriteFile(filepath.Join(out, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	age(t, out)
	generate(t, ws)
	firstDoc := readFile(t, filepath.Join(out, "doc_gen.go"))
	// A second run with other options changes every generated file and
	// removes none of the user's. (The other option is an empty --config,
	// which changes every file's input hash: a -p other than the user's
	// package zoomim is now refused before anything is generated.)
	generate(t, ws, "--config", emptyConfig(t, ws))
	for name, content := range user {
		path := filepath.Join(out, name)
		if got := readFile(t, path); got != content {
			t.Errorf("%s was modified", name)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.ModTime().Year() != 2001 {
			t.Errorf("%s was rewritten (mtime %v)", name, info.ModTime())
		}
	}
	if readFile(t, filepath.Join(out, "doc_gen.go")) == firstDoc {
		t.Error("the second run did not regenerate doc_gen.go")
	}
}

// emptyConfig writes an empty --config file into ws and returns its name:
// options that change the input hash of every generated file without
// changing the package name.
func emptyConfig(t *testing.T, ws string) string {
	t.Helper()
	if err := os.WriteFile(filepath.Join(ws, "empty.json"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return "empty.json"
}

func TestRefuseToOverwriteUserFile(t *testing.T) {
	ws := workspace(t)
	generate(t, ws)
	out := filepath.Join(ws, "out")
	// The user replaced a generated file with their own; a run with other
	// options (an empty --config: another -p would be refused sooner, as
	// not the package of the user's file) would change every file.
	user := filepath.Join(out, "client_gen.go")
	if err := os.WriteFile(user, []byte("package zoomim\n\n// Mine.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := emptyConfig(t, ws)
	age(t, ws)
	before := snapshot(t, ws)
	r := postman2go(t, ws, nil, "-o", "out", "-p", "zoomim", "--config", cfg, "collection.json")
	r.want(t, 2)
	if !strings.Contains(r.stderr, "refusing to overwrite "+filepath.Join("out", "client_gen.go")) {
		t.Errorf("stderr does not name the file it refuses to overwrite:\n%s", r.stderr)
	}
	sameSnapshot(t, "refused run", before, snapshot(t, ws))

	r = postman2go(t, ws, nil, "--check", "-o", "out", "-p", "zoomim", "collection.json")
	r.want(t, 1)
	if !strings.Contains(r.stdout, "conflict: "+filepath.Join("out", "client_gen.go")) {
		t.Errorf("--check does not report the conflict:\n%s", r.stdout)
	}
}

func TestFailingGenerationLeavesDirUntouched(t *testing.T) {
	const schema = `"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"`
	cases := []struct {
		name  string
		input string
		args  []string
		where *regexp.Regexp // what stderr must say
	}{
		{"not JSON", "{\"info\": {\"name\": \"x\",\n  oops}", nil,
			regexp.MustCompile(`bad\.json:2:\d+: .*JSON`)},
		{"url is a number", `{"info": {"name": "x", ` + schema + "},\n" + `"item": [{"name": "Get thing", "request": {"method": "GET", "url": 5}}]}`, nil,
			regexp.MustCompile(`bad\.json:2:\d+: .*item "Get thing".*\(item\[0\]\).*request\.url`)},
		{"no item", `{"info": {"name": "x", ` + schema + `}}`, nil,
			regexp.MustCompile(`bad\.json(:\d+:\d+)?: .*\bitem\b`)},
		{"bad package name", `{"info": {"name": "x", ` + schema + `}, "item": []}`, []string{"-p", "1x"},
			regexp.MustCompile(`package name "1x" is not a valid Go identifier`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := workspace(t)
			generate(t, ws)
			if err := os.WriteFile(filepath.Join(ws, "out", "custom.go"), []byte("package zoomim\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(ws, "bad.json"), []byte(c.input), 0o644); err != nil {
				t.Fatal(err)
			}
			age(t, ws)
			before := snapshot(t, ws)
			args := append([]string{"-o", "out", "-p", "zoomim"}, c.args...)
			r := postman2go(t, ws, nil, append(args, "bad.json")...)
			r.want(t, 2)
			if !c.where.MatchString(r.stderr) {
				t.Errorf("stderr does not match %q:\n%s", c.where, r.stderr)
			}
			if strings.Count(strings.TrimSpace(r.stderr), "\n") > 2 {
				t.Errorf("a long error for one problem:\n%s", r.stderr)
			}
			sameSnapshot(t, "failed run", before, snapshot(t, ws))
		})
	}
}

func TestTwoRunsIdentical(t *testing.T) {
	ws := workspace(t)
	generate(t, ws, "-o", "a")
	age(t, ws)
	before := snapshot(t, ws)
	r := generate(t, ws, "-o", "a")
	sameSnapshot(t, "second run", before, snapshot(t, ws))
	if !strings.Contains(r.stderr, "(0 written, 0 removed)") {
		t.Errorf("the summary of a no-op run:\n%s", r.stderr)
	}

	// Another directory, another process: the same bytes.
	generate(t, ws, "-o", "b")
	a, b := snapshot(t, filepath.Join(ws, "a")), snapshot(t, filepath.Join(ws, "b"))
	if len(a) < 3 || len(a) != len(b) {
		t.Fatalf("%d files in a, %d in b", len(a), len(b))
	}
	for name, e := range a {
		if b[name].content != e.content {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestOutputLevels(t *testing.T) {
	ws := workspace(t)
	r := generate(t, ws, "-q")
	if r.stdout != "" || r.stderr != "" {
		t.Errorf("-q printed something:\nstdout: %q\nstderr: %q", r.stdout, r.stderr)
	}
	files, err := filepath.Glob(filepath.Join(ws, "out", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("-q generated nothing (%v)", err)
	}

	r = generate(t, ws)
	// The directory out does not say the package, so the summary does.
	summary := regexp.MustCompile(`^postman2go: out \(package zoomim\): (\d+) operations?, (\d+) types?, (\d+) files? \(0 written, 0 removed\), 0 warnings in \d`)
	m := summary.FindStringSubmatch(r.stderr)
	if m == nil || strings.Count(r.stderr, "\n") != 1 {
		t.Fatalf("want one summary line, got:\n%s", r.stderr)
	}
	if m[1] == "0" || m[2] == "0" || m[3] != fmt.Sprint(len(files)) {
		t.Errorf("summary %q: want operations and types > 0 and %d files", m[0], len(files))
	}

	r = generate(t, ws, "-v")
	for _, f := range files {
		if !strings.Contains(r.stderr, "unchanged "+filepath.Join("out", filepath.Base(f))+"\n") {
			t.Errorf("-v does not list %s:\n%s", filepath.Base(f), r.stderr)
		}
	}
}

func TestWarnings(t *testing.T) {
	ws := t.TempDir()
	coll := `{"info": {"name": "w", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
 "item": [
  {"name": "Get with body", "request": {"method": "GET", "url": "https://api.example.com/a", "body": {"mode": "raw", "raw": "{}"}}},
  {"name": "Signed", "request": {"method": "POST", "url": "https://api.example.com/b", "auth": {"type": "hawk"}}}
 ]}`
	if err := os.WriteFile(filepath.Join(ws, "w.json"), []byte(coll), 0o644); err != nil {
		t.Fatal(err)
	}
	r := postman2go(t, ws, nil, "-o", "out", "w.json")
	r.want(t, 0)
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != 3 {
		t.Fatalf("want two warning lines and a summary, got:\n%s", r.stderr)
	}
	for i, item := range []string{`item "Get with body"`, `item "Signed"`} {
		if !strings.HasPrefix(lines[i], "warning: w.json:") || !strings.Contains(lines[i], item) {
			t.Errorf("warning %d does not name %s: %s", i, item, lines[i])
		}
	}
	if !strings.Contains(lines[2], " 2 warnings ") || !strings.Contains(lines[2], "2 operations") {
		t.Errorf("summary: %s", lines[2])
	}
	if r := postman2go(t, ws, nil, "-q", "-o", "out", "w.json"); r.stderr != "" {
		t.Errorf("-q printed warnings:\n%s", r.stderr)
	}
}

func TestVersionHelpAndBadUsage(t *testing.T) {
	ws := workspace(t)
	r := postman2go(t, ws, nil, "--version")
	r.want(t, 0)
	// From the build info: a test build of a checkout is (devel), with
	// the revision when the go command stamped one.
	if !regexp.MustCompile(`^postman2go (v\d+\.\d+\.\d+\S*|\(devel\)( [0-9a-f]{12}(\+dirty)?)?)\n$`).MatchString(r.stdout) {
		t.Errorf("--version: %q", r.stdout)
	}
	for _, h := range []string{"-h", "--help"} {
		r = postman2go(t, ws, nil, h)
		r.want(t, 0)
		if !strings.HasPrefix(r.stdout, "Usage: postman2go") || !strings.Contains(r.stdout, "--check") {
			t.Errorf("%s: %q", h, r.stdout)
		}
	}
	bad := []struct {
		args []string
		says string
	}{
		{[]string{"--bogus", "collection.json"}, "unknown flag: --bogus"},
		{[]string{"-x", "collection.json"}, "unknown shorthand flag: 'x'"},
		{[]string{"collection.json", "more.json"}, "want exactly one collection file"},
		{[]string{}, "want exactly one collection file"},
		{[]string{"-o"}, "flag needs an argument"},
		{[]string{"missing.json"}, "missing.json"},
	}
	for _, b := range bad {
		r := postman2go(t, ws, nil, b.args...)
		r.want(t, 2)
		if !strings.Contains(r.stderr, b.says) {
			t.Errorf("postman2go %v: stderr does not say %q:\n%s", b.args, b.says, r.stderr)
		}
	}
	if entries, _ := os.ReadDir(ws); len(entries) != 1 {
		t.Errorf("bad usage wrote files: %v", entries)
	}
}

func TestStdin(t *testing.T) {
	ws := workspace(t)
	data := []byte(readFile(t, filepath.Join(ws, "collection.json")))
	r := postman2go(t, ws, data, "-o", "out", "-p", "zoomim", "-")
	r.want(t, 0)
	doc := readFile(t, filepath.Join(ws, "out", "doc_gen.go"))
	if !strings.Contains(doc, "// Source: <stdin> (input hash sha256:") {
		t.Errorf("the header does not record standard input:\n%s", doc)
	}
	r = postman2go(t, ws, data, "--check", "-o", "out", "-p", "zoomim", "-")
	r.want(t, 0)

	// The same bytes from a file differ only in the Source line.
	generate(t, ws, "-o", "fromfile")
	file := readFile(t, filepath.Join(ws, "fromfile", "doc_gen.go"))
	if strings.Replace(file, "Source: ../collection.json", "Source: <stdin>", 1) != doc {
		t.Error("generating from stdin and from a file differ beyond the Source line")
	}
}

// TestSourceRelativeToOutput: the header records the input relative to the
// output directory, so go generate (run in the package directory) and a CI
// check run from the repository root agree.
func TestSourceRelativeToOutput(t *testing.T) {
	ws := workspace(t)
	pkg := filepath.Join(ws, "internal", "zoomim")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	// As go generate would: in the package directory, output ".".
	postman2go(t, pkg, nil, "-p", "zoomim", "../../collection.json").want(t, 0)
	doc := readFile(t, filepath.Join(pkg, "doc_gen.go"))
	if !strings.Contains(doc, "// Source: ../../collection.json (input hash ") {
		t.Fatalf("header of doc_gen.go:\n%s", doc)
	}
	// As CI would: from the root, with paths from there.
	r := postman2go(t, ws, nil, "--check", "-o", "internal/zoomim", "-p", "zoomim", "collection.json")
	r.want(t, 0)
	// With an absolute input path too: nothing machine-specific is recorded.
	abs := filepath.Join(ws, "collection.json")
	r = postman2go(t, t.TempDir(), nil, "--check", "-o", pkg, "-p", "zoomim", abs)
	r.want(t, 0)
}

// TestExamplesUpToDate runs every //go:generate directive of examples/ that
// calls postman2go, with --check added, in its directory: the committed
// files must be what go generate produces. (make check also runs go
// generate itself in a copy of the tree.)
func TestExamplesUpToDate(t *testing.T) {
	sources, err := filepath.Glob("../../examples/*/*.go")
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "//go:generate go run github.com/postman2go/postman2go/cmd/postman2go "
	found := 0
	for _, src := range sources {
		for _, line := range strings.Split(readFile(t, src), "\n") {
			if !strings.HasPrefix(line, prefix) {
				continue
			}
			found++
			args := append([]string{"--check"}, strings.Fields(strings.TrimPrefix(line, prefix))...)
			r := postman2go(t, filepath.Dir(src), nil, args...)
			if r.code != 0 {
				t.Errorf("%s: postman2go %s: exit %d; run go generate ./examples/...\n%.2000s", src, strings.Join(args, " "), r.code, r.stdout+r.stderr)
			}
		}
	}
	if found == 0 {
		t.Fatal("no postman2go go:generate directive found under examples/")
	}
}
