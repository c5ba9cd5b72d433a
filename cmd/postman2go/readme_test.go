package main

// The README cannot go stale: every command in its fenced blocks is run by
// a script in testdata/script (script_test.go), every sample (Go code, JSON,
// output) is a file or an expected output of one, and its -h text is the
// binary's.

import (
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// notRun are the README's commands that no script runs, and why.
var notRun = map[string]string{
	"make test":                   "runs this test suite (CI runs it)",
	"npm ci --prefix conformance": "needs node and npm (CI's make conformance runs it)",
	"go run ./conformance -collection testdata/zoom-api/collection.json [-v] [-keep]": "needs newman",
	"make conformance": "needs newman (CI runs it)",
	"go install github.com/postman2go/postman2go/cmd/postman2go@latest":   "needs the module published",
	"go get -tool github.com/postman2go/postman2go/cmd/postman2go@latest": "needs the module published",
}

// fence is one fenced block of the README.
type fence struct {
	info  string   // the language after the opening ```
	line  int      // of the opening ```
	lines []string // the content, the fence's indentation removed
}

func readmeFences(t *testing.T) []fence {
	t.Helper()
	var fences []fence
	var cur *fence
	indent := ""
	for i, l := range strings.Split(readFile(t, "../../README.md"), "\n") {
		trimmed := strings.TrimLeft(l, " ")
		if cur == nil {
			if strings.HasPrefix(trimmed, "```") {
				cur = &fence{info: strings.TrimPrefix(trimmed, "```"), line: i + 1}
				indent = l[:len(l)-len(trimmed)]
			}
			continue
		}
		if trimmed == "```" {
			fences = append(fences, *cur)
			cur = nil
			continue
		}
		cur.lines = append(cur.lines, strings.TrimPrefix(l, indent))
	}
	if cur != nil {
		t.Fatalf("README.md:%d: unterminated code block", cur.line)
	}
	return fences
}

// scriptCorpus is what the scripts run and hold.
type scriptCorpus struct {
	commands map[string]bool // command lines, without exec, ! and conditions
	texts    [][]string      // each script and each file, normalized
}

func loadScripts(t *testing.T) scriptCorpus {
	t.Helper()
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts (%v)", err)
	}
	c := scriptCorpus{commands: map[string]bool{}}
	for _, f := range files {
		a, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(a.Comment), "\n") {
			if cmd := scriptCommand(l); cmd != "" {
				c.commands[cmd] = true
			}
		}
		c.texts = append(c.texts, normalizeLines(strings.Split(string(a.Comment), "\n")))
		for _, af := range a.Files {
			c.texts = append(c.texts, normalizeLines(strings.Split(string(af.Data), "\n")))
		}
	}
	return c
}

var scriptCond = regexp.MustCompile(`^\[[^\]]*\]\s*`)

// scriptCommand is the command a script line runs, as a README would show
// it: without conditions, negation and exec. "" for none.
func scriptCommand(line string) string {
	l := strings.TrimSpace(line)
	if l == "" || strings.HasPrefix(l, "#") {
		return ""
	}
	for scriptCond.MatchString(l) {
		l = scriptCond.ReplaceAllString(l, "")
	}
	l = strings.TrimPrefix(strings.TrimPrefix(l, "! "), "? ")
	l = strings.TrimPrefix(l, "exec ")
	return strings.Join(strings.Fields(l), " ")
}

// shellComment is a trailing comment on a README command line.
var shellComment = regexp.MustCompile(`\s+#.*$`)

// normalizeLines trims lines, drops blank ones and masks summary lines.
func normalizeLines(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(maskSummary(l)); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// containsRun reports whether want appears as consecutive lines of text.
func containsRun(text, want []string) bool {
	for i := 0; i+len(want) <= len(text); i++ {
		match := true
		for j := range want {
			if text[i+j] != want[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

func TestReadmeIsRunByScripts(t *testing.T) {
	scripts := loadScripts(t)
	readme := readFile(t, "../../README.md")
	for cmd := range notRun {
		if !strings.Contains(readme, cmd) {
			t.Errorf("notRun lists %q, which the README no longer has: remove it", cmd)
		}
	}
	commandsChecked := 0
	for _, f := range readmeFences(t) {
		where := fmt.Sprintf("README.md:%d", f.line)
		switch f.info {
		case "sh":
			for i, l := range f.lines {
				cmd := strings.Join(strings.Fields(shellComment.ReplaceAllString(l, "")), " ")
				if cmd == "" || strings.HasPrefix(cmd, "#") {
					continue
				}
				commandsChecked++
				if _, ok := notRun[cmd]; ok {
					continue
				}
				if !scripts.commands[cmd] {
					t.Errorf("README.md:%d: no script in testdata/script runs %q: add it to one (as exec %s), or to notRun with the reason", f.line+1+i, cmd, cmd)
				}
			}
		case "yaml":
			for i, l := range f.lines {
				run, ok := strings.CutPrefix(strings.TrimSpace(l), "run: ")
				if !ok {
					continue
				}
				commandsChecked++
				if cmd := strings.Join(strings.Fields(run), " "); !scripts.commands[cmd] {
					t.Errorf("README.md:%d: no script runs the CI step %q", f.line+1+i, cmd)
				}
			}
		case "go", "json", "":
			text := strings.Join(f.lines, "\n")
			if strings.HasPrefix(text, "Usage: postman2go") {
				if text != strings.TrimSuffix(usage, "\n") {
					t.Errorf("%s: the -h text differs from what postman2go -h prints; paste postman2go -h there:\n%s", where, usage)
				}
				continue
			}
			want := normalizeLines(f.lines)
			found := false
			for _, text := range scripts.texts {
				if containsRun(text, want) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: this %q sample is in no script of testdata/script (as a file, or an expected output):\n%s", where, f.info, text)
			}
		default:
			t.Errorf("%s: code block of unknown kind %q: use sh (commands), yaml, go, json or none (output)", where, f.info)
		}
	}
	if commandsChecked < 10 {
		t.Errorf("only %d README commands found: is the fence parsing broken?", commandsChecked)
	}
}

func TestScriptCommand(t *testing.T) {
	for in, want := range map[string]string{
		"exec go run ./cmd/postman2go -o _out/zoomim x.json": "go run ./cmd/postman2go -o _out/zoomim x.json",
		"! exec go tool postman2go --check   -o a b":         "go tool postman2go --check -o a b",
		"[symlink] ! exec postman2go -o d c.json":            "postman2go -o d c.json",
		"# exec not a command":                               "",
		"  cd myapp":                                         "cd myapp",
	} {
		if got := scriptCommand(in); got != want {
			t.Errorf("scriptCommand(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadmePathEscaping: the README's account of path escaping is what
// url.PathEscape does, and the runtime escapes paths with it.
func TestReadmePathEscaping(t *testing.T) {
	readme := strings.Join(strings.Fields(readFile(t, "../../README.md")), " ")
	m := regexp.MustCompile("`url.PathEscape`, which leaves letters, digits and `([^`]+)` as they are").FindStringSubmatch(readme)
	if m == nil {
		t.Fatal("README.md no longer says which characters url.PathEscape leaves as they are")
	}
	raw := map[byte]bool{}
	for _, f := range strings.Fields(m[1]) {
		if len(f) != 1 {
			t.Fatalf("README's list of raw characters has %q", f)
		}
		raw[f[0]] = true
	}
	for c := byte(0x20); c < 0x7f; c++ {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			continue
		}
		if kept := url.PathEscape(string(c)) == string(c); kept != raw[c] {
			t.Errorf("url.PathEscape(%q) = %q, but the README says it is %s", c, url.PathEscape(string(c)), map[bool]string{true: "kept", false: "escaped"}[raw[c]])
		}
	}
	for in, want := range map[string]string{"/": "%2F", "?": "%3F", ",": "%2C", ";": "%3B", " ": "%20"} {
		if got := url.PathEscape(in); got != want || !strings.Contains(readme, "`"+want+"`") {
			t.Errorf("url.PathEscape(%q) = %q; README shows %q", in, got, want)
		}
	}
	request := readFile(t, "../../templates/runtime/request.go")
	for _, want := range []string{"segs[i] = url.PathEscape(s)", "escaped := url.PathEscape(value)", `strings.Repeat("%2E", len(value))`} {
		if !strings.Contains(request, want) {
			t.Errorf("templates/runtime/request.go no longer has %q: check the README's path escaping", want)
		}
	}
}
