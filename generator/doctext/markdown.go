package doctext

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// Markdown, as github.com/yuin/goldmark parses it (CommonMark): the
// block structure of a description and its inline text. A parser is safe
// for concurrent use.
var (
	blockParser = parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
	// inlineParser reads text as one paragraph: names, examples and the
	// text of HTML elements have no Markdown blocks ("1. Create user" is
	// a name, not a list).
	inlineParser = parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
	)
)

// markdown reads a description.
func (b *builder) markdown(src string) {
	source := []byte(src)
	doc := blockParser.Parse(text.NewReader(source))
	w := walker{b: b, source: source}
	w.blocks(doc)
}

// inlineMarkdown reads one paragraph of text.
func (b *builder) inlineMarkdown(src string) {
	source := []byte(src)
	doc := inlineParser.Parse(text.NewReader(source))
	w := walker{b: b, source: source}
	for p := doc.FirstChild(); p != nil; p = p.NextSibling() {
		if p != doc.FirstChild() {
			b.write(" ")
		}
		w.inlines(p)
	}
}

type walker struct {
	b      *builder
	source []byte
	item   *ast.ListItem // the innermost list item
}

// blocks walks the block children of n.
func (w *walker) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

func (w *walker) block(n ast.Node) {
	b := w.b
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		b.paragraph()
		w.inlines(n)
		b.endParagraph()
	case *ast.Heading:
		b.startHeading()
		w.inlines(n)
		b.endHeading()
	case *ast.ThematicBreak:
		b.paragraph()
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		code := w.lines(n.Lines())
		if _, ok := n.(*ast.CodeBlock); ok && looksLikeHTML(code) {
			// HTML indented after a blank line is HTML, not code.
			b.html(code)
			return
		}
		b.codeBlock(code)
	case *ast.Blockquote:
		b.paragraph()
		w.blocks(n)
		b.paragraph()
	case *ast.List:
		b.startList(n.IsOrdered(), n.Start, false)
		w.blocks(n)
		b.endList()
	case *ast.ListItem:
		outer := w.item
		w.item = n
		b.startItem()
		w.blocks(n)
		b.endItem()
		w.item = outer
	case *ast.HTMLBlock:
		raw := w.lines(n.Lines())
		if n.HasClosure() {
			raw += string(n.ClosureLine.Value(w.source))
		}
		b.html(raw)
	default:
		// Link reference definitions are no nodes; other blocks (an
		// extension's) are read for their text.
		if n.Type() == ast.TypeInline {
			w.inline(n)
		} else {
			w.blocks(n)
		}
	}
}

func (w *walker) lines(segs *text.Segments) string {
	var sb strings.Builder
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		sb.Write(s.Value(w.source))
	}
	return sb.String()
}

// looksLikeHTML reports whether a code block starts with an HTML
// element's tag.
func looksLikeHTML(code string) bool {
	code = strings.TrimSpace(code)
	if !strings.HasPrefix(code, "<") {
		return false
	}
	z := html.NewTokenizer(strings.NewReader(code))
	switch z.Next() {
	case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
		name, _ := z.TagName()
		return elements[string(name)] != 0
	case html.CommentToken:
		return true
	}
	return false
}

// inlines walks the inline children of n.
func (w *walker) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

func (w *walker) inline(n ast.Node) {
	b := w.b
	switch n := n.(type) {
	case *ast.Text:
		b.write(unescape(n.Value(w.source)))
		switch {
		case n.HardLineBreak():
			b.lineBreak()
			w.lazyLine(n)
		case n.SoftLineBreak() && w.lazyLine(n):
		case n.SoftLineBreak() && definitionLine(n.NextSibling(), w.source):
			b.lineBreak()
		case n.SoftLineBreak():
			b.space()
		}
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			b.write(string(n.Value))
		} else {
			b.write(unescape(n.Value))
		}
	case *ast.CodeSpan:
		var sb strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				sb.Write(c.Value(w.source))
				if c.SoftLineBreak() || c.HardLineBreak() {
					sb.WriteByte(' ')
				}
			case *ast.String:
				sb.Write(c.Value)
			}
		}
		if code := strings.ReplaceAll(sb.String(), "\n", " "); strings.TrimSpace(code) != "" {
			b.write("`" + code + "`")
		}
	case *ast.Emphasis:
		// Bold goes; a single * or _ stays, as plain text writes
		// emphasis (and as "*/ ... /*" is no emphasis to its author).
		delim := ""
		if p := n.Pos(); n.Level == 1 && p >= 0 && p < len(w.source) {
			delim = string(w.source[p])
		}
		b.write(delim)
		w.inlines(n)
		b.write(delim)
	case *ast.Link:
		b.startLink(string(n.Destination))
		w.inlines(n)
		b.endLink()
	case *ast.Image:
		// An image is not shown: its alternative text is a caption
		// ("Run in Postman", "diagram") that says nothing without it.
	case *ast.AutoLink:
		if n.AutoLinkType == ast.AutoLinkEmail {
			b.write(string(n.Label(w.source)))
		} else {
			b.write(string(n.URL(w.source)))
		}
	case *ast.RawHTML:
		var sb strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			s := n.Segments.At(i)
			sb.Write(s.Value(w.source))
		}
		brBefore := len(b.buf)
		b.html(sb.String())
		if len(b.buf) > brBefore && b.buf[len(b.buf)-1] == '\n' {
			w.lazyLine(n) // "...higher<br>\n**Scopes:**"
		}
	default:
		w.inlines(n)
	}
}

// lazyLine ends the open lists, and reports whether it did, when a line
// of a list item is followed by one that is not indented as the item's
// text is. Markdown reads it as the item's (a lazy continuation line), but
// in descriptions it is the text after the list ("* Zoom Rooms 4.0 or
// higher<br>" and then "**Scopes:** ...").
func (w *walker) lazyLine(n ast.Node) bool {
	if w.item == nil || len(w.b.lists) == 0 {
		return false
	}
	next := n.NextSibling()
	for range 4 {
		t, ok := next.(*ast.Text)
		if !ok || strings.TrimSpace(string(t.Value(w.source))) != "" {
			break
		}
		next = t.NextSibling() // the rest of the line
	}
	pos := -1
	if next != nil {
		pos = next.Pos()
	}
	if pos < 0 {
		pos = firstPos(next)
	}
	if pos < 0 || pos > len(w.source) {
		return false
	}
	// next must be the first thing on its line, after its indentation.
	start := pos
	for start > 0 && (w.source[start-1] == ' ' || w.source[start-1] == '\t') {
		start--
	}
	if start == 0 || w.source[start-1] != '\n' {
		return false
	}
	indent := 0
	for i := start; i < pos; i++ {
		if w.source[i] == '\t' {
			indent += 4 - indent%4
		} else {
			indent++
		}
	}
	if indent >= w.item.Offset {
		return false
	}
	w.b.breakOutOfLists()
	return true
}

// definitionLine reports whether the line that starts with n defines a
// value, "`value`: meaning", "`value` - meaning" or "Label: value"
// (openapi-to-postman's "Contact Support:" lines): it is a line of its own,
// as its author wrote it, not text that continues the line before.
func definitionLine(n ast.Node, source []byte) bool {
	switch n := n.(type) {
	case *ast.CodeSpan:
		t, ok := n.NextSibling().(*ast.Text)
		if !ok {
			return false
		}
		rest := strings.TrimLeft(string(t.Value(source)), " ")
		for _, sep := range []string{":", "-", "–", "—", "="} {
			if strings.HasPrefix(rest, sep) {
				return true
			}
		}
	case *ast.Text, *ast.Emphasis:
		// The line as written: a Text ends where inline markup might
		// start ("A:" of "A:!x").
		p := n.Pos()
		if t, ok := n.(*ast.Text); ok {
			p = t.Segment.Start
		}
		if p < 0 || p > len(source) {
			return false
		}
		line := source[p:]
		if end := bytes.IndexByte(line, '\n'); end >= 0 {
			line = line[:end]
		}
		return labelLine.Match(line)
	}
	return false
}

// labelLine is "Name: Zoom Developers" or "**Prerequisites:**": a label
// of up to three words, capitalized, maybe bold, and a colon.
var labelLine = regexp.MustCompile(`^\s*(?:(?:\*\*|__)[A-Z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+){0,2}(?::\*\*|\*\*:|:__|__:)|[A-Z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+){0,2}:(?:\s|$))`)

// firstPos is where in the source the inline n starts, or -1.
func firstPos(n ast.Node) int {
	for n != nil {
		switch t := n.(type) {
		case *ast.Text:
			return t.Segment.Start
		case *ast.RawHTML:
			if t.Segments.Len() > 0 {
				return t.Segments.At(0).Start
			}
			return -1
		}
		n = n.FirstChild()
	}
	return -1
}

// unescape resolves a Markdown text's backslash escapes and entity and
// character references, as a Markdown renderer does.
func unescape(v []byte) string {
	if !strings.ContainsAny(string(v), "\\&\x00") {
		return string(v)
	}
	var sb strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			sb.WriteByte(v[i+1])
			i++
		case c == '&':
			if end := strings.IndexByte(string(v[i:min(len(v), i+40)]), ';'); end > 1 {
				ref := string(v[i : i+end+1])
				if s := html.UnescapeString(ref); s != ref {
					sb.WriteString(s)
					i += end
					continue
				}
			}
			sb.WriteByte(c)
		case c == 0:
			sb.WriteString("\uFFFD")
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}
