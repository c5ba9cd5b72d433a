package doctext

import (
	"strconv"
	"strings"
)

// The builder is what both parsers drive: the Markdown walker
// (markdown.go) and the HTML tokenizer (html.go) call its methods as they
// meet text, breaks, lists, headings and code, and it collects the blocks
// that a Go doc comment can say: paragraphs, headings, code blocks and list
// items (go/doc/comment has no nesting, tables, quotes or emphasis).

type kind uint8

const (
	kindPara kind = iota
	kindHeading
	kindCode
	kindItem
)

// A block is one unit of a doc comment.
type block struct {
	kind kind
	// text is the block's text: "\n" is a line break the source asked for
	// (<br>, a Markdown hard break); in a code block it separates lines.
	text string
	// marker is a list item's: "-" for a bullet, "3." for a number, ""
	// for text that continues the item before it (after a nested list).
	marker string
	list   int // a list item's list: consecutive items of one list share it
}

type listState struct {
	ordered bool
	next    int // the number of the next item of an ordered list
	id      int
	table   bool // a table's rows
}

type linkState struct {
	dest    string
	visible int // b.visible when the link opened
	block   int // len(b.blocks) when the link opened
	start   int // len(b.buf) when the link opened
}

type builder struct {
	blocks []block
	buf    []byte
	open   kind   // what buf is the text of
	prefix int    // open == kindItem: the bytes of buf that are a marker
	marker string // open == kindItem: the item's marker
	list   int    // open == kindItem: its list

	lists  []listState
	nlists int
	links  []linkState
	// visible counts the writes of text that is not all space, so that a
	// link whose text was only an image is known to be empty.
	visible int

	skip       int  // inside <script>, <style>, ...: text is dropped
	pre        int  // inside <pre>: text is preformatted
	code       int  // inside inline <code>
	row        bool // inside a table row
	rowVisible int  // b.visible when the row opened
	cell       int  // cells of the open row
	head       int  // inside <thead>

	depth int // nested parses of HTML text as Markdown
}

// write adds text to the open block. Outside <pre>, HTML and Markdown
// line breaks in text are spaces; breaks are asked for with lineBreak.
func (b *builder) write(s string) {
	if b.skip > 0 || s == "" {
		return
	}
	if b.open == kindHeading && len(b.buf) == 0 && b.pre == 0 {
		s = strings.TrimLeft(s, " \t\n")
	}
	if strings.TrimSpace(s) != "" {
		b.visible++
	}
	if b.pre > 0 {
		b.buf = append(b.buf, s...)
		return
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' || c == '\t' {
			c = ' '
		}
		b.buf = append(b.buf, c)
	}
}

// lineBreak is <br> or a Markdown hard line break.
func (b *builder) lineBreak() {
	if b.skip > 0 {
		return
	}
	if b.code > 0 && b.cell > 0 && b.pre == 0 {
		return // <code>plan.<br/>billing</code> in a narrow table column
	}
	b.buf = append(b.buf, '\n')
}

// space is a soft line break: a space, or a line break in <pre>.
func (b *builder) space() {
	if b.pre > 0 {
		b.write("\n")
		return
	}
	b.write(" ")
}

// flush ends the open block: a paragraph (or several: an empty line
// between line breaks, <br><br>, is a paragraph break), a heading, a code
// block or a list item. Text that follows a flushed item continues it.
func (b *builder) flush() {
	text := string(b.buf)
	b.buf = b.buf[:0]
	b.prefix = 0
	switch b.open {
	case kindCode:
		if code := codeText(text); code != "" {
			b.blocks = append(b.blocks, block{kind: kindCode, text: code})
		}
	case kindHeading:
		if h := collapse(text); h != "" {
			b.blocks = append(b.blocks, block{kind: kindHeading, text: h})
		}
	case kindItem:
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			if l = collapse(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			b.blocks = append(b.blocks, block{kind: kindItem, text: strings.Join(lines, "\n"), marker: b.marker, list: b.list})
			b.marker = "" // what follows continues the item
		}
	default:
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			l = collapse(l)
			if l == "" {
				if len(lines) > 0 {
					b.blocks = append(b.blocks, block{kind: kindPara, text: strings.Join(lines, "\n")})
					lines = lines[:0]
				}
				continue
			}
			lines = append(lines, l)
		}
		if len(lines) > 0 {
			b.blocks = append(b.blocks, block{kind: kindPara, text: strings.Join(lines, "\n")})
		}
	}
	b.open = b.textKind()
}

// textKind is what text outside a heading or code block belongs to: the
// open list item, or a paragraph.
func (b *builder) textKind() kind {
	if len(b.lists) > 0 {
		return kindItem
	}
	return kindPara
}

// codeText trims a code block's lines at the right, drops its blank
// lines at either end, collapses runs of blank lines and removes the
// indentation all its lines share.
func codeText(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(strings.ReplaceAll(l, "\u00a0", " "), " \t")
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return ""
	}
	indent := -1
	for _, l := range lines {
		if l == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	out := lines[:0]
	for i, l := range lines {
		if l == "" && i > 0 && lines[i-1] == "" {
			continue
		}
		if l != "" {
			l = l[indent:]
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// paragraph ends the open block; what follows is a new paragraph, or, in
// a list item, a new line of the item.
func (b *builder) paragraph() {
	if b.open == kindItem {
		if len(b.buf) > b.prefix {
			b.lineBreak()
		}
		return
	}
	b.flush()
}

// endParagraph ends a paragraph (a Markdown paragraph, </p>).
func (b *builder) endParagraph() { b.paragraph() }

func (b *builder) startHeading() {
	b.flush()
	b.open = kindHeading
}

func (b *builder) endHeading() {
	if b.open == kindHeading {
		b.flush()
	}
}

func (b *builder) startCode() {
	b.flush()
	b.open = kindCode
	b.pre++
}

func (b *builder) endCode() {
	if b.pre == 0 {
		return
	}
	b.pre--
	if b.pre == 0 && b.open == kindCode {
		b.flush()
	}
}

// codeBlock is a whole Markdown code block.
func (b *builder) codeBlock(text string) {
	b.startCode()
	b.write(text)
	b.endCode()
}

// startList opens a list. A list inside a list item is not a Go doc list:
// its items become items of the outer list if they are of its kind (a
// bullet in bullets), and lines of the outer item, with their marker,
// otherwise.
func (b *builder) startList(ordered bool, start int, table bool) {
	b.flush()
	id := 0
	if len(b.lists) > 0 {
		id = b.lists[0].id
	} else {
		b.nlists++
		id = b.nlists
	}
	if start < 0 || start > 999999999 {
		start = 1
	}
	b.lists = append(b.lists, listState{ordered: ordered, next: start, id: id, table: table})
	b.open = kindItem
	b.marker = ""
	b.list = id
}

func (b *builder) endList() {
	if len(b.lists) == 0 {
		return
	}
	b.flush()
	b.lists = b.lists[:len(b.lists)-1]
	b.open = b.textKind()
	b.marker = ""
}

// startItem opens a list item of the innermost list, or a paragraph of
// bullets outside any list (<li> without <ul>).
func (b *builder) startItem() {
	if len(b.lists) == 0 {
		b.startList(false, 1, false)
	}
	b.flush()
	l := &b.lists[len(b.lists)-1]
	marker := "-"
	if l.ordered {
		marker = strconv.Itoa(l.next) + "."
		l.next++
	}
	b.open = kindItem
	b.list = l.id
	if len(b.lists) > 1 && l.ordered != b.lists[0].ordered {
		// A nested list of the other kind: lines of the outer item.
		b.marker = ""
		b.buf = append(b.buf, marker...)
		b.buf = append(b.buf, ' ')
		b.prefix = len(b.buf)
		return
	}
	b.marker = marker
	b.prefix = 0
}

func (b *builder) endItem() {
	if b.open == kindItem {
		b.flush()
	}
}

// breakOutOfLists ends every open list: the text that follows is a
// paragraph (a Zoom item ends "...higher<br>" and the next, unindented
// line, "**Scopes:**", is not the item's).
func (b *builder) breakOutOfLists() {
	for len(b.lists) > 0 {
		b.endList()
	}
}

func (b *builder) startLink(dest string) {
	b.links = append(b.links, linkState{dest: dest, visible: b.visible, block: len(b.blocks), start: len(b.buf)})
}

// endLink writes a link's destination after its text, "text (url)",
// unless it is no absolute URL or the text says it already. A link without
// text (an image's: a "Run in Postman" button) is nothing.
func (b *builder) endLink() {
	if len(b.links) == 0 {
		return
	}
	l := b.links[len(b.links)-1]
	b.links = b.links[:len(b.links)-1]
	if b.visible == l.visible || b.skip > 0 {
		return
	}
	dest := linkDest(l.dest)
	if dest == "" {
		return
	}
	if l.block == len(b.blocks) && l.start <= len(b.buf) && sameURL(string(b.buf[l.start:]), dest) {
		return
	}
	b.write(" (" + dest + ")")
}

// sameURL reports whether a link's text is its destination, maybe
// without the scheme or a final slash.
func sameURL(text, dest string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		for _, p := range []string{"mailto:", "https://", "http://", "www."} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimSuffix(s, "/")
	}
	return norm(text) == norm(dest)
}

// linkDest is the destination a doc shows: an absolute URL (a Postman
// variable may be its host), without spaces or a text fragment
// ("#:~:text=...", a browser's highlight, often longer than the URL).
func linkDest(d string) string {
	d = strings.TrimSpace(d)
	if i := strings.Index(d, ":~:"); i >= 0 && strings.Contains(d[:i], "#") {
		d = strings.TrimSuffix(d[:i], "#")
	}
	if d == "" || strings.ContainsAny(d, " \t\n") {
		d = strings.Join(strings.Fields(d), "%20")
	}
	low := strings.ToLower(d)
	switch {
	case strings.HasPrefix(low, "http://"), strings.HasPrefix(low, "https://"), strings.HasPrefix(low, "mailto:"),
		strings.HasPrefix(low, "ftp://"), strings.HasPrefix(d, "{{"):
		return d
	}
	return ""
}

// startRow opens a table row: a paragraph in the table's head, an item
// otherwise.
func (b *builder) startRow() {
	b.flush()
	b.cell = 0
	b.row = true
	b.rowVisible = b.visible
	if b.head > 0 {
		b.open = kindPara
		return
	}
	if len(b.lists) == 0 || !b.lists[len(b.lists)-1].table {
		b.startList(false, 1, true)
	}
	b.startItem()
}

func (b *builder) endRow() {
	if !b.row {
		return
	}
	b.trimCellSeparator()
	b.flush()
	b.cell = 0
	b.row = false
}

// startCell separates a cell from the one before it with " | ".
func (b *builder) startCell() {
	if b.cell > 0 && b.visible > b.rowVisible {
		b.trimCellSeparator()
		b.write(" | ")
	}
	b.cell++
}

// trimCellSeparator drops the separator an empty cell left at the end.
func (b *builder) trimCellSeparator() {
	n := len(b.buf)
	for n > 0 && (b.buf[n-1] == ' ' || b.buf[n-1] == '|') {
		n--
	}
	b.buf = b.buf[:n]
}

func (b *builder) endTable() {
	b.endRow()
	for len(b.lists) > 0 && b.lists[len(b.lists)-1].table {
		b.endList()
	}
	b.head = 0
}

// finish ends what is open and returns the blocks.
func (b *builder) finish() []block {
	b.skip = 0
	b.pre = 0
	b.flush()
	return b.blocks
}
