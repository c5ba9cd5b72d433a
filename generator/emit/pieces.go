package emit

import (
	"bytes"
	"fmt"
	"go/ast"
	"runtime"
	"sort"
	"strconv"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/postman2go/postman2go/generator/ir"
)

// A large file is rendered in pieces: its emitter runs on a run of
// pieceSize operations (or enums) at a time, each piece is rendered,
// formatted and checked on its own, on every core, and the pieces are
// joined. The result is the file the emitter renders for the whole
// package, byte for byte:
//
//   - the emitters of split files are loops over pkg.Operations (or
//     pkg.Enums, or pkg.Structs, whose aliases come last) whose items read
//     nothing else of the package but pkg.BaseURL, so the whole file's
//     body is the pieces' bodies one after the other (jennifer writes a
//     line break before every top-level item);
//   - jennifer's import block is the sorted paths the body uses; the
//     pieces' blocks are joined, which is only the same when no import is
//     renamed (each package's own name, no two alike), which is checked;
//   - gofmt separates top-level declarations that the source separates by
//     a blank line with exactly one blank line whatever comes before, and
//     nothing else of its output crosses that line (alignment stops at a
//     blank line), so formatting a piece alone gives its part of the
//     whole file. Pieces are therefore only cut where the rendered source
//     has a blank line and no comment between two declarations, which is
//     checked.
//
// When a check fails, or a piece does not format or pass guard, the file
// is rendered whole, as it always was, so errors are the same too; but
// once Consume has let go of operations a file of them cannot be rendered
// whole, and a failed check is an error naming the file (every check
// failing is a bug in the emitters). Small files (a package of at most
// pieceSize operations) are rendered whole. TestPiecesAreTheWholeFile
// compares both ways on every test collection.
var pieceSize = 32

// splitOperations divides pkg into packages of at most pieceSize
// operations; nil when it fits in one.
func splitOperations(pkg *ir.Package) []*ir.Package {
	if len(pkg.Operations) <= pieceSize {
		return nil
	}
	var out []*ir.Package
	for i := 0; i < len(pkg.Operations); i += pieceSize {
		sub := *pkg
		sub.Operations = pkg.Operations[i:min(i+pieceSize, len(pkg.Operations))]
		out = append(out, &sub)
	}
	return out
}

// splitEnums is splitOperations for pkg.Enums.
func splitEnums(pkg *ir.Package) []*ir.Package {
	if len(pkg.Enums) <= pieceSize {
		return nil
	}
	var out []*ir.Package
	for i := 0; i < len(pkg.Enums); i += pieceSize {
		sub := *pkg
		sub.Enums = pkg.Enums[i:min(i+pieceSize, len(pkg.Enums))]
		out = append(out, &sub)
	}
	return out
}

// splitStructs is splitOperations for pkg.Structs: the synthesized types
// in pieces, and the aliases (emitted after them, in one block) with the
// last piece.
func splitStructs(pkg *ir.Package) []*ir.Package {
	var types, aliases []*ir.Struct
	for _, st := range pkg.Structs {
		if st.SameAs != nil {
			aliases = append(aliases, st)
		} else {
			types = append(types, st)
		}
	}
	if len(types) <= pieceSize {
		return nil
	}
	var out []*ir.Package
	for i := 0; i < len(types); i += pieceSize {
		sub := *pkg
		sub.Structs = types[i:min(i+pieceSize, len(types)):min(i+pieceSize, len(types))]
		out = append(out, &sub)
	}
	last := out[len(out)-1]
	last.Structs = append(last.Structs, aliases...)
	return out
}

// fileJob is one emitted file being rendered, whole or in pieces.
type fileJob struct {
	name   string
	emit   func(*jen.File, *ir.Package)
	pkg    *ir.Package
	header []string
	head   string        // the rendered header comments (pieces only)
	parts  []*ir.Package // nil: rendered whole
	rp     *runtimePrune
	run    *renderRun
	// ops is true for a file made of pkg.Operations, one piece per
	// pieceSize of them (splitOperations).
	ops bool

	mu      sync.Mutex
	left    int    // pieces not yet rendered
	body0   []byte // the first piece's raw body
	imports map[string]bool
	pieces  []piece

	out      []byte
	names    map[string]bool // runtime names the file uses
	types    int             // exported named types it declares (File.Types)
	err      error
	wholeToo bool // pieces were tried, then the file was rendered whole

	// pieceErr is why the pieces cannot be joined (a check failed: render
	// whole), and the error when the file cannot be rendered whole either.
	pieceErr    error
	failedPiece int // the piece pieceErr is about: the first that failed
}

// cannotJoin is the pieceErr of a check that failed.
func (j *fileJob) cannotJoin(why string) error {
	return fmt.Errorf("rendering %s in pieces: %s; its operations were let go, so it cannot be rendered whole either (this is a bug in postman2go: please report it with the collection)", j.name, why)
}

// piece is one rendered piece after the first.
type piece struct {
	text      []byte // formatted, without its package clause
	lead      int    // line breaks before its first declaration (raw)
	trail     int    // line breaks after its last declaration (raw)
	tailClean bool   // its raw text ends without a comment
}

// renderRun is the rendering of one package's files. When consume is
// set, the caller has no further use for pkg: once every file made of
// operations has its piece of some operations, those are let go
// (pkg.Operations[i] = nil), so that the IR makes room for the output as
// it grows.
type renderRun struct {
	pkg     *ir.Package
	consume bool

	mu        sync.Mutex
	released  bool  // some operations were let go
	noRelease bool  // a file is rendered whole from pkg: keep everything
	done      []int // per piece of operations, the files that have it
	opsFiles  int

	joining sync.Mutex // held by the join that copies its pieces
}

// whole is the package to render a whole file of operations from; nil
// once some of its operations were let go.
func (r *renderRun) whole() *ir.Package {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.released {
		return nil
	}
	r.noRelease = true
	return r.pkg
}

// pieceDone records that a file of operations has piece k; the last one
// lets go of its operations.
func (r *renderRun) pieceDone(k int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done[k]++
	if !r.consume || r.noRelease || r.done[k] < r.opsFiles {
		return
	}
	r.released = true
	clear(r.pkg.Operations[k*pieceSize : min((k+1)*pieceSize, len(r.pkg.Operations))])
}

// render renders the files of jobs on every core, at most one piece per
// core at a time: first whole files, then the pieces of the files of
// operations, a piece of each in turn so that their operations can go,
// then the other pieces.
func (r *renderRun) render(jobs []*fileJob) {
	for _, j := range jobs {
		j.run = r
		if j.ops && j.parts != nil {
			if r.opsFiles == 0 {
				r.done = make([]int, len(j.parts))
			}
			r.opsFiles++
		}
	}
	tasks := make(chan func())
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				t()
			}
		}()
	}
	var whole, opsFiles, other []*fileJob
	for _, j := range jobs {
		switch {
		case j.parts == nil:
			whole = append(whole, j)
		case j.ops:
			opsFiles = append(opsFiles, j)
		default:
			other = append(other, j)
		}
		if j.parts != nil {
			j.left = len(j.parts)
			j.pieces = make([]piece, len(j.parts))
			j.imports = map[string]bool{}
		}
	}
	for _, j := range whole {
		tasks <- j.renderWhole
	}
	if len(opsFiles) > 0 {
		for k := range opsFiles[0].parts {
			for _, j := range opsFiles {
				tasks <- func() { j.renderPiece(k) }
			}
		}
	}
	for _, j := range other {
		for k := range j.parts {
			tasks <- func() { j.renderPiece(k) }
		}
	}
	close(tasks)
	wg.Wait()
}

// renderWhole renders the file in one go.
func (j *fileJob) renderWhole() {
	pkg := j.pkg
	if j.ops {
		if pkg = j.run.whole(); pkg == nil {
			j.out, j.err = nil, j.pieceErr
			return
		}
	}
	f := jen.NewFile(pkg.Name)
	for _, h := range j.header {
		HeaderComment(f, h)
	}
	j.emit(f, pkg)
	src, af, err := renderChecked(j.name, f, j.run.pkg)
	if err != nil {
		j.out, j.err = nil, err
		return
	}
	j.out, j.names, j.types = src, map[string]bool{}, exportedTypes(af)
	j.rp.addNames(j.names, af)
}

// renderPiece renders piece k; the last piece to finish joins them.
func (j *fileJob) renderPiece(k int) {
	err := j.piece(k)
	if j.ops {
		j.run.pieceDone(k)
	}
	j.mu.Lock()
	if err != nil && (j.pieceErr == nil || k < j.failedPiece) {
		j.pieceErr, j.failedPiece = err, k
	}
	j.left--
	last := j.left == 0
	j.mu.Unlock()
	if last {
		j.join()
	}
}

// piece renders piece k: the first one's body is kept until every import
// is known; the others are formatted and checked at once.
func (j *fileJob) piece(k int) error {
	f := jen.NewFile(j.pkg.Name)
	j.emit(f, j.parts[k])
	f.NoFormat = true
	var raw bytes.Buffer
	if err := f.Render(&raw); err != nil {
		return fmt.Errorf("rendering %s: %w", j.name, err)
	}
	imports, body, ok := splitRaw(raw.Bytes(), j.pkg.Name)
	if !ok {
		return j.cannotJoin(fmt.Sprintf("piece %d renames an import", k))
	}
	j.mu.Lock()
	for _, p := range imports {
		j.imports[p] = true
	}
	j.mu.Unlock()
	if k == 0 {
		j.body0 = body
		j.pieces[0] = piece{trail: trailingBreaks(body), tailClean: cleanTail(body)}
		return nil
	}
	clause := "package " + j.pkg.Name + "\n\n"
	text := append([]byte(clause), body...)
	src, af, err := formatGuarded(j.name, text)
	if err != nil {
		// The whole file's error, but for the lines of this piece.
		return formatError(j.name, text, err, j.parts[k])
	}
	if !bytes.HasPrefix(src, []byte(clause)) {
		return j.cannotJoin(fmt.Sprintf("piece %d lost its package clause", k))
	}
	names := map[string]bool{}
	j.rp.addNames(names, af)
	j.mu.Lock()
	j.types += exportedTypes(af)
	if j.names == nil {
		j.names = map[string]bool{}
	}
	for n := range names {
		j.names[n] = true
	}
	j.mu.Unlock()
	// A copy of exactly its size: format's buffer has room to spare, and
	// the pieces of a file wait for each other.
	j.pieces[k] = piece{text: bytes.Clone(src[len(clause):]), lead: leadingBreaks(body), trail: trailingBreaks(body), tailClean: cleanTail(body)}
	return nil
}

// join formats the first piece with the whole file's header and imports
// and appends the others; on any doubt it renders the file whole.
func (j *fileJob) join() {
	if j.pieceErr == nil && !importNamesDistinct(j.imports) {
		j.pieceErr = j.cannotJoin("two of its imports have the same name")
	}
	for k := 1; j.pieceErr == nil && k < len(j.pieces); k++ {
		prev, p := j.pieces[k-1], j.pieces[k]
		if !prev.tailClean || prev.trail+p.lead < 2 || p.lead < 1 {
			j.pieceErr = j.cannotJoin(fmt.Sprintf("pieces %d and %d do not meet at a blank line", k-1, k))
		}
	}
	var src []byte
	var af *ast.File
	if j.pieceErr == nil {
		var raw bytes.Buffer
		raw.WriteString(j.head)
		raw.WriteString("package " + j.pkg.Name + "\n\n")
		raw.WriteString(importBlock(j.imports))
		raw.Write(j.body0)
		var err error
		if src, af, err = formatGuarded(j.name, raw.Bytes()); err != nil {
			j.pieceErr = formatError(j.name, raw.Bytes(), err, j.parts[0])
		}
	}
	if j.pieceErr != nil {
		j.pieces, j.body0, j.names, j.types, j.wholeToo = nil, nil, nil, 0, true
		j.renderWhole()
		return
	}
	j.rp.addNames(j.names, af)
	j.types += exportedTypes(af)
	// Joins take turns: each holds its file twice until it is done (the
	// pieces and the copy), and the files of operations, rendered a piece
	// of each in turn, all finish at once.
	j.run.joining.Lock()
	defer j.run.joining.Unlock()
	n := len(src)
	for _, p := range j.pieces[1:] {
		n += 1 + len(p.text)
	}
	out := make([]byte, 0, n)
	out = append(out, src...)
	for k := range j.pieces[1:] {
		out = append(out, '\n')
		out = append(out, j.pieces[k+1].text...)
		j.pieces[k+1].text = nil
	}
	j.out, j.pieces, j.body0 = out, nil, nil
}

// splitRaw splits a piece jennifer rendered without header comments,
// "package <name>\n\n" + imports + body, into the import paths and the
// body; ok is false when an import is renamed or the text is not of that
// form.
func splitRaw(raw []byte, name string) (imports []string, body []byte, ok bool) {
	rest, found := bytes.CutPrefix(raw, []byte("package "+name+"\n\n"))
	if !found {
		return nil, nil, false
	}
	line := func() ([]byte, bool) {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return nil, false
		}
		l := rest[:i]
		rest = rest[i+1:]
		return l, true
	}
	path := func(l []byte) bool {
		p, err := strconv.Unquote(string(l))
		if err != nil || strconv.Quote(p) != string(l) {
			return false
		}
		imports = append(imports, p)
		return true
	}
	switch {
	case bytes.HasPrefix(rest, []byte("import (\n")):
		line()
		for {
			l, ok := line()
			if !ok {
				return nil, nil, false
			}
			if string(l) == ")" {
				break
			}
			if !path(l) {
				return nil, nil, false
			}
		}
		if l, ok := line(); !ok || len(l) != 0 {
			return nil, nil, false
		}
	case bytes.HasPrefix(rest, []byte("import ")):
		l, ok := line()
		if !ok || !path(bytes.TrimPrefix(l, []byte("import "))) {
			return nil, nil, false
		}
		if l, ok := line(); !ok || len(l) != 0 {
			return nil, nil, false
		}
	}
	return imports, rest, true
}

// importBlock is jennifer's import block for paths, none renamed.
func importBlock(paths map[string]bool) string {
	sorted := make([]string, 0, len(paths))
	for p := range paths {
		sorted = append(sorted, p)
	}
	sort.Strings(sorted)
	switch len(sorted) {
	case 0:
		return ""
	case 1:
		return "import " + strconv.Quote(sorted[0]) + "\n\n"
	}
	var b bytes.Buffer
	b.WriteString("import (\n")
	for _, p := range sorted {
		b.WriteString(strconv.Quote(p) + "\n")
	}
	b.WriteString(")\n\n")
	return b.String()
}

// importNamesDistinct reports whether no two paths have the same package
// name, so that jennifer renames none of them in the whole file either.
func importNamesDistinct(paths map[string]bool) bool {
	seen := map[string]bool{}
	for p := range paths {
		n := importName(p)
		if seen[n] {
			return false
		}
		seen[n] = true
	}
	return true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// leadingBreaks counts the line breaks in the white space that starts b.
func leadingBreaks(b []byte) int {
	n := 0
	for _, c := range b {
		if !isSpace(c) {
			break
		}
		if c == '\n' {
			n++
		}
	}
	return n
}

// trailingBreaks counts the line breaks in the white space that ends b.
func trailingBreaks(b []byte) int {
	n := 0
	for i := len(b) - 1; i >= 0 && isSpace(b[i]); i-- {
		if b[i] == '\n' {
			n++
		}
	}
	return n
}

// cleanTail reports whether the last line of b with text has no comment
// (nor "//" or "/*" in a literal: doubt is enough).
func cleanTail(b []byte) bool {
	b = bytes.TrimRight(b, " \t\r\n")
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		b = b[i+1:]
	}
	return !bytes.Contains(b, []byte("//")) && !bytes.Contains(b, []byte("/*"))
}

// renderHead is the header comments as jennifer renders them before the
// package clause.
func renderHead(pkgName string, header []string) (string, bool) {
	f := jen.NewFile(pkgName)
	for _, h := range header {
		HeaderComment(f, h)
	}
	f.NoFormat = true
	var raw bytes.Buffer
	if err := f.Render(&raw); err != nil {
		return "", false
	}
	head, found := bytes.CutSuffix(raw.Bytes(), []byte("package "+pkgName+"\n\n"))
	return string(head), found
}
