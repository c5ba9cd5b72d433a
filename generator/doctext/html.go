package doctext

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// HTML, as golang.org/x/net/html tokenizes it: the raw HTML of a Markdown
// description (blocks and inline tags) and descriptions that are HTML.

type action uint8

const (
	actInline  action = iota + 1 // the tags go, the text stays
	actBlock                     // a paragraph break
	actBreak                     // <br>: a line break
	actSkip                      // the element goes with its text
	actList                      // <ul>
	actOList                     // <ol>
	actItem                      // <li>
	actHeading                   // <h1> ... <h6>
	actPre                       // <pre>: a code block
	actCode                      // <code>: `text`
	actLink                      // <a href>
	actTable
	actHead // <thead>
	actRow  // <tr>
	actCell // <td>, <th>
)

// elements are the HTML elements a description's tags are read as. A tag
// of another name (<token>, <string>, <id>) is text.
var elements = map[string]action{
	"br": actBreak, "wbr": actInline,

	"p": actBlock, "div": actBlock, "blockquote": actBlock, "aside": actBlock, "section": actBlock,
	"article": actBlock, "header": actBlock, "footer": actBlock, "nav": actBlock, "main": actBlock,
	"figure": actBlock, "figcaption": actBlock, "details": actBlock, "summary": actBlock, "dl": actBlock,
	"dt": actBlock, "dd": actBlock, "hr": actBlock, "center": actBlock, "caption": actBlock,
	"address": actBlock, "fieldset": actBlock, "legend": actBlock, "form": actBlock, "html": actBlock,
	"body": actBlock, "hgroup": actBlock, "menu": actList, "dialog": actBlock, "picture": actInline,
	"tbody": actBlock, "tfoot": actBlock, "colgroup": actInline, "col": actInline, "search": actBlock,

	"ul": actList, "ol": actOList, "li": actItem,
	"h1": actHeading, "h2": actHeading, "h3": actHeading, "h4": actHeading, "h5": actHeading, "h6": actHeading,
	"pre": actPre, "xmp": actPre, "listing": actPre, "plaintext": actPre,
	"code": actCode, "kbd": actCode, "samp": actCode, "tt": actCode,
	"a":     actLink,
	"table": actTable, "thead": actHead, "tr": actRow, "td": actCell, "th": actCell,

	"script": actSkip, "style": actSkip, "noscript": actSkip, "template": actSkip, "head": actSkip,
	"title": actSkip, "svg": actSkip, "math": actSkip, "iframe": actSkip, "object": actSkip,
	"video": actSkip, "audio": actSkip, "canvas": actSkip, "select": actSkip, "datalist": actSkip,
	"noembed": actSkip, "noframes": actSkip, "frameset": actSkip,

	"b": actInline, "i": actInline, "u": actInline, "s": actInline, "em": actInline, "strong": actInline,
	"var": actInline, "mark": actInline, "span": actInline, "abbr": actInline, "cite": actInline,
	"q": actInline, "del": actInline, "ins": actInline, "small": actInline, "big": actInline,
	"sup": actInline, "sub": actInline, "font": actInline, "label": actInline, "img": actInline,
	"input": actInline, "button": actInline, "strike": actInline, "dfn": actInline, "bdi": actInline,
	"bdo": actInline, "time": actInline, "data": actInline, "output": actInline, "meter": actInline,
	"progress": actInline, "embed": actInline, "source": actInline, "track": actInline, "area": actInline,
	"map": actInline, "meta": actInline, "link": actInline, "base": actInline, "param": actInline,
	"textarea": actInline, "option": actInline, "optgroup": actInline, "ruby": actInline, "rt": actInline,
	"rp": actInline, "nobr": actInline, "blink": actInline, "marquee": actInline, "acronym": actInline,
	"slot": actInline,
}

// markdownInText are the characters that make a text in HTML worth
// reading as Markdown (<p>See **this** and [that](url)</p>).
const markdownInText = "*_`[\\"

// html reads raw HTML: tags drive the builder, text is written, Markdown
// in it read as inline Markdown.
func (b *builder) html(raw string) {
	if name, tt, ok := simpleTag(raw); ok {
		if act := elements[name]; act != 0 {
			b.element(act, tt, nil)
		} else {
			b.write(raw)
		}
		return
	}
	z := html.NewTokenizer(strings.NewReader(raw))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			if b.skip > 0 {
				continue
			}
			if b.pre == 0 && b.depth < 2 && strings.ContainsAny(string(z.Raw()), markdownInText) {
				text := string(z.Raw())
				trimmed := strings.TrimSpace(text)
				if trimmed != text && strings.TrimLeft(text, " \t\n") != text {
					b.write(" ")
				}
				b.depth++
				b.inlineMarkdown(trimmed)
				b.depth--
				if trimmed != text && strings.TrimRight(text, " \t\n") != text {
					b.write(" ")
				}
				continue
			}
			b.write(string(z.Text()))
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			rawTag := string(z.Raw())
			name, hasAttr := z.TagName()
			act := elements[string(name)]
			if act == 0 {
				b.write(rawTag) // <token>: text, not an element
				continue
			}
			var attrs map[string]string
			if hasAttr && tt != html.EndTagToken && (act == actLink || act == actOList) {
				attrs = map[string]string{}
				for {
					k, v, more := z.TagAttr()
					if _, ok := attrs[string(k)]; !ok {
						attrs[string(k)] = string(v)
					}
					if !more {
						break
					}
				}
			}
			b.element(act, tt, attrs)
		}
		// Comments and doctypes go.
	}
}

// element applies one tag.
func (b *builder) element(act action, tt html.TokenType, attrs map[string]string) {
	start, end := tt == html.StartTagToken, tt == html.EndTagToken
	if act == actSkip {
		switch {
		case start:
			b.skip++
		case end && b.skip > 0:
			b.skip--
		}
		return
	}
	if b.skip > 0 {
		return
	}
	if b.pre > 0 && act != actPre && act != actBreak {
		return // <pre><code>: the tags in a code block go
	}
	switch act {
	case actBreak:
		if b.pre > 0 {
			b.write("\n")
		} else {
			b.lineBreak()
		}
	case actBlock:
		b.paragraph()
	case actList, actOList:
		switch {
		case start:
			n := 1
			if s, ok := attrs["start"]; ok {
				if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
					n = v
				}
			}
			b.startList(act == actOList, n, false)
		case end:
			b.endList()
		}
	case actItem:
		switch {
		case start:
			b.startItem()
		case end:
			b.endItem()
		}
	case actHeading:
		switch {
		case start:
			b.startHeading()
		case end:
			b.endHeading()
		}
	case actPre:
		switch {
		case start:
			b.startCode()
		case end:
			b.endCode()
		}
	case actCode:
		if tt != html.SelfClosingTagToken {
			if start {
				b.code++
			} else if b.code > 0 {
				b.code--
			}
			b.write("`")
		}
	case actLink:
		switch {
		case start:
			b.startLink(attrs["href"])
		case end:
			b.endLink()
		}
	case actTable:
		if start {
			b.flush()
		} else if end {
			b.endTable()
		}
		b.head = 0
	case actHead:
		if start {
			b.head = 1
		} else if end {
			if b.row {
				b.endRow()
			}
			b.head = 0
		}
	case actRow:
		if start {
			b.startRow()
		} else if end {
			b.endRow()
		}
	case actCell:
		if start {
			if !b.row {
				b.startRow() // <thead><th>: a row without <tr>
			}
			b.startCell()
		}
	}
}

// simpleTag reads a tag without attributes, "<b>", "</b>", "<br/>", the
// most common raw HTML of a Markdown text, without a tokenizer.
func simpleTag(raw string) (name string, tt html.TokenType, ok bool) {
	if len(raw) < 3 || raw[0] != '<' || raw[len(raw)-1] != '>' {
		return "", 0, false
	}
	s := raw[1 : len(raw)-1]
	tt = html.StartTagToken
	if s[0] == '/' {
		tt, s = html.EndTagToken, s[1:]
	}
	n := 0
	for n < len(s) && (isASCIILetter(s[n]) || n > 0 && '0' <= s[n] && s[n] <= '9') {
		n++
	}
	if n == 0 {
		return "", 0, false
	}
	name, s = s[:n], strings.TrimRight(s[n:], " ")
	if s == "/" && tt == html.StartTagToken {
		tt, s = html.SelfClosingTagToken, ""
	}
	if s != "" {
		return "", 0, false
	}
	return strings.ToLower(name), tt, true
}
