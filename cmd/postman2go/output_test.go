package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/postman2go/postman2go/generator"
)

// TestWriteDirUndo makes each rename of a run fail in turn and checks that
// the directory is left exactly as it was.
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
	defer func() { rename = os.Rename }()
	// a and b: move aside + install (4), new: install (1), stale: move aside (1).
	const renames = 6
	for failAt := 1; failAt <= renames; failAt++ {
		dir := t.TempDir()
		for name, content := range old {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
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
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != len(old) {
			t.Errorf("rename %d: %d entries after the failed run, want %d: %v", failAt, len(entries), len(old), entries)
		}
		for name, content := range old {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil || string(got) != content {
				t.Errorf("rename %d: %s not restored (%v): %q", failAt, name, err, got)
			}
		}
	}

	// Without failures, the same run does all six renames.
	rename = os.Rename
	dir := t.TempDir()
	for name, content := range old {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := writeDir(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 3 || len(res.Removed) != 1 {
		t.Errorf("written %v, removed %v; want 3 written and stale_gen.go removed", res.Written, res.Removed)
	}
}
