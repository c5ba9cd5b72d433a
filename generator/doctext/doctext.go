// Package doctext turns collection descriptions (Markdown or HTML in
// practice) into plain text lines for doc comments. It is data: the comment
// door in generator/emit is what turns lines into Go comments.
package doctext

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	brTag       = regexp.MustCompile(`(?i)</?br\s*/?>`)
	paraTag     = regexp.MustCompile(`(?i)</?(p|div|ul|ol|table|tr|h[1-6])(\s[^>]*)?>`)
	liTag       = regexp.MustCompile(`(?i)<li(\s[^>]*)?>`)
	blockTag    = regexp.MustCompile(`(?i)</?(blockquote|aside|section|article|header|footer|nav|main|figure|figcaption|details|summary|dl|dt|dd|hr|center|caption|thead|tbody|tfoot|colgroup)(\s[^<>]*)?/?>`)
	inlineTag   = regexp.MustCompile(`(?i)</?(b|i|u|s|em|strong|code|kbd|samp|var|mark|span|a|abbr|cite|q|del|ins|li|td|th|col|pre|small|big|sup|sub|font|label|img|input|button|iframe|wbr|tt)(\s[^<>]*)?/?>`)
	scriptTag   = regexp.MustCompile(`(?is)<(script|style|noscript)(\s[^<>]*)?>.*?</(script|style|noscript)\s*>`)
	htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	mdImage     = regexp.MustCompile(`!\[[^\]\n]*\]\(\s*[^)\s]*\s*\)`)
	// emptyLink is what an image inside a link leaves: [](url), a "Run
	// in Postman" button.
	emptyLink = regexp.MustCompile(`\[\s*\]\(\s*[^)\s]*\s*\)`)
	// cutTag is a tag the text was cut in ("... plan.<b"): no text ends in
	// "<word" otherwise.
	cutTag      = regexp.MustCompile(`</?[a-zA-Z]+\s*$`)
	mdBold      = regexp.MustCompile(`\*\*([^*\n]+)\*\*`)
	mdLink      = regexp.MustCompile(`\[([^\]\n]+)\]\(\s*([^)\s]+)\s*\)`)
	lineBreaker = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n")
)

const wrapWidth = 100

// maxDocBytes bounds the text of one description that becomes comments: a
// 50 MB description is data, not documentation.
const maxDocBytes = 64 << 10

// PlainText turns a Postman description (Markdown or HTML in practice) into
// plain text lines: <br> becomes a line break, block elements paragraph
// breaks, other HTML elements' tags, comments, scripts and styles go, as do
// bold markers and images (a "Run in Postman" button), [text](url) becomes
// "text (url)", control characters are dropped. Text in angle brackets
// that is no HTML element (<token>, <string>) stays.
func PlainText(s string) string {
	if len(s) > maxDocBytes {
		cut := maxDocBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + " … (truncated by postman2go)"
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = lineBreaker.Replace(s)
	s = cutTag.ReplaceAllString(s, "")
	s = htmlComment.ReplaceAllString(s, "")
	s = scriptTag.ReplaceAllString(s, "")
	s = brTag.ReplaceAllString(s, "\n")
	s = liTag.ReplaceAllString(s, "\n- ")
	s = paraTag.ReplaceAllString(s, "\n\n")
	s = blockTag.ReplaceAllString(s, "\n\n")
	s = inlineTag.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "")
	s = emptyLink.ReplaceAllString(s, "")
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

// Lines returns s as doc lines: trimmed, blank runs collapsed, long
// lines wrapped at word boundaries.
func Lines(s string) []string {
	var out []string
	blank := false
	for _, line := range strings.Split(PlainText(s), "\n") {
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

// OneLine returns s as a single line of plain text, for table cells and
// short summaries.
func OneLine(s string) string {
	return strings.Join(strings.Fields(PlainText(s)), " ")
}

// Wrap wraps one line of plain text at word boundaries, as Lines does.
func Wrap(line string) []string { return wrap(line, wrapWidth) }

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
