package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestSameContent: the block-at-a-time comparison agrees with reading the
// file whole, at and around the block size, and fails as os.ReadFile does.
func TestSameContent(t *testing.T) {
	dir := t.TempDir()
	block := 256 << 10
	base := bytes.Repeat([]byte("0123456789abcdef"), (2*block+100)/16)
	variants := map[string][]byte{
		"empty":         {},
		"one byte":      []byte("x"),
		"a block":       base[:block],
		"two blocks":    base[:2*block],
		"two and a bit": base,
	}
	for name, onDisk := range variants {
		path := filepath.Join(dir, "f")
		if err := os.WriteFile(path, onDisk, 0o644); err != nil {
			t.Fatal(err)
		}
		for other, content := range variants {
			changed := bytes.Clone(content)
			if len(changed) > 0 {
				changed[len(changed)-1] ^= 1 // differs in its last byte only
			}
			for _, c := range []struct {
				content []byte
				want    bool
			}{
				{content, bytes.Equal(onDisk, content)},
				{changed, bytes.Equal(onDisk, changed)},
				{append(bytes.Clone(onDisk), 'x'), false},
			} {
				got, err := sameContent(path, c.content)
				if err != nil || got != c.want {
					t.Errorf("file %s, content %s (%d bytes): %v, %v; want %v", name, other, len(c.content), got, err, c.want)
				}
			}
		}
	}
	if _, err := sameContent(filepath.Join(dir, "missing"), nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	_, readErr := os.ReadFile(dir)
	if _, err := sameContent(dir, nil); err == nil || readErr == nil || err.Error() != readErr.Error() {
		t.Errorf("a directory: %v, want os.ReadFile's %v", err, readErr)
	}
}

// TestKeepOldCopies: where a hard link cannot be made (the backup exists,
// as on a file system without them), the old file is copied with its mode
// and time.
func TestKeepOldCopies(t *testing.T) {
	dir := t.TempDir()
	path, backup := filepath.Join(dir, "a_gen.go"), filepath.Join(dir, "backup")
	old := bytes.Repeat([]byte("old content\n"), 100000)
	if err := os.WriteFile(path, old, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(backup, []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := keepOld(path, backup); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(backup)
	if err != nil || !bytes.Equal(got, old) {
		t.Fatalf("backup holds %d bytes (%v), want the %d of the old file", len(got), err, len(old))
	}
	pi, _ := os.Stat(path)
	bi, _ := os.Stat(backup)
	if bi.Mode().Perm() != 0o640 || !bi.ModTime().Equal(pi.ModTime()) {
		t.Errorf("backup mode %v time %v, want %v %v", bi.Mode().Perm(), bi.ModTime(), pi.Mode().Perm(), pi.ModTime())
	}
}
