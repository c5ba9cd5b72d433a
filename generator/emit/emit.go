// Package emit writes the files of a generated package from its IR: the
// runtime (templates/runtime, copied with the package clause renamed) and
// the files jennifer renders from the IR. It reads the IR and decides
// nothing the IR already says; every comment goes through comments.go and
// every rendered file through guard.go.
package emit

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
	"github.com/postman2go/postman2go/templates"
)

// File is one generated file.
type File struct {
	Name    string
	Content []byte
	// Types is the number of exported named types it declares, aliases
	// excluded, and 0 for a test file: counted from the syntax tree guard
	// checks, since parsing the output again for the count cost as much as
	// formatting it.
	Types int
}

// Package returns the files of pkg, sorted by name, each starting with the
// header lines (comment text without "//").
func Package(pkg *ir.Package, header []string) ([]File, error) {
	return render(&renderRun{pkg: pkg}, header)
}

// Consume is Package for a caller that has no further use for pkg: it lets
// go of the operations of pkg as soon as their files have them, so that
// the memory of the IR makes way for the output. The files are the same as
// Package's; the errors too, but for a bug in the emitters that Package
// would work around by rendering a large file whole (pieces.go).
func Consume(pkg *ir.Package, header []string) ([]File, error) {
	return render(&renderRun{pkg: pkg, consume: true}, header)
}

func render(r *renderRun, header []string) ([]File, error) {
	pkg := r.pkg
	var files []File
	runtime := map[int]bool{}
	for _, t := range templates.Runtime() {
		runtime[len(files)] = true
		files = append(files, File{
			Name:    strings.TrimSuffix(t.Name, ".go") + "_gen.go",
			Content: runtimeFile(t.Content, header, pkg.Name),
		})
	}
	rp, err := newRuntimePrune(files, runtime)
	if err != nil {
		return nil, fmt.Errorf("pruning the runtime: %w", err)
	}
	for i, af := range rp.parsed {
		files[i].Types = exportedTypes(af) // pruning cuts only unexported ones
	}
	emitters := []struct {
		name  string
		emit  func(*jen.File, *ir.Package)
		skip  bool
		split func(*ir.Package) []*ir.Package // pieces.go
		ops   bool                            // made of pkg.Operations
	}{
		{"doc_gen.go", emitDoc, false, nil, false},
		{"api_gen.go", emitAPI, false, nil, false},
		{"operations_gen.go", emitOperations, len(pkg.Operations) == 0, splitOperations, true},
		{"params_gen.go", emitParams, len(pkg.Operations) == 0, splitOperations, true},
		{"enums_gen.go", emitEnums, len(pkg.Enums) == 0, splitEnums, false},
		{"types_gen.go", emitStructs, len(pkg.Structs) == 0, splitStructs, false},
		{"responses_gen.go", emitResponses, len(pkg.Operations) == 0, splitOperations, true},
		{"examples_gen_test.go", emitExamples, len(pkg.Operations) == 0, splitOperations, true},
	}
	// The files are rendered and formatted concurrently (formatting is most
	// of the work), large ones in pieces (pieces.go), each into its own
	// slot: the result does not depend on the order they finish in.
	head, headOK := renderHead(pkg.Name, header)
	var jobs []*fileJob
	for _, e := range emitters {
		if e.skip {
			continue
		}
		j := &fileJob{name: e.name, emit: e.emit, pkg: pkg, header: header, head: head, rp: rp, ops: e.ops}
		if e.split != nil && headOK {
			j.parts = e.split(pkg)
		}
		jobs = append(jobs, j)
	}
	r.render(jobs)
	live := map[string]bool{}
	for _, j := range jobs {
		if j.err != nil {
			return nil, j.err
		}
		types := j.types
		if strings.HasSuffix(j.name, "_test.go") {
			types = 0
		}
		files = append(files, File{Name: j.name, Content: j.out, Types: types})
		for n := range j.names {
			live[n] = true
		}
	}
	files, err = rp.prune(files, live)
	if err != nil {
		return nil, fmt.Errorf("pruning the runtime: %w", err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files, nil
}

// runtimeFile is a template file with the header added and its package
// clause renamed.
func runtimeFile(src []byte, header []string, pkg string) []byte {
	var b bytes.Buffer
	for _, h := range header {
		for _, c := range commentLines(h) {
			b.WriteString(c + "\n")
		}
	}
	b.WriteString("\n")
	b.Write(bytes.Replace(src, []byte("package runtime\n"), []byte("package "+pkg+"\n"), 1))
	return b.Bytes()
}

// exportedTypes counts the exported named types a file declares at top
// level, aliases excluded.
func exportedTypes(af *ast.File) int {
	n := 0
	for _, d := range af.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, s := range g.Specs {
				if ts := s.(*ast.TypeSpec); ts.Name.IsExported() && !ts.Assign.IsValid() {
					n++
				}
			}
		}
	}
	return n
}
