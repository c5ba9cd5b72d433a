package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestV3DirectoryGeneratesItsTwin: a Postman v12 collection directory
// generates the same package as its v2.1 file, header aside; --check sees a
// change to any of its files; a file inside the tree and a directory of
// several collections are refused with the choices named.
func TestV3DirectoryGeneratesItsTwin(t *testing.T) {
	tmp := t.TempDir()
	src := filepath.Join(tmp, "postman", "collections", "zoom")
	if err := os.CopyFS(src, os.DirFS("../../testdata/v3-zoom-im-group")); err != nil {
		t.Fatal(err)
	}
	fromDir, fromJSON := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	for _, args := range [][]string{
		{"-q", "-o", fromDir, "-p", "zoomim", src},
		{"-q", "-o", fromJSON, "-p", "zoomim", "../../testdata/zoom-im-group/collection.json"},
	} {
		var stderr bytes.Buffer
		if code := run(args, nil, &bytes.Buffer{}, &stderr); code != exitOK {
			t.Fatalf("postman2go %v: exit %d: %s", args, code, stderr.String())
		}
	}
	entries, err := os.ReadDir(fromJSON)
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		a, errA := os.ReadFile(filepath.Join(fromDir, e.Name()))
		b, errB := os.ReadFile(filepath.Join(fromJSON, e.Name()))
		if errA != nil || errB != nil {
			t.Fatalf("%s: %v %v", e.Name(), errA, errB)
		}
		if !bytes.Equal(dropSourceLine(a), dropSourceLine(b)) {
			t.Errorf("%s differs between the v3 directory and its v2.1 file", e.Name())
		}
		if !bytes.Contains(a, []byte("// Source: ../postman/collections/zoom (input hash")) {
			t.Errorf("%s: the header does not name the directory:\n%s", e.Name(), a[:200])
		}
		compared++
	}
	if compared < 10 {
		t.Fatalf("compared %d files", compared)
	}

	check := []string{"--check", "-o", fromDir, "-p", "zoomim", src}
	if code := run(check, nil, &bytes.Buffer{}, &bytes.Buffer{}); code != exitOK {
		t.Fatalf("--check right after generating: exit %d", code)
	}
	req := filepath.Join(src, "Create an IM directory group.request.yaml")
	data, err := os.ReadFile(req)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(req, append(data, []byte("\n# edited\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	var diff bytes.Buffer
	if code := run(check, nil, &diff, &bytes.Buffer{}); code != exitDrift || !strings.Contains(diff.String(), "input hash") {
		t.Errorf("--check after editing a request file: exit %d, want %d with a diff", code, exitDrift)
	}

	for args, want := range map[string]string{
		req:                           "is a file of the v3 collection",
		filepath.Join(tmp, "postman"): "holds 1 collection: zoom; give one of them",
	} {
		var stderr bytes.Buffer
		if code := run([]string{"-o", filepath.Join(tmp, "c"), "-p", "x", args}, nil, &bytes.Buffer{}, &stderr); code != exitBad || !strings.Contains(stderr.String(), want) {
			t.Errorf("%s: exit %d, %q; want exit 2 and %q", args, code, stderr.String(), want)
		}
	}
}

func dropSourceLine(b []byte) []byte {
	lines := bytes.SplitN(b, []byte("\n"), 3)
	if len(lines) == 3 && bytes.HasPrefix(lines[1], []byte("// Source: ")) {
		return append(append(lines[0], '\n'), lines[2]...)
	}
	return b
}
