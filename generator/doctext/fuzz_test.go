package doctext

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// FuzzLines: no input panics, the lines are the same for the same input,
// each is one line of doc comment text (a paragraph line, "# heading", a
// list line, a tab-indented code line or blank), there is no blank line at
// either end and no run of them, and plain text takes the fast path to the
// lines Markdown would give it.
func FuzzLines(f *testing.F) {
	for _, s := range []string{
		"", "plain text\nover lines\n\nand a paragraph",
		"Scopes: `a`</br>Rate Limit", "**Prerequisite:**<br>\n* a\n* b<br>\n**Scopes:** `x`",
		"[![Run in Postman](https://run.pstmn.io/button.svg)](https://x)\nText",
		"Value is:<ul><li><code>Y</code>. Yes.</li><li>No<ol><li>n</li></ol></li></ul>",
		"<table><thead><th>a</th></thead><tr><td>b<br>c</td><td></td></tr></table>",
		"# H\n\n```go\nx := 1\n```\n\n1. a\n   - b\n\n> quote\n\n---\n\n<pre>p\n\tq</pre>",
		"a <script>x</script> <!-- c --> <token> plan.<b", "\x00\u2028\r\n\t\u00a0\uFEFF&amp;&#x0;\\",
		"<a href=\"javascript:x\">j</a><a>no href</a><a href=\"https://x\"></a>",
		"Contact Support:\nName: Zoom\nEmail: a@b.c", "* " + strings.Repeat("w - ", 40),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		done := make(chan bool)
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second): // a hang: the fuzzer reports none
				panic(fmt.Sprintf("Lines(%q) takes more than 10s", s))
			}
		}()
		defer close(done)
		lines := Lines(s)
		if again := Lines(s); !equal(lines, again) {
			t.Fatalf("Lines(%q) differs between calls:\n%q\n%q", s, lines, again)
		}
		for i, l := range lines {
			if strings.ContainsAny(l, "\n\r") {
				t.Fatalf("Lines(%q)[%d] = %q has a line break", s, i, l)
			}
			if l == "" && (i == 0 || i == len(lines)-1 || lines[i-1] == "") {
				t.Fatalf("Lines(%q) has a stray blank line at %d: %q", s, i, lines)
			}
			if l != "" && !docLine(l) {
				t.Fatalf("Lines(%q)[%d] = %q is no doc comment line", s, i, l)
			}
		}
		if c := clean(s); isPlain(c) {
			var b builder
			b.markdown(c)
			if slow := layout(b.finish(), wrapWidth); !equal(lines, slow) {
				t.Fatalf("plain %q: fast path %q, Markdown %q", s, lines, slow)
			}
		}
		_ = PlainText(s)
		if one := OneLine(s); strings.ContainsAny(one, "\n\r") {
			t.Fatalf("OneLine(%q) = %q has a line break", s, one)
		}
	})
}

// docLine reports whether l is a line Lines may write.
func docLine(l string) bool {
	switch {
	case l[0] == '\t':
		return len(l) > 1
	case strings.HasPrefix(l, "  - "), strings.HasPrefix(l, "    "):
		return len(strings.TrimSpace(l)) > 0
	case l[0] == ' ':
		// " 1. item"
		n := 1
		for n < len(l) && '0' <= l[n] && l[n] <= '9' {
			n++
		}
		return n > 1 && strings.HasPrefix(l[n:], ". ")
	}
	return strings.TrimSpace(l) == l
}
