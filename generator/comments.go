package generator

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// Collection text becomes Go comments only through docLines and comment.
// Each line is emitted as its own "// " comment, so no text can end a
// comment block, start a directive (//go:generate, //line) or become code.

var (
	brTag       = regexp.MustCompile(`(?i)<br\s*/?>`)
	paraTag     = regexp.MustCompile(`(?i)</?(p|div|ul|ol|table|tr|h[1-6])(\s[^>]*)?>`)
	liTag       = regexp.MustCompile(`(?i)<li(\s[^>]*)?>`)
	inlineTag   = regexp.MustCompile(`(?i)</?(b|i|u|em|strong|code|span|a|li|td|th|pre|small|sup|sub|tbody|thead)(\s[^>]*)?>`)
	mdBold      = regexp.MustCompile(`\*\*([^*\n]+)\*\*`)
	mdLink      = regexp.MustCompile(`\[([^\]\n]+)\]\(([^)\s]+)\)`)
	lineBreaker = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n")
)

const wrapWidth = 100

// maxDocBytes bounds the text of one description that becomes comments: a
// 50 MB description is data, not documentation.
const maxDocBytes = 64 << 10

// plainText turns a Postman description (Markdown or HTML in practice) into
// plain text lines: <br> becomes a line break, tags and bold markers go,
// [text](url) becomes "text (url)", control characters are dropped.
func plainText(s string) string {
	if len(s) > maxDocBytes {
		cut := maxDocBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + " … (truncated by postman2go)"
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = lineBreaker.Replace(s)
	s = brTag.ReplaceAllString(s, "\n")
	s = liTag.ReplaceAllString(s, "\n- ")
	s = paraTag.ReplaceAllString(s, "\n\n")
	s = inlineTag.ReplaceAllString(s, "")
	s = mdBold.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1 ($2)")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t', r == '\u00a0':
			return ' '
		case r == '\uFEFF', unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
}

// docLines returns s as comment lines: trimmed, blank runs collapsed, long
// lines wrapped at word boundaries.
func docLines(s string) []string {
	var out []string
	blank := false
	for _, line := range strings.Split(plainText(s), "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, wrap(line, wrapWidth)...)
	}
	return out
}

// oneLine returns s as a single line of plain text, for table cells and
// short summaries.
func oneLine(s string) string {
	return strings.Join(strings.Fields(plainText(s)), " ")
}

func wrap(line string, width int) []string {
	var out []string
	for len(line) > width {
		cut := strings.LastIndexByte(line[:width], ' ')
		if cut <= 0 {
			cut = strings.IndexByte(line[width:], ' ')
			if cut < 0 {
				break
			}
			cut += width
		}
		out = append(out, line[:cut])
		line = line[cut+1:]
	}
	return append(out, line)
}

// The door. Every comment the generator writes, fixed text and collection
// text alike, is made here: comment and commentCode for declarations and
// fields, packageComment and headerComment for the file's top. Each logical
// line becomes one or more physical lines that start with "// " (or "//\t"
// for a preformatted line, or are "//"), so whatever a line holds, and
// whoever built it, it cannot end the comment, start a directive
// (//go:generate, //go:build, //line, cgo's #cgo) or become code. A test
// checks that no other file of the package calls jennifer's comment
// methods, and render checks the output again (see guard.go).

// comment renders lines as consecutive one-line comments.
func comment(g *jen.Group, lines ...string) {
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

// headerComment renders one header line ("Code generated ... DO NOT EDIT.").
func headerComment(f *jen.File, line string) {
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
