// Package templates holds the static part of every generated package: the
// client core, options, request encoding and error types. The files in
// runtime/ are ordinary Go (package runtime) so that they are compiled,
// vetted and tested like any code; the generator copies them into each
// generated package with the package clause replaced.
package templates

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed runtime/*.go
var runtimeFS embed.FS

// File is one runtime source file.
type File struct {
	Name    string // base name, e.g. "client.go"
	Content []byte
}

// Runtime returns the runtime files (tests excluded) sorted by name.
func Runtime() []File {
	entries, err := fs.ReadDir(runtimeFS, "runtime")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	var out []File
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := runtimeFS.ReadFile("runtime/" + name)
		if err != nil {
			panic(err)
		}
		out = append(out, File{Name: name, Content: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
