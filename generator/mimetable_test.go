package generator_test

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestMediaTypeTableIsPostmans regenerates the runtime's extension table
// from the mime-types package Postman's runtime uses (conformance's
// node_modules) and compares it with templates/runtime/mimetypes.go.
func TestMediaTypeTableIsPostmans(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed")
	}
	if _, err := os.Stat("../conformance/node_modules/mime-types"); err != nil {
		t.Skip("mime-types is not installed: npm ci --prefix conformance")
	}
	out := filepath.Join(t.TempDir(), "mimetypes.go")
	if b, err := exec.Command("node", "../templates/mimetypes/gen.js", out).CombinedOutput(); err != nil {
		t.Fatalf("gen.js: %v\n%s", err, b)
	}
	fresh, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if fresh, err = format.Source(fresh); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../templates/runtime/mimetypes.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, committed) {
		t.Error("templates/runtime/mimetypes.go is not what mime-types says: run make mimetypes")
	}
}
