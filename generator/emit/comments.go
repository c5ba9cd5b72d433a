package emit

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
)

// The door. Every comment the generator writes, fixed text and collection
// text alike, is made here: comment and commentCode for declarations and
// fields, packageComment and HeaderComment for the file's top. Each logical
// line becomes one or more physical lines that start with "// " (or "//\t"
// for a preformatted line, or are "//"), so whatever a line holds, and
// whoever built it, it cannot end the comment, start a directive
// (//go:generate, //go:build, //line, cgo's #cgo) or become code. A test
// checks that no other file of the package calls jennifer's comment
// methods, and render checks the output again (see guard.go).

// Comment renders lines as consecutive one-line comments.
func Comment(g *jen.Group, lines ...string) {
	for _, l := range lines {
		for _, c := range commentLines(l) {
			g.Comment(c)
		}
	}
}

// commentCode renders lines as one-line comments for use before a
// declaration inside jen.Add.
func commentCode(lines ...string) jen.Code {
	return jen.Do(func(s *jen.Statement) {
		first := true
		for _, l := range lines {
			for _, c := range commentLines(l) {
				if !first {
					s.Line()
				}
				first = false
				s.Comment(c)
			}
		}
	})
}

// packageComment renders lines as the package's doc comment.
func packageComment(f *jen.File, lines ...string) {
	for _, l := range lines {
		for _, c := range commentLines(l) {
			f.PackageComment(c)
		}
	}
}

// HeaderComment renders one header line ("Code generated ... DO NOT EDIT.").
func HeaderComment(f *jen.File, line string) {
	for _, c := range commentLines(line) {
		f.HeaderComment(c)
	}
}

// anyBreak splits text on every sequence that some tool reads as a line
// break: go/scanner ends a // comment at \n only, but editors, diff viewers
// and go doc also break at \r, U+2028, U+2029 and U+0085, and a vertical
// tab or form feed must not hide text either.
var anyBreak = regexp.MustCompile("\r\n|[\n\r\v\f\u0085\u2028\u2029]")

// commentLines turns one line of comment text into "//" comment lines: the
// text is split at any line break and stripped of control characters (a
// leading tab marks a preformatted block line and is kept). The space after
// "//" keeps text from forming a directive; a legacy "+build" constraint is
// recognised even after spaces, so it is quoted.
func commentLines(l string) []string {
	if plainASCII(l) {
		return []string{commentLine(l)}
	}
	parts := anyBreak.Split(strings.ToValidUTF8(l, "\uFFFD"), -1)
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.Map(func(r rune) rune {
			if r != '\t' && (r == '\uFEFF' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
				return -1
			}
			return r
		}, p)
		out = append(out, commentLine(p))
	}
	return out
}

// commentLine is one line without breaks or control characters as a
// comment.
func commentLine(p string) string {
	switch {
	case p == "":
		return "//"
	case p[0] == '\t':
		return "//" + p
	case strings.HasPrefix(strings.TrimSpace(p), "+build"):
		return "// > " + p
	}
	return "// " + p
}

// plainASCII reports whether l is printable ASCII and tabs only, the common
// case, which needs no splitting or stripping.
func plainASCII(l string) bool {
	for i := 0; i < len(l); i++ {
		if c := l[i]; (c < 0x20 && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
}
