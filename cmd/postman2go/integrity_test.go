package main

// Tests of the integrity of the output directory: atomic replacement,
// leftover staging directories, signals, locking, what counts as ours, and
// directories that are refused.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/postman2go/postman2go/generator"
)

const testHeader = generator.HeaderLine + "\n\npackage p\n"

// seedCollection is the absolute path of the seed collection, for in-process
// runs.
func seedCollection(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../testdata/zoom-im-group/collection.json")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// runInProcess calls run with args and returns its exit code and output.
func runInProcess(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, bytes.NewReader(nil), &o, &e)
	return code, o.String(), e.String()
}

// writeFiles writes name → content into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dirFiles reads the regular files of dir, without the lock file, and fails
// on anything else (a leftover staging directory, say).
func dirFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		if e.Name() == lockName {
			continue
		}
		if !e.Type().IsRegular() {
			t.Errorf("%s: unexpected %s", dir, e.Name())
			continue
		}
		out[e.Name()] = readFile(t, filepath.Join(dir, e.Name()))
	}
	return out
}

func genFiles(m map[string]string) []generator.File {
	var files []generator.File
	for name, content := range m {
		files = append(files, generator.File{Name: name, Content: []byte(content)})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files
}

// TestWriteDirNeverMissing (1): looking at the directory before every
// rename of a run, each file holds its complete old or complete new content,
// none is ever missing, and stale files are removed only once every new
// file is in place.
func TestWriteDirNeverMissing(t *testing.T) {
	dir := t.TempDir()
	old := map[string]string{
		"a_gen.go":     testHeader + "// old a\n",
		"b_gen.go":     testHeader + "// old b\n",
		"stale_gen.go": testHeader + "// stale\n",
	}
	next := map[string]string{
		"a_gen.go":   testHeader + "// new a\n",
		"b_gen.go":   testHeader + "// new b\n",
		"new_gen.go": testHeader + "// new\n",
	}
	writeFiles(t, dir, old)
	defer func() { rename = os.Rename }()
	renames := 0
	rename = func(from, to string) error {
		renames++
		staleGoing := filepath.Base(from) == "stale_gen.go"
		for _, name := range []string{"a_gen.go", "b_gen.go", "stale_gen.go"} {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Errorf("rename %d: %s is missing: %v", renames, name, err)
				continue
			}
			if string(got) != old[name] && string(got) != next[name] {
				t.Errorf("rename %d: %s holds neither its old nor its new content: %q", renames, name, got)
			}
			if staleGoing && name != "stale_gen.go" && string(got) != next[name] {
				t.Errorf("rename %d: the stale file goes before %s is replaced", renames, name)
			}
		}
		if staleGoing && readFile(t, filepath.Join(dir, "new_gen.go")) != next["new_gen.go"] {
			t.Errorf("rename %d: the stale file goes before new_gen.go is in place", renames)
		}
		return os.Rename(from, to)
	}
	if _, err := writeDir(dir, genFiles(next)); err != nil {
		t.Fatal(err)
	}
	if renames == 0 {
		t.Fatal("writeDir renamed nothing")
	}
	if got := dirFiles(t, dir); fmt.Sprint(got) != fmt.Sprint(next) {
		t.Errorf("after the run: %v, want %v", got, next)
	}
}

// TestLeftoverStagingRemoved (2): staging directories of a killed run are
// removed by the next write, and only they.
func TestLeftoverStagingRemoved(t *testing.T) {
	for _, changes := range []bool{true, false} {
		t.Run(fmt.Sprint("changes=", changes), func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"a_gen.go": testHeader + "// a\n"}
			if _, err := writeDir(dir, genFiles(files)); err != nil {
				t.Fatal(err)
			}
			// What a run killed mid-write leaves.
			for _, p := range []string{".postman2go-123456/new", ".postman2go-123456/old", ".postman2go-9"} {
				if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			writeFiles(t, filepath.Join(dir, ".postman2go-123456", "new"), map[string]string{"a_gen.go": "half"})
			// Not ours: other names, a file, a symbolic link to elsewhere.
			outside := t.TempDir()
			writeFiles(t, outside, map[string]string{"keep": "x"})
			for _, p := range []string{".postman2go-notes", ".postman2go-", ".postman2goX1"} {
				if err := os.Mkdir(filepath.Join(dir, p), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			writeFiles(t, dir, map[string]string{".postman2go-77": "a file"})
			if err := os.Symlink(outside, filepath.Join(dir, ".postman2go-88")); err != nil {
				t.Fatal(err)
			}

			if changes {
				files["a_gen.go"] = testHeader + "// a, again\n"
			}
			if _, err := writeDir(dir, genFiles(files)); err != nil {
				t.Fatal(err)
			}
			for _, gone := range []string{".postman2go-123456", ".postman2go-9"} {
				if _, err := os.Lstat(filepath.Join(dir, gone)); !os.IsNotExist(err) {
					t.Errorf("leftover %s was not removed (%v)", gone, err)
				}
			}
			for _, kept := range []string{".postman2go-notes", ".postman2go-", ".postman2goX1", ".postman2go-77", ".postman2go-88", lockName} {
				if _, err := os.Lstat(filepath.Join(dir, kept)); err != nil {
					t.Errorf("%s was removed: %v", kept, err)
				}
			}
			if got := readFile(t, filepath.Join(outside, "keep")); got != "x" {
				t.Error("the target of the symbolic link was touched")
			}
			if got := readFile(t, filepath.Join(dir, "a_gen.go")); got != files["a_gen.go"] {
				t.Errorf("a_gen.go: %q", got)
			}
		})
	}
}

// TestSignalBeforeRenames (3): a SIGINT that arrives before the renames
// begin abandons the write: exit 130, nothing changed, no staging left.
func TestSignalBeforeRenames(t *testing.T) {
	coll := seedCollection(t)
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runInProcess("-q", "-o", out, "-p", "zoomim", coll); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	age(t, out)
	before := snapshot(t, out)
	defer func() { notifySignals = signalNotify }()
	notifySignals = func(c chan<- os.Signal) { c <- os.Interrupt }
	code, _, stderr := runInProcess("-o", out, "-p", "renamed", coll)
	if code != 130 {
		t.Fatalf("exit %d, want 130\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "postman2go: "+out+": interrupted (SIGINT); nothing was written") {
		t.Errorf("stderr:\n%s", stderr)
	}
	sameSnapshot(t, "interrupted run", before, snapshot(t, out))
}

// TestSignalDuringRenames (3): a SIGTERM that arrives once the renames
// have begun lets the write finish: exit 143 with the new package complete.
func TestSignalDuringRenames(t *testing.T) {
	coll := seedCollection(t)
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runInProcess("-q", "-o", out, "-p", "zoomim", coll); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	var sigs chan<- os.Signal
	defer func() {
		notifySignals = signalNotify
		rename = os.Rename
	}()
	notifySignals = func(c chan<- os.Signal) { sigs = c }
	var once sync.Once
	rename = func(from, to string) error {
		once.Do(func() {
			select {
			case sigs <- syscall.SIGTERM:
			default:
				t.Error("run did not hand writeDir a signal channel")
			}
		})
		return os.Rename(from, to)
	}
	code, _, stderr := runInProcess("-o", out, "-p", "renamed", coll)
	if code != 143 {
		t.Fatalf("exit %d, want 143\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "postman2go: "+out+": terminated (SIGTERM) during the write, which was completed first") {
		t.Errorf("stderr:\n%s", stderr)
	}
	rename = os.Rename
	if code, stdout, stderr := runInProcess("--check", "-o", out, "-p", "renamed", coll); code != 0 {
		t.Errorf("the interrupted write is incomplete: --check exit %d\n%s%s", code, stdout, stderr)
	}
	dirFiles(t, out) // no staging directory left
}

// TestConcurrentWriteDir (4): goroutines writing two different file sets
// into one directory at once take turns: every call succeeds and the
// directory ends up holding exactly one of the sets.
func TestConcurrentWriteDir(t *testing.T) {
	sets := [2]map[string]string{{}, {}}
	for i := 0; i < 12; i++ {
		sets[0][fmt.Sprintf("a%02d_gen.go", i)] = testHeader + fmt.Sprintf("// set A, file %d\n", i)
		sets[1][fmt.Sprintf("b%02d_gen.go", i)] = testHeader + fmt.Sprintf("// set B, file %d\n", i)
	}
	for i := 0; i < 6; i++ {
		name := fmt.Sprintf("common%d_gen.go", i)
		sets[0][name] = testHeader + "// common, set A\n"
		sets[1][name] = testHeader + "// common, set B\n"
	}
	const workers = 8
	for round := 0; round < 4; round++ {
		dir := filepath.Join(t.TempDir(), "out")
		var start, done sync.WaitGroup
		start.Add(1)
		errs := make([]error, workers)
		for w := 0; w < workers; w++ {
			done.Add(1)
			go func() {
				defer done.Done()
				start.Wait()
				_, errs[w] = writeDir(dir, genFiles(sets[w%2]))
			}()
		}
		start.Done()
		done.Wait()
		for w, err := range errs {
			if err != nil {
				t.Errorf("round %d, writer %d: %v", round, w, err)
			}
		}
		got := fmt.Sprint(dirFiles(t, dir))
		if got != fmt.Sprint(sets[0]) && got != fmt.Sprint(sets[1]) {
			t.Fatalf("round %d: the directory holds a mix of the two sets: %s", round, got)
		}
	}
}

// TestLockBusy (4): a run that cannot get the lock in time says who holds
// it and writes nothing; --check neither creates a missing directory nor
// the lock file, and never reports the lock file.
func TestLockBusy(t *testing.T) {
	dir := t.TempDir()
	lock, err := lockDir(dir, true, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func(d time.Duration) { lockTimeout = d }(lockTimeout)
	lockTimeout = 200 * time.Millisecond
	waited := false
	_, err = writeDirOpts(dir, genFiles(map[string]string{"a_gen.go": testHeader}), writeOptions{waiting: func() { waited = true }})
	if err == nil || !strings.Contains(err.Error(), "another postman2go is writing "+dir) {
		t.Errorf("writeDir with the lock held: %v", err)
	}
	if !waited {
		t.Error("writeDir did not report that it waited")
	}
	if got := dirFiles(t, dir); len(got) != 0 {
		t.Errorf("writeDir wrote %v while another held the lock", got)
	}
	lock.unlock()
	if _, err := writeDir(dir, genFiles(map[string]string{"a_gen.go": testHeader})); err != nil {
		t.Errorf("after the unlock: %v", err)
	}
}

func TestCheckCreatesNothing(t *testing.T) {
	coll := seedCollection(t)
	ws := t.TempDir()
	out := filepath.Join(ws, "out")
	code, stdout, _ := runInProcess("--check", "-o", out, "-p", "zoomim", coll)
	if code != 1 || !strings.Contains(stdout, "missing: ") {
		t.Errorf("--check of a missing directory: exit %d\n%s", code, stdout)
	}
	if _, err := os.Lstat(out); !os.IsNotExist(err) {
		t.Errorf("--check created %s (%v)", out, err)
	}

	// An existing directory without a lock file: no lock file afterwards.
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	runInProcess("--check", "-o", out, "-p", "zoomim", coll)
	if _, err := os.Lstat(filepath.Join(out, lockName)); !os.IsNotExist(err) {
		t.Errorf("--check created the lock file (%v)", err)
	}

	// Once written, the lock file exists and is no drift.
	if code, _, stderr := runInProcess("-q", "-o", out, "-p", "zoomim", coll); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Lstat(filepath.Join(out, lockName)); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runInProcess("--check", "-o", out, "-p", "zoomim", coll); code != 0 || stdout != "" {
		t.Errorf("--check with the lock file: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestNoOpRunCreatesNoLock: a run that changes nothing in a directory
// without a lock file (one generated before there were locks, or a fresh
// checkout) touches nothing, and does not create the lock file either.
func TestNoOpRunCreatesNoLock(t *testing.T) {
	ws := workspace(t)
	generate(t, ws)
	lock := filepath.Join(ws, "out", lockName)
	if err := os.Remove(lock); err != nil {
		t.Fatal(err)
	}
	age(t, ws)
	before := snapshot(t, ws)
	generate(t, ws)
	sameSnapshot(t, "no-op run", before, snapshot(t, ws))
	generate(t, ws, "-p", "renamed")
	if _, err := os.Lstat(lock); err != nil {
		t.Errorf("a run that wrote did not create the lock file: %v", err)
	}
}

// TestConcurrentRuns (4): eight processes generating two packages into one
// directory leave one package, complete.
func TestConcurrentRuns(t *testing.T) {
	ws := workspace(t)
	var wg sync.WaitGroup
	results := make([]result, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = postman2go(t, ws, nil, "-q", "-o", "out", "-p", []string{"alpha", "beta"}[i%2], "collection.json")
		}()
	}
	wg.Wait()
	for i, r := range results {
		if r.code != 0 {
			t.Errorf("run %d: exit %d\n%s", i, r.code, r.stderr)
		}
	}
	pkg := "alpha"
	if strings.Contains(readFile(t, filepath.Join(ws, "out", "doc_gen.go")), "package beta") {
		pkg = "beta"
	}
	r := postman2go(t, ws, nil, "--check", "-o", "out", "-p", pkg, "collection.json")
	if r.code != 0 {
		t.Errorf("the directory is not exactly package %s:\n%s", pkg, r.stdout)
	}
	dirFiles(t, filepath.Join(ws, "out"))
}

// TestOnlyGenNamedFilesAreOurs (5): a user's file that starts with our
// header but is not named *_gen.go is neither removed, nor overwritten, nor
// reported by --check.
func TestOnlyGenNamedFilesAreOurs(t *testing.T) {
	ws := workspace(t)
	generate(t, ws)
	out := filepath.Join(ws, "out")
	copied := readFile(t, filepath.Join(out, "client_gen.go"))
	user := map[string]string{
		"mine.go":      copied,
		"mine_test.go": copied,
		"gen.go":       generator.HeaderLine + "\n\npackage zoomim\n",
	}
	writeFiles(t, out, user)
	age(t, out)
	r := postman2go(t, ws, nil, "--check", "-o", "out", "-p", "zoomim", "collection.json")
	r.want(t, 0)
	generate(t, ws, "--config", emptyConfig(t, ws)) // every generated file changes
	for name, content := range user {
		path := filepath.Join(out, name)
		if got := readFile(t, path); got != content {
			t.Errorf("%s was modified", name)
		}
		if info, err := os.Stat(path); err != nil || info.ModTime().Year() != 2001 {
			t.Errorf("%s was rewritten (%v)", name, err)
		}
	}
	existing, err := generatedFiles(out)
	if err != nil {
		t.Fatal(err)
	}
	for name := range user {
		if existing[name] {
			t.Errorf("generatedFiles counts %s as generated", name)
		}
	}
	if !existing["examples_gen_test.go"] || !existing["client_gen.go"] {
		t.Errorf("generatedFiles: %v", existing)
	}
}

func TestGeneratedFileNames(t *testing.T) {
	for _, name := range []string{"../x_gen.go", "sub/x_gen.go", `sub\x_gen.go`, ".postman2go.lock", ".x_gen.go", "_gen.go", "x.go", "c:x_gen.go"} {
		if err := checkFileNames([]generator.File{{Name: name}}); err == nil {
			t.Errorf("%q accepted as a generated file name", name)
		}
	}
	if err := checkFileNames([]generator.File{{Name: "a_gen.go"}, {Name: "examples_gen_test.go"}}); err != nil {
		t.Error(err)
	}
	if err := checkFileNames([]generator.File{{Name: "a_gen.go"}, {Name: "a_gen.go"}}); err == nil {
		t.Error("a duplicate name accepted")
	}
}

// TestRefuseRootAndHome (6): the root or the home directory, named however,
// is refused with exit 2 and nothing written.
func TestRefuseRootAndHome(t *testing.T) {
	coll := seedCollection(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	link := filepath.Join(t.TempDir(), "home-link")
	if err := os.Symlink(home, link); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(home, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	age(t, home)
	before := snapshot(t, home)
	root := filepath.VolumeName(home) + string(filepath.Separator)
	cases := []struct{ dir, says string }{
		{home, "it is your home directory"},
		{filepath.Join(home, "sub") + string(filepath.Separator) + "..", "it is your home directory"},
		{link, "it is your home directory"},
		{root, "it is the root of a file system"},
		{root + "..", "it is the root of a file system"},
	}
	for _, c := range cases {
		code, _, stderr := runInProcess("-o", c.dir, "-p", "zoomim", coll)
		if code != 2 {
			t.Errorf("-o %s: exit %d, want 2\n%s", c.dir, code, stderr)
		}
		if !strings.HasPrefix(stderr, "postman2go: refusing to write into "+c.dir) || !strings.Contains(stderr, c.says) {
			t.Errorf("-o %s: stderr:\n%s", c.dir, stderr)
		}
	}
	sameSnapshot(t, "refused runs", before, snapshot(t, home))

	// Run from inside home, with the default -o ".".
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	if err := os.Chdir(home); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runInProcess("-p", "zoomim", coll); code != 2 || !strings.Contains(stderr, "refusing to write into .") {
		t.Errorf("-o . in home: exit %d\n%s", code, stderr)
	}
	sameSnapshot(t, "refused runs", before, snapshot(t, home))

	// A directory inside home is fine.
	if code, _, stderr := runInProcess("-q", "-o", filepath.Join(home, "sub"), "-p", "zoomim", coll); code != 0 {
		t.Errorf("-o home/sub: exit %d\n%s", code, stderr)
	}
}
