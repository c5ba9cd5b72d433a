package emit

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"regexp"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// The last check between collection text and a file on disk. The comment
// door (comments.go) and jennifer's quoting of literals keep collection text
// out of code by construction; renderFile checks every emitted file again,
// so that a door someone forgets is a generation error, not a package that
// runs an attacker's init function.

// emittedImports are the only packages emitted code may import.
var emittedImports = map[string]bool{
	"context": true, "encoding/json": true, "errors": true, "fmt": true, "io": true,
	"maps": true, "net/http": true, "slices": true, "strconv": true, "time": true,
	"log": true, "os": true, "strings": true, "iter": true,
}

// renderFile renders f, formats it once and checks the result with guard.
// A file that does not format is an error naming the declaration and the
// Postman item it came from, with a few lines of context, never the whole
// source.
func renderFile(name string, f *jen.File, pkg *ir.Package) ([]byte, error) {
	src, _, err := renderChecked(name, f, pkg)
	return src, err
}

// renderChecked is renderFile that also returns the formatted file as
// guard parsed it; a render error names the items of pkg's operations.
func renderChecked(name string, f *jen.File, pkg *ir.Package) ([]byte, *ast.File, error) {
	f.NoFormat = true
	var raw bytes.Buffer
	if err := f.Render(&raw); err != nil {
		return nil, nil, fmt.Errorf("rendering %s: %w", name, err)
	}
	src, af, err := formatGuarded(name, raw.Bytes())
	if err != nil {
		return nil, nil, formatError(name, raw.Bytes(), err, pkg)
	}
	return src, af, nil
}

// formatError is the error for src that formatGuarded refused with err.
func formatError(name string, src []byte, err error, pkg *ir.Package) error {
	var g *guardError
	if errors.As(err, &g) {
		return fmt.Errorf("rendering %s: %w (this is a bug in postman2go: please report it with the collection)", name, g.err)
	}
	return renderError(name, src, err, pkg)
}

// guardError is a file that parses but that guard refuses.
type guardError struct{ err error }

func (e *guardError) Error() string { return e.err.Error() }

// formatGuarded is go/format.Source that also checks the file with guard
// and returns it as parsed, parsing it once: guard looks at the file before
// it is printed, which is the same check, since printing keeps every
// import and declaration as it is and writes only the comments it was
// given, as "//", "// text" or "//\ttext" lines (go/printer reformats doc
// comments and leaves directives, which guard refuses, as they are). A file
// with an import block is formatted by format.Source, which sorts it; the
// pieces of a large file (pieces.go) have none.
func formatGuarded(name string, src []byte) ([]byte, *ast.File, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, err
	}
	if err := guard(fset, file); err != nil {
		return nil, nil, &guardError{err}
	}
	if len(file.Imports) > 0 {
		out, err := format.Source(src)
		return out, file, err
	}
	var out bytes.Buffer
	out.Grow(len(src) + len(src)/8)
	if err := format.Node(&out, fset, file); err != nil {
		return nil, nil, err
	}
	return out.Bytes(), file, nil
}

// guard checks a parsed file: every comment is a plain "// " comment (no
// directive, no block comment), no function is named init, and only
// emittedImports are imported.
func guard(fset *token.FileSet, file *ast.File) error {
	for _, cg := range file.Comments {
		for _, c := range cg.List {
			if c.Text != "//" && !strings.HasPrefix(c.Text, "// ") && !strings.HasPrefix(c.Text, "//\t") {
				return fmt.Errorf("%s: comment %.40q is not a plain comment", fset.Position(c.Pos()), c.Text)
			}
		}
	}
	for _, imp := range file.Imports {
		if path := strings.Trim(imp.Path.Value, `"`); !emittedImports[path] {
			return fmt.Errorf("%s: unexpected import %s", fset.Position(imp.Pos()), imp.Path.Value)
		}
	}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" {
			return fmt.Errorf("%s: unexpected func init", fset.Position(fd.Pos()))
		}
	}
	return nil
}

// contextLines is how much source a render error shows around its line.
const contextLines = 2

// declStart finds the declaration a line belongs to: "func (c *Client) Op(",
// "func Name(", "type Name ".
var declStart = regexp.MustCompile(`^(?:func (?:\([^)]*\) )?|type )([A-Za-z_][A-Za-z0-9_]*)`)

// renderError describes a file that does not format: where, in which
// declaration and Postman item, and the lines around it.
func renderError(name string, src []byte, err error, pkg *ir.Package) error {
	var list scanner.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		return fmt.Errorf("rendering %s: %v", name, err)
	}
	first := list[0]
	lines := strings.Split(string(src), "\n")
	n := first.Pos.Line - 1
	// Text that escaped a comment breaks the declaration after it, and
	// code that does not format breaks the one it is in: name both.
	before, after := "", ""
	for i := min(n, len(lines)-1); i >= 0 && before == ""; i-- {
		if m := declStart.FindStringSubmatch(lines[i]); m != nil {
			before = m[1] + itemOf(pkg, m[1])
		}
	}
	for i := n + 1; i < len(lines) && after == ""; i++ {
		if m := declStart.FindStringSubmatch(lines[i]); m != nil {
			after = m[1] + itemOf(pkg, m[1])
		}
	}
	where := ""
	switch {
	case before != "" && after != "":
		where = " between " + before + " and " + after
	case before != "":
		where = " after " + before
	case after != "":
		where = " before " + after
	}
	var b strings.Builder
	fmt.Fprintf(&b, "rendering %s: line %d:%d%s: %s (this is a bug in postman2go: please report it with the collection)", name, first.Pos.Line, first.Pos.Column, where, first.Msg)
	for i := max(n-contextLines, 0); i <= min(n+contextLines, len(lines)-1); i++ {
		line := lines[i]
		if len(line) > 120 {
			line = line[:120] + "…"
		}
		fmt.Fprintf(&b, "\n\t%5d  %s", i+1, line)
	}
	return errors.New(b.String())
}

// itemOf names the Postman item behind a generated declaration, if any
// (and if emit has not let go of its operation yet).
func itemOf(pkg *ir.Package, decl string) string {
	for _, op := range pkg.Operations {
		if op == nil {
			continue
		}
		if decl == op.Name || decl == op.ParamsType || decl == op.ResponseType {
			return fmt.Sprintf(" (item %q)", op.ItemName)
		}
	}
	return ""
}
