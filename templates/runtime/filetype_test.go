package runtime

import "testing"

func TestFileContentType(t *testing.T) {
	for name, want := range map[string]string{
		"a.png":        "image/png",
		"report.pdf":   "application/pdf",
		"notes.txt":    "text/plain", // parameters such as charset dropped, as Postman sends it
		"blob.xyzzy":   "application/octet-stream",
		"no-extension": "application/octet-stream",
		"":             "", // no file chosen: Postman sends no Content-Type
	} {
		if got := fileContentType(name); got != want {
			t.Errorf("fileContentType(%q) = %q, want %q", name, got, want)
		}
	}
}
