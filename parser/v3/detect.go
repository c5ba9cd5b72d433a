package v3

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Kind is what an input path holds.
type Kind int

const (
	// JSON is a single collection file: JSON of schema v2.0 or v2.1, or a
	// legacy v1 collection (package parser reads them).
	JSON Kind = iota + 1
	// Dir is a v3 collection directory (ParseDir reads it).
	Dir
)

func (k Kind) String() string {
	switch k {
	case JSON:
		return "JSON collection file"
	case Dir:
		return "v3 collection directory"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Detect tells what the input path is: a v3 collection directory (it has a
// .resources/definition.yaml, or *.request.yaml files of its own) or a file
// to read as JSON. A path that is part of a v3 collection but not its root
// (a request, definition or example file, or a folder of the collection),
// a directory that holds several collections (postman/collections), or a
// directory that holds none is an error whose message names what to give
// instead.
func Detect(p string) (Kind, error) {
	st, err := os.Stat(p)
	if err != nil {
		return 0, err
	}
	if !st.IsDir() {
		lower := strings.ToLower(p)
		if !strings.HasSuffix(lower, ".yaml") && !strings.HasSuffix(lower, ".yml") {
			return JSON, nil
		}
		if root, ok := rootAbove(filepath.Dir(p)); ok {
			return 0, fmt.Errorf("%s is a file of the v3 collection %s; give the collection's directory: %s", p, root, root)
		}
		return 0, fmt.Errorf("%s is a YAML file but not part of a v3 collection directory (one with .resources/definition.yaml or *.request.yaml files); a v3 collection is read as a directory, a v2.1 collection as a JSON file", p)
	}
	if isCollectionDir(p) {
		if root, ok := rootAbove(filepath.Dir(p)); ok {
			return 0, fmt.Errorf("%s is a folder of the v3 collection %s; give the collection's directory: %s", p, root, root)
		}
		return Dir, nil
	}
	for _, holder := range []string{p, filepath.Join(p, "collections"), filepath.Join(p, "postman", "collections")} {
		if names := collectionsIn(holder); len(names) > 0 {
			return 0, fmt.Errorf("%s holds %s: %s; give one of them, e.g. %s", holder, plural(len(names), "collection"), strings.Join(names, ", "), filepath.Join(holder, names[0]))
		}
	}
	return 0, fmt.Errorf("%s is a directory but not a Postman v3 collection: it has no .resources/definition.yaml and no *.request.yaml files", p)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// isCollectionDir reports whether dir is a collection or one of its
// folders: it has a definition or request files of its own.
func isCollectionDir(dir string) bool {
	for _, def := range []string{"definition.yaml", "definition.yml"} {
		if st, err := os.Stat(filepath.Join(dir, ".resources", def)); err == nil && !st.IsDir() {
			return true
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		lower := strings.ToLower(e.Name())
		if !e.IsDir() && (strings.HasSuffix(lower, ".request.yaml") || strings.HasSuffix(lower, ".request.yml")) {
			return true
		}
	}
	return false
}

// rootAbove finds the collection that dir belongs to, if any: the
// outermost of the collection directories that enclose dir without a gap,
// after leaving any .resources tree.
func rootAbove(dir string) (string, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	// Leave .resources (and any dot-directory) trees: they are not folders.
	parts := strings.Split(filepath.ToSlash(abs), "/")
	for i, part := range parts {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			parts = parts[:i]
			break
		}
	}
	cur := filepath.FromSlash(strings.Join(parts, "/"))
	if cur == "" {
		cur = string(filepath.Separator)
	}
	root := ""
	for isCollectionDir(cur) {
		root = cur
		parent := filepath.Dir(cur)
		if parent == cur {
			break
		}
		cur = parent
	}
	if root == "" {
		return "", false
	}
	// Name the root as the user would: relative to the working directory
	// when it lies below it.
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, root); err == nil && !strings.HasPrefix(rel, "..") {
			return rel, true
		}
	}
	return root, true
}

// collectionsIn lists the sub-directories of dir that are collections, when
// dir itself is not one.
func collectionsIn(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil || isCollectionDir(dir) {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && isCollectionDir(filepath.Join(dir, e.Name())) {
			names = append(names, e.Name())
		}
	}
	return names
}

// File is one file of a v3 collection.
type File struct {
	Path string // slash-separated, relative to the collection root
	Data []byte // CR LF line breaks normalised to LF
}

// InputFiles returns every file of the v3 collection in root that the
// format defines (request files, definitions and examples: every .yaml and
// .yml file outside dot-directories other than .resources), sorted by
// path, with CR LF normalised to LF, so that a hash of them identifies the
// collection whatever the checkout's line endings. Symbolic links are left
// out, as ParseDir leaves them.
func InputFiles(root string) ([]File, error) {
	return InputFilesFS(os.DirFS(root))
}

// InputFilesFS is InputFiles for a collection held in fsys at ".".
func InputFilesFS(fsys fs.FS) ([]File, error) {
	var out []File
	var total int64
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := e.Name()
		if e.IsDir() {
			if p != "." && strings.HasPrefix(name, ".") && name != ".resources" {
				return fs.SkipDir
			}
			return nil
		}
		lower := strings.ToLower(name)
		if e.Type()&fs.ModeSymlink != 0 || !e.Type().IsRegular() || !(strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml")) {
			return nil
		}
		if len(out) >= MaxFiles {
			return fmt.Errorf("the collection has more than %d files: refused", MaxFiles)
		}
		fh, err := fsys.Open(p)
		if err != nil {
			return err
		}
		data, err := io.ReadAll(io.LimitReader(fh, MaxFileBytes+1))
		fh.Close()
		if err != nil {
			return err
		}
		if len(data) > MaxFileBytes {
			return fmt.Errorf("%s: the file is larger than %d MiB: refused", p, MaxFileBytes>>20)
		}
		if total += int64(len(data)); total > MaxTotalBytes {
			return fmt.Errorf("the collection's files add up to more than %d MiB: refused", MaxTotalBytes>>20)
		}
		out = append(out, File{Path: p, Data: bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// Bundle joins files into one byte string that identifies them: for each
// file in order, its path, a NUL, its length in decimal, a NUL and its
// bytes. Two collections have the same bundle exactly when they have the
// same files with the same contents.
func Bundle(files []File) []byte {
	var b bytes.Buffer
	for _, f := range files {
		b.WriteString(f.Path)
		b.WriteByte(0)
		b.WriteString(strconv.Itoa(len(f.Data)))
		b.WriteByte(0)
		b.Write(f.Data)
	}
	return b.Bytes()
}
