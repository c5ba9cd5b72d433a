package emit

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"path"
	"sort"
	"strconv"
	"strings"
)

// A generated package carries only the runtime it uses: an unexported
// runtime declaration that nothing of the package reaches (a multipart
// encoder in a package without form-data, the host checks of one without
// host variables) is left out, so that staticcheck's U1000 has nothing to
// say and the package is smaller. Whole declarations go, never parts, so
// what stays is the template's text.

// runtimeDecl is one top-level declaration of a runtime file.
type runtimeDecl struct {
	file     int
	decl     ast.Node // a declaration, or one spec of a var (...) block
	names    []string // the names it declares (a method: its name)
	recv     string   // a method's receiver type name
	refs     []string // the names its text uses
	exported bool
	live     bool
}

// runtimePrune is the runtime files parsed and split into declarations,
// before the emitted files are rendered: those report, while they are
// checked (guard.go), which of the runtime's names they use (names).
type runtimePrune struct {
	fset   *token.FileSet
	parsed map[int]*ast.File
	decls  []*runtimeDecl
	// names are the names the runtime declares (and its methods'
	// receivers): the only names of the emitted files that can make a
	// runtime declaration live.
	names map[string]bool
}

// newRuntimePrune parses the runtime files of files (runtime are their
// indexes).
func newRuntimePrune(files []File, runtime map[int]bool) (*runtimePrune, error) {
	rp := &runtimePrune{fset: token.NewFileSet(), parsed: map[int]*ast.File{}, names: map[string]bool{}}
	for i, f := range files {
		if !runtime[i] {
			continue
		}
		af, err := parser.ParseFile(rp.fset, f.Name, f.Content, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		rp.parsed[i] = af
		for _, d := range af.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR && g.Lparen.IsValid() && len(g.Specs) > 1 {
				// Each var of a block lives on its own (const blocks stay
				// whole: iota counts their specs).
				for _, s := range g.Specs {
					one := describeDecl(i, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{s}})
					one.decl = s
					rp.decls = append(rp.decls, one)
				}
				continue
			}
			rp.decls = append(rp.decls, describeDecl(i, d))
		}
	}
	for _, d := range rp.decls {
		for _, n := range d.names {
			rp.names[n] = true
		}
		if d.recv != "" {
			rp.names[d.recv] = true
		}
	}
	return rp, nil
}

// prune removes the unexported declarations of the runtime files that
// neither the emitted files (live: the runtime's names they use) nor a
// live declaration use, and the imports that leaves unused.
func (rp *runtimePrune) prune(files []File, live map[string]bool) ([]File, error) {
	decls := rp.decls
	// Exported declarations are the package's API; what they use is live.
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			if d.live || !(d.exported || d.reached(live)) {
				continue
			}
			d.live, changed = true, true
			for _, n := range d.refs {
				live[n] = true
			}
		}
	}
	out := make([]File, 0, len(files))
	for i, f := range files {
		af, isRuntime := rp.parsed[i]
		if !isRuntime {
			out = append(out, f)
			continue
		}
		var dead []ast.Node
		for _, d := range decls {
			if d.file == i && !d.live {
				dead = append(dead, d.decl)
			}
		}
		if len(dead) == 0 {
			out = append(out, f)
			continue
		}
		// A file left with no declaration stays, with its package clause:
		// the set of files does not change with what the collection uses,
		// so a regeneration under go generate never deletes a file the
		// go command is about to read.
		src, err := cutDecls(rp.fset, af, f.Content, dead)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: f.Name, Content: src, Types: f.Types})
	}
	return out, nil
}

// addNames adds to set the identifiers of af that are runtime names.
func (rp *runtimePrune) addNames(set map[string]bool, af *ast.File) {
	ast.Inspect(af, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && rp.names[id.Name] {
			set[id.Name] = true
		}
		return true
	})
}

// reached reports whether a live name reaches d: its name, or for a method
// its receiver type and (unless exported) its name.
func (d *runtimeDecl) reached(live map[string]bool) bool {
	if d.recv != "" {
		// An exported method may satisfy an interface (Read, Error): it
		// lives with its type. An unexported one must also be called.
		return live[d.recv] && (ast.IsExported(d.names[0]) || live[d.names[0]])
	}
	for _, n := range d.names {
		if live[n] || n == "_" || n == "init" {
			return true
		}
	}
	return false
}

func describeDecl(file int, decl ast.Decl) *runtimeDecl {
	d := &runtimeDecl{file: file, decl: decl, refs: usedNames(decl)}
	switch decl := decl.(type) {
	case *ast.FuncDecl:
		d.names = []string{decl.Name.Name}
		d.exported = decl.Name.IsExported()
		if decl.Recv != nil && len(decl.Recv.List) > 0 {
			d.recv = receiverName(decl.Recv.List[0].Type)
			d.exported = d.exported && ast.IsExported(d.recv)
		}
	case *ast.GenDecl:
		for _, s := range decl.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				d.names = append(d.names, s.Name.Name)
				d.exported = d.exported || s.Name.IsExported()
			case *ast.ValueSpec:
				for _, n := range s.Names {
					d.names = append(d.names, n.Name)
					d.exported = d.exported || n.IsExported()
				}
			}
		}
		if decl.Tok == token.IMPORT {
			d.exported = true // imports are pruned by use, below
		}
	}
	return d
}

func receiverName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return receiverName(t.X)
	case *ast.IndexExpr:
		return receiverName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return ""
}

// usedNames lists every identifier in n, selector names included: a name
// used anywhere keeps every declaration of that name (conservative).
func usedNames(n ast.Node) []string {
	var out []string
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			out = append(out, id.Name)
		}
		return true
	})
	return out
}

// cutDecls removes decls (with their doc comments) from src and the imports
// nothing uses any more.
func cutDecls(fset *token.FileSet, af *ast.File, src []byte, dead []ast.Node) ([]byte, error) {
	type span struct{ from, to int }
	var spans []span
	for _, d := range dead {
		from := d.Pos()
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Doc != nil {
				from = d.Doc.Pos()
			}
		case *ast.GenDecl:
			if d.Doc != nil {
				from = d.Doc.Pos()
			}
		case *ast.ValueSpec:
			if d.Doc != nil {
				from = d.Doc.Pos()
			}
			// From the start of its line: the block's indentation goes too.
			for off := fset.Position(from).Offset; off > 0 && (src[off-1] == '\t' || src[off-1] == ' '); off-- {
				from--
			}
		}
		to := fset.Position(d.End()).Offset
		// The rest of the line (a trailing comment) and its line break.
		if nl := bytes.IndexByte(src[to:], '\n'); nl >= 0 {
			to += nl + 1
		}
		spans = append(spans, span{fset.Position(from).Offset, to})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from > spans[j].from })
	out := append([]byte(nil), src...)
	for _, s := range spans {
		out = append(out[:s.from], out[s.to:]...)
	}
	out, err := dropUnusedImports(out)
	if err != nil {
		return nil, err
	}
	return format.Source(out)
}

// dropUnusedImports removes the imports whose package name no selector of
// the file uses.
func dropUnusedImports(src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	for _, d := range af.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			continue
		}
		ast.Inspect(d, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok {
					used[x.Name] = true
				}
			}
			return true
		})
	}
	type span struct{ from, to int }
	var spans []span
	cut := func(from, to token.Pos) {
		f, t := fset.Position(from).Offset, fset.Position(to).Offset
		if nl := bytes.IndexByte(src[t:], '\n'); nl >= 0 {
			t += nl + 1
		}
		spans = append(spans, span{f, t})
	}
	for _, d := range af.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			continue
		}
		var unused []ast.Spec
		for _, s := range g.Specs {
			imp := s.(*ast.ImportSpec)
			p, _ := strconv.Unquote(imp.Path.Value)
			name := importName(p)
			if imp.Name != nil {
				name = imp.Name.Name
			}
			if !used[name] && name != "_" {
				unused = append(unused, s)
			}
		}
		switch {
		case len(unused) == 0:
		case len(unused) == len(g.Specs):
			cut(g.Pos(), g.End())
		default:
			for _, s := range unused {
				cut(s.Pos(), s.End())
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from > spans[j].from })
	out := append([]byte(nil), src...)
	for _, s := range spans {
		out = append(out[:s.from], out[s.to:]...)
	}
	return out, nil
}

// importName is the package name of a standard import path: the last
// element, before a major version suffix (math/rand/v2 is rand).
func importName(p string) string {
	base := path.Base(p)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		return path.Base(path.Dir(p))
	}
	return base
}
