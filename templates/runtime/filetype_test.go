package runtime

import "testing"

func TestFileContentType(t *testing.T) {
	for name, want := range map[string]string{
		"a.png":          "image/png",
		"report.pdf":     "application/pdf",
		"notes.txt":      "text/plain", // parameters such as charset dropped, as Postman sends it
		"blob.xyzzy":     "application/octet-stream",
		"no-extension":   "application/octet-stream",
		"take.wav":       "audio/wave", // the host's tables say audio/wav or audio/x-wav
		"server.log":     "text/plain", // the host's say text/x-log
		"PHOTO.JPG":      "image/jpeg",
		"json":           "application/json", // mime-types reads a bare name as an extension
		".bashrc":        "application/octet-stream",
		"archive.tar.gz": "application/gzip",
		"":               "", // no file chosen: Postman sends no Content-Type
	} {
		if got := fileContentType(name); got != want {
			t.Errorf("fileContentType(%q) = %q, want %q", name, got, want)
		}
	}
}
