package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/postman2go/postman2go/generator"
)

// TestWriteDirUndo makes each rename of a run fail in turn and checks that
// the directory is left exactly as it was: same files, contents, modes and
// modification times, and no staging directory.
//
// (Changed from the two-renames-per-file swap: a file is now replaced by a
// single rename of its staged version over it, so the run below does four
// renames, not six; and the lock file the first run creates stays.)
func TestWriteDirUndo(t *testing.T) {
	header := generator.HeaderLine + "\n\npackage p\n"
	old := map[string]string{
		"a_gen.go":     header + "// old a\n",
		"b_gen.go":     header + "// old b\n",
		"stale_gen.go": header + "// stale\n",
		"same_gen.go":  header + "// same\n",
		"user.go":      "package p\n",
	}
	files := []generator.File{
		{Name: "a_gen.go", Content: []byte(header + "// new a\n")},
		{Name: "b_gen.go", Content: []byte(header + "// new b\n")},
		{Name: "new_gen.go", Content: []byte(header + "// new\n")},
		{Name: "same_gen.go", Content: []byte(header + "// same\n")},
	}
	setup := func() string {
		dir := t.TempDir()
		for name, content := range old {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		// As after an earlier run: the lock file exists.
		if err := os.WriteFile(filepath.Join(dir, lockName), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		age(t, dir)
		return dir
	}
	defer func() { rename = os.Rename }()
	// a, b and new: one rename each into place; stale: one out of the way.
	const renames = 4
	for failAt := 1; failAt <= renames; failAt++ {
		dir := setup()
		before := snapshot(t, dir)
		calls := 0
		rename = func(from, to string) error {
			calls++
			if calls == failAt {
				return errors.New("injected failure")
			}
			return os.Rename(from, to)
		}
		_, err := writeDir(dir, files)
		if err == nil {
			t.Fatalf("rename %d: writeDir did not fail", failAt)
		}
		// The directory's own mtime changes (the staging directory came
		// and went); everything in it must be as it was.
		after := snapshot(t, dir)
		delete(before, ".")
		delete(after, ".")
		sameSnapshot(t, "failed run", before, after)
	}

	// Without failures, the same run does all four renames.
	calls := 0
	rename = func(from, to string) error {
		calls++
		return os.Rename(from, to)
	}
	dir := setup()
	res, err := writeDir(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 3 || len(res.Removed) != 1 {
		t.Errorf("written %v, removed %v; want 3 written and stale_gen.go removed", res.Written, res.Removed)
	}
	if calls != renames {
		t.Errorf("%d renames, want %d", calls, renames)
	}
}
