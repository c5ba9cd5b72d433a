// Package doctext turns collection descriptions (Markdown with embedded
// HTML, or HTML, in practice) into the text of Go doc comments. It is data:
// the comment door in generator/emit is what turns lines into Go comments.
//
// A description is parsed, not matched: Markdown by github.com/yuin/goldmark
// (CommonMark), its raw HTML and descriptions that are HTML by
// golang.org/x/net/html. What the parsers find is written in the syntax of
// go/doc/comment: paragraphs wrapped at 100 columns, "# Heading" lines,
// lists as "  - item" and " 1. item" lines, code blocks as tab-indented
// lines, links as "text (url)". Emphasis, images, scripts, styles and
// comments go; a tag of no HTML element (<token>) is text.
package doctext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const wrapWidth = 100

// maxDocBytes bounds the text of one description that becomes comments: a
// 50 MB description is data, not documentation.
const maxDocBytes = 64 << 10

const truncated = " … (truncated by postman2go)"

var lineBreaker = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n")

// PlainText returns s as doc text, its lines unwrapped: a paragraph is one
// line, <br> and Markdown hard breaks are line breaks, list items are
// "  - item" lines, code blocks tab-indented lines, [text](url) and
// <a href="url">text</a> read "text (url)", `code` keeps its backticks.
// Text in angle brackets that is no HTML element (<token>, <string>) stays.
func PlainText(s string) string {
	return strings.Join(layout(parse(s), 0), "\n")
}

// Lines returns s as doc comment lines: paragraphs wrapped at word
// boundaries, separated by blank lines, lists, headings and code blocks as
// go/doc/comment writes them. There is no blank line at either end and no
// run of blank lines.
func Lines(s string) []string {
	return layout(parse(s), wrapWidth)
}

// OneLine returns s as a single line of plain text, for table cells,
// names and short summaries. s is read as one paragraph of Markdown: a
// name such as "1. Create user" is no list.
func OneLine(s string) string {
	s = clean(s)
	if !strings.ContainsAny(s, inlineMarkers) {
		return strings.Join(strings.Fields(s), " ")
	}
	var b builder
	b.inlineMarkdown(strings.Join(strings.Fields(s), " "))
	var parts []string
	for _, bl := range b.finish() {
		switch {
		case bl.kind == kindItem && bl.marker != "":
			parts = append(parts, bl.marker, bl.text)
		default:
			parts = append(parts, bl.text)
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// Wrap wraps one line of plain text at word boundaries, as Lines does.
func Wrap(line string) []string { return wrap(line, wrapWidth) }

// inlineMarkers are the characters without which a line has no inline
// Markdown or HTML.
const inlineMarkers = "<&*_`[\\"

// parse reads a description into blocks.
func parse(s string) []block {
	s = clean(s)
	if isPlain(s) {
		return plainBlocks(s)
	}
	var b builder
	b.markdown(limitNesting(s))
	return b.finish()
}

// maxQuoteDepth bounds how deep block quotes nest: Markdown parsers take
// time quadratic in the depth, and a doc comment has no quotes anyway.
const maxQuoteDepth = 8

// limitNesting drops the ">" of a line beyond the maxQuoteDepth-th.
func limitNesting(s string) string {
	if !strings.Contains(s, ">") {
		return s
	}
	var sb *strings.Builder
	for i := 0; i < len(s); {
		end := strings.IndexByte(s[i:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += i + 1
		}
		line := s[i:end]
		depth, j := 0, 0
		for j < len(line) && (line[j] == '>' || line[j] == ' ' || line[j] == '\t') {
			if line[j] == '>' {
				depth++
			}
			j++
		}
		if depth > maxQuoteDepth {
			if sb == nil {
				sb = &strings.Builder{}
				sb.WriteString(s[:i])
			}
			sb.WriteString(strings.Repeat("> ", maxQuoteDepth))
			sb.WriteString(line[j:])
		} else if sb != nil {
			sb.WriteString(line)
		}
		i = end
	}
	if sb == nil {
		return s
	}
	return sb.String()
}

// clean bounds s, makes it valid UTF-8 with "\n" line breaks and drops
// control and format characters (a tab stays: it indents Markdown) and a
// tag the text was cut in ("... plan.<b").
func clean(s string) string {
	if len(s) > maxDocBytes {
		cut := maxDocBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = cutOpenTag(s[:cut]) + truncated
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.ContainsAny(s, "\r\u2028\u2029\u0085") {
		s = lineBreaker.Replace(s)
	}
	s = cutTag(s)
	if !hasControl(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n', r == '\t':
			return r
		case isControl(r):
			return -1
		}
		return r
	}, s)
}

// isControl reports whether clean drops r.
func isControl(r rune) bool {
	return r == '\uFEFF' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// hasControl reports whether s has a character clean drops.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isControl(r) {
			return true
		}
		i += size - 1
	}
	return false
}

// cutTag drops a tag name the text ends in ("... plan.<b"): no text ends
// in "<word" otherwise.
func cutTag(s string) string {
	t := strings.TrimRight(s, " \t\n")
	j := len(t)
	for j > 0 && isASCIILetter(t[j-1]) {
		j--
	}
	if j == len(t) {
		return s
	}
	if j > 0 && t[j-1] == '/' {
		j--
	}
	if j > 0 && t[j-1] == '<' {
		return s[:j-1]
	}
	return s
}

// cutOpenTag drops the tag a truncated text was cut in: "<a href=".
func cutOpenTag(s string) string {
	i := strings.LastIndexByte(s, '<')
	if i < 0 || i+1 >= len(s) || strings.IndexByte(s[i:], '>') >= 0 {
		return s
	}
	if c := s[i+1]; isASCIILetter(c) || c == '/' || c == '!' {
		return s[:i]
	}
	return s
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isPlain reports whether s has nothing Markdown or HTML reads: no inline
// marker, no line that starts with a space, a tab or a character that
// could start a block, no line break after a space (a hard break).
func isPlain(s string) bool {
	if strings.ContainsAny(s, inlineMarkers) {
		return false
	}
	start := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if start {
			switch c {
			case ' ', '\t', '-', '+', '=', '#', '>', '~', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
				return false
			}
		}
		start = c == '\n'
		if start && i > 0 && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// plainBlocks are the paragraphs of plain text: lines separated by empty
// lines, as Markdown reads them, a label line ("Name: Zoom Developers")
// on a line of its own as definitionLine keeps it.
func plainBlocks(s string) []block {
	var blocks []block
	for _, p := range strings.Split(s, "\n\n") {
		if !strings.Contains(p, "\n") {
			if t := collapse(p); t != "" {
				blocks = append(blocks, block{kind: kindPara, text: t})
			}
			continue
		}
		var sb strings.Builder
		for i, l := range strings.Split(p, "\n") {
			if i > 0 {
				if labelLine.MatchString(l) {
					sb.WriteByte('\n')
				} else {
					sb.WriteByte(' ')
				}
			}
			sb.WriteString(l)
		}
		var lines []string
		for _, l := range strings.Split(sb.String(), "\n") {
			if l = collapse(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			blocks = append(blocks, block{kind: kindPara, text: strings.Join(lines, "\n")})
		}
	}
	return blocks
}

// layout writes blocks as doc comment lines, paragraphs and list items
// wrapped at width (0: not wrapped). Blocks are separated by blank lines,
// except a list from the paragraph that introduces it; a list or code
// block right after another cannot be (go/doc/comment would read them as
// one), so a code block after a list is lines of its last item, and a list
// after a code block or a list of the other kind is lines of text.
func layout(blocks []block, width int) []string {
	const (
		none = iota
		para
		heading
		code
		list
		textList // a list written as lines of a paragraph
	)
	var out []string
	state, listID, ordered := none, 0, false
	blank := func() {
		if state != none {
			out = append(out, "")
		}
	}
	for i, bl := range blocks {
		switch bl.kind {
		case kindHeading:
			if i < len(blocks)-1 {
				blank()
				out = append(out, "# "+bl.text)
				state = heading
				continue
			}
			fallthrough // a heading with nothing under it is text
		case kindPara:
			blank()
			for _, l := range strings.Split(bl.text, "\n") {
				out = append(out, wrap(l, width)...)
			}
			state = para
		case kindCode:
			if state == list {
				for _, l := range strings.Split(bl.text, "\n") {
					if l = strings.TrimSpace(l); l != "" {
						out = append(out, "    "+l)
					}
				}
				continue
			}
			blank()
			for _, l := range strings.Split(bl.text, "\n") {
				if l != "" {
					l = "\t" + l
				}
				out = append(out, l)
			}
			state = code
		case kindItem:
			isOrdered := bl.marker != "-" && bl.marker != ""
			if bl.marker == "" { // continues the item before
				switch state {
				case list:
					out = append(out, itemLines("    ", bl.text, width)...)
					continue
				case textList:
					for _, l := range strings.Split(bl.text, "\n") {
						out = append(out, wrap(l, width)...)
					}
					continue
				}
				blank()
				for _, l := range strings.Split(bl.text, "\n") {
					out = append(out, wrap(l, width)...)
				}
				state = para
				continue
			}
			switch {
			case state == list && (bl.list == listID || isOrdered == ordered):
			case state == textList && bl.list == listID:
			case state == list || state == code || state == textList:
				blank()
				state = textList
			case state == para:
			default:
				blank()
			}
			listID, ordered = bl.list, isOrdered
			if state == textList {
				for j, l := range strings.Split(bl.text, "\n") {
					if j == 0 {
						l = bl.marker + " " + l
					}
					out = append(out, wrap(l, width)...)
				}
				continue
			}
			prefix := "  - "
			if isOrdered {
				prefix = " " + bl.marker + " "
			}
			out = append(out, itemLines(prefix, bl.text, width)...)
			state = list
		}
	}
	return out
}

// itemLines writes a list item's text: its first line after prefix, the
// others indented by four spaces, wrapped so that no line after the first
// starts as a list item would ("- ", "2. "): go/doc/comment would read a
// new item there.
func itemLines(prefix, text string, width int) []string {
	var out []string
	for i, l := range strings.Split(text, "\n") {
		p := "    "
		if i == 0 {
			p = prefix
		}
		first, rest := 0, 0
		if width > 0 {
			first, rest = max(width-len(p), 20), max(width-4, 20)
		}
		for j, w := range wrapAt(l, first, rest, true) {
			if j > 0 {
				p = "    "
			}
			out = append(out, p+w)
		}
	}
	return out
}

func wrap(line string, width int) []string { return wrapAt(line, width, width, false) }

// wrapAt wraps line at spaces, its first line at first bytes and the
// others at rest (0: not at all). A word longer than the width is a line
// of its own. With items, no line after the first starts with a list
// marker.
func wrapAt(line string, first, rest int, items bool) []string {
	var out []string
	width := first
	for width > 0 && len(line) > width {
		cut := strings.LastIndexByte(line[:width], ' ')
		if cut <= 0 {
			cut = strings.IndexByte(line[width:], ' ')
			if cut < 0 {
				break
			}
			cut += width
		}
		if items {
			for tries := 0; startsItem(line[cut+1:]); tries++ {
				back := strings.LastIndexByte(line[:cut], ' ')
				if back > 0 && tries < 3 {
					cut = back
					continue
				}
				// Carry the marker on: break after it instead.
				next := strings.IndexByte(line[cut+1:], ' ')
				if next < 0 {
					cut = len(line)
					break
				}
				cut += 1 + next
			}
			if cut >= len(line) {
				break
			}
		}
		out = append(out, line[:cut])
		line = line[cut+1:]
		width = rest
	}
	return append(out, line)
}

// startsItem reports whether a line that is s would start a list item
// in go/doc/comment: a bullet (-, *, +, •) or a number and . or ), then a
// space and text.
func startsItem(s string) bool {
	n := 0
	if r, size := utf8.DecodeRuneInString(s); r == '-' || r == '*' || r == '+' || r == '•' {
		n = size
	} else {
		for n < len(s) && '0' <= s[n] && s[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return false
		}
		n++
	}
	return n < len(s) && s[n] == ' ' && strings.TrimSpace(s[n:]) != ""
}

// collapse is strings.Join(strings.Fields(s), " "), without the copies
// when s is that already.
func collapse(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
			c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}
