package main

import (
	"errors"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// handPackage is what the Go files of the output directory that postman2go
// did not generate say about its package.
type handPackage struct {
	name string // the package they declare; "" when there are none
	file string // the first file declaring it, as a path through DIR
}

// checkOutputPath reports an output directory that cannot be one, before
// anything is generated: a path through a symbolic link that points nowhere
// (creating it would only say "mkdir DIR: file exists"), or through a file.
func checkOutputPath(dir string) error {
	if info, err := os.Stat(dir); err == nil {
		if !info.IsDir() {
			return fmt.Errorf("-o %s: %s exists and is not a directory", dir, dir)
		}
		return nil
	}
	// dir does not resolve: look at the last component that exists.
	for p := filepath.Clean(dir); ; p = filepath.Dir(p) {
		info, err := os.Lstat(p)
		if err != nil {
			if filepath.Dir(p) == p {
				return nil
			}
			continue
		}
		st, err := os.Stat(p)
		switch {
		case info.Mode()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist):
			target, _ := os.Readlink(p)
			resolved := target
			if !filepath.IsAbs(target) {
				resolved = filepath.Join(filepath.Dir(p), target)
			}
			return fmt.Errorf("-o %s: symbolic link %s points to %s, which does not exist; create %s or fix the link", dir, p, target, resolved)
		case err == nil && !st.IsDir():
			return fmt.Errorf("-o %s: %s is not a directory", dir, p)
		}
		return nil // anything else: the write reports it
	}
}

// inspectDir reads the package clauses of dir's Go files that are not ours,
// as go build would see them: files it ignores (names starting with "." or
// "_", build constraints such as //go:build ignore, other GOOS) do not count,
// and an external test package X_test counts as X. Two packages are an
// error: go build fails on such a directory, whatever is generated into it.
func inspectDir(dir string) (handPackage, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return handPackage{}, nil // missing (created later) or unreadable (the write says so)
	}
	ours, err := generatedFiles(dir)
	if err != nil {
		return handPackage{}, err
	}
	firstFile := map[string]string{}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || ours[name] {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		path := filepath.Join(dir, name)
		f, err := parser.ParseFile(fset, path, nil, parser.PackageClauseOnly)
		if err != nil || f.Name == nil {
			continue // not Go: go build reports it, not we
		}
		pkg := f.Name.Name
		if strings.HasSuffix(name, "_test.go") {
			pkg = strings.TrimSuffix(pkg, "_test")
		}
		if _, seen := firstFile[pkg]; !seen {
			firstFile[pkg] = path
		}
	}
	names := make([]string, 0, len(firstFile))
	for n := range firstFile {
		names = append(names, n)
	}
	sort.Strings(names)
	switch len(names) {
	case 0:
		return handPackage{}, nil
	case 1:
		return handPackage{name: names[0], file: firstFile[names[0]]}, nil
	}
	var list []string
	for _, n := range names {
		list = append(list, fmt.Sprintf("%s (%s)", n, firstFile[n]))
	}
	all := strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
	return handPackage{}, fmt.Errorf("%s already holds Go files of %d packages, %s; go build refuses such a directory, so give each package its own", dir, len(names), all)
}

// choosePackage picks the package name: -p if given, else that of the
// hand-written files in DIR, else one made from DIR's name. A -p that
// differs from the hand-written files, and names that cannot be a client
// package, are errors that say where the name came from.
func choosePackage(flag, dir string, hand handPackage) (string, error) {
	switch {
	case hand.name == "main" && (flag == "" || flag == "main"):
		return "", fmt.Errorf("%s is package main: a client package must be importable, and a main package is a program, which no code can import; generate the client into a directory of its own with -o", hand.file)
	case flag != "":
		if why := badPackageName(flag); why != "" {
			return "", fmt.Errorf("-p %s: package name %q %s; choose another", flag, flag, why)
		}
		if hand.name != "" && flag != hand.name {
			return "", fmt.Errorf("-p %s does not match package %s of %s: the files of one directory are one package, so it would not build; leave -p out or use -p %s", flag, hand.name, hand.file, hand.name)
		}
		return flag, nil
	case hand.name != "":
		if why := badPackageName(hand.name); why != "" {
			return "", fmt.Errorf("%s: package name %q %s", hand.file, hand.name, why)
		}
		return hand.name, nil
	}
	name := defaultPackage(dir)
	if why := badPackageName(name); why != "" {
		return "", fmt.Errorf("package name %q, made from the name of directory %s, %s; choose a name with -p", name, dir, why)
	}
	return name, nil
}

// badPackageName says why name cannot name a client package, or "". (The
// generator refuses the same names; checking here first lets the message
// say where the name came from.)
func badPackageName(name string) string {
	switch {
	case token.Lookup(name).IsKeyword():
		return "is a Go keyword"
	case !token.IsIdentifier(name) || name == "_":
		return "is not a valid Go identifier"
	case name == "main":
		return "makes a program, which no code can import"
	}
	return ""
}
