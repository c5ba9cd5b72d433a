package doctext

import (
	"encoding/json"
	"go/doc/comment"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestPlainText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Scopes: `a`</br>Rate Limit", "Scopes: `a`\nRate Limit"},
		{"a<br/>b<BR>c", "a\nb\nc"},
		{"<aside>Note: OAuth only.</aside>", "Note: OAuth only."},
		{"<blockquote class=\"x\">quoted</blockquote>", "quoted"},
		// Tags go, an HTML link reads as a Markdown one does, images go.
		{"<strong>bold</strong> <a href=\"https://x\">link</a> <img src=\"y.png\"/>", "bold link (https://x)"},
		{"before<script>alert(1)</script><style>p{}</style>after", "beforeafter"},
		{"a<!-- hidden -->b", "ab"},
		{"[![Run in Postman](https://run.pstmn.io/button.svg)](https://god.gw.postman.com/run)\nText", "Text"},
		{"![diagram](https://x/y.png) and [docs](https://x/docs)", "and docs (https://x/docs)"},
		{"Authorization: Bearer <token>; a <string> value", "Authorization: Bearer <token>; a <string> value"},
		{"plan.<b", "plan."},
		{"**Scopes**: `x`", "Scopes: `x`"},
		{"the example [here]( https://x/y).", "the example here (https://x/y)."},
		// A value list keeps its lines (lower reads enums from them).
		{"One of:\n`a`: first.\n`b` - second.", "One of:\n`a`: first.\n`b` - second."},
		{"&lt;b&gt; &amp; \\*x\\*", "<b> & *x*"},
	} {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLinesCollapseAndWrap(t *testing.T) {
	got := Lines("one<br><br><br>two " + strings.Repeat("word ", 30))
	if got[0] != "one" || got[1] != "" || !strings.HasPrefix(got[2], "two word") || len(got) != 4 {
		t.Errorf("Lines = %q", got)
	}
	for _, l := range got {
		if len(l) > wrapWidth {
			t.Errorf("line longer than %d: %q", wrapWidth, l)
		}
	}
}

// TestLines: what Markdown and HTML say becomes go/doc/comment syntax.
func TestLines(t *testing.T) {
	long := strings.Repeat("word ", 18) + "words - end" // "- end" would start the second line
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"paragraphs reflow", "a hard-wrapped\nparagraph.\n\nAnother.", []string{"a hard-wrapped paragraph.", "", "Another."}},
		{"label lines stay", "Contact Support:\n Name: Zoom Developers\n Email: dev@zoom.us", []string{"Contact Support:", "Name: Zoom Developers", "Email: dev@zoom.us"}},
		{"bold label lines stay", "in the hierarchy.\n**Prerequisite:**<br>\n* x", []string{"in the hierarchy.", "Prerequisite:", "  - x"}},
		{"text fragments go", "a [role](https://a.b/c#:~:text=Each%20user) b", []string{"a role (https://a.b/c) b"}},
		{"heading", "# Title\n\ntext", []string{"# Title", "", "text"}},
		{"setext heading", "Title\n===\ntext", []string{"# Title", "", "text"}},
		{"heading at the end is text", "text\n\n## Title", []string{"text", "", "Title"}},
		{"bullets", "Values:\n* a\n* b\n\nAfter.", []string{"Values:", "  - a", "  - b", "", "After."}},
		{"numbers", "1. one\n2. two", []string{" 1. one", " 2. two"}},
		{"numbers from 3", "3. three\n4. four", []string{" 3. three", " 4. four"}},
		{"html list", "Value is:<ul><li><code>Y</code>. Yes.</li><li><code>N</code>. No.</li></ul>Else.", []string{"Value is:", "  - `Y`. Yes.", "  - `N`. No.", "", "Else."}},
		{"html ordered list", "<ol start=\"2\"><li>b</li><li>c</li></ol>", []string{" 2. b", " 3. c"}},
		{"item wraps", "* " + strings.Repeat("word ", 30), []string{"  - " + strings.TrimSpace(strings.Repeat("word ", 19)), "    " + strings.TrimSpace(strings.Repeat("word ", 11))}},
		{"no continuation starts an item", "* " + long, []string{"  - " + strings.TrimSpace(strings.Repeat("word ", 18)), "    words - end"}},
		{"nested bullets", "* a\n  * a1\n* b", []string{"  - a", "  - a1", "  - b"}},
		{"numbers in bullets", "* a\n  1. a1\n* b", []string{"  - a", "    1. a1", "  - b"}},
		{"lazy line after a list", "**Prerequisite:**<br>\n* Zoom Rooms 4.0<br>\n**Scopes:** `room:read`", []string{"Prerequisite:", "  - Zoom Rooms 4.0", "", "Scopes: `room:read`"}},
		{"fenced code", "Example:\n\n```json\n{\n  \"a\": 1\n}\n```\nAfter.", []string{"Example:", "", "\t{", "\t  \"a\": 1", "\t}", "", "After."}},
		{"pre", "See:\n\n<pre>\n  x := 1\n    y := 2\n</pre>\n\nafter", []string{"See:", "", "\tx := 1", "\t  y := 2", "", "after"}},
		{"code after list", "* a\n\n```\ncode\n```", []string{"  - a", "    code"}},
		{"list after code", "```\ncode\n```\n* a\n* b", []string{"\tcode", "", "- a", "- b"}},
		{"table", "<table><thead><tr><th>Code</th><th>Meaning</th></tr></thead><tbody><tr><td><code>D</code></td><td>Denied.</td></tr><tr><td>P</td><td></td></tr></tbody></table>",
			[]string{"Code | Meaning", "  - `D` | Denied.", "  - P"}},
		{"table code with br", "<table><tr><td><code>plan.<br/>total</code></td><td>replace</td></tr></table>", []string{"  - `plan.total` | replace"}},
		{"link text is the url", "[https://x.io/a](https://x.io/a) and <https://y.io>", []string{"https://x.io/a and https://y.io"}},
		{"relative link", "[the docs](/docs/a) and [top](#top)", []string{"the docs and top"}},
		{"html heading", "<h2>Errors</h2><p>Text</p>", []string{"# Errors", "", "Text"}},
		{"markdown in html", "<p>See **this** and [that](https://x.io).</p>", []string{"See this and that (https://x.io)."}},
		{"italic stays", "an *important* note, a*b*c", []string{"an *important* note, a*b*c"}},
		{"unknown tags are text", "GET /users/<id>/items<br>Bearer <token>", []string{"GET /users/<id>/items", "Bearer <token>"}},
		{"indented html is not code", "<div>\n\n    <p>Hello</p>\n</div>", []string{"Hello"}},
		{"unclosed script drops the rest", "a <script>evil()\n\nb", []string{"a"}},
	} {
		if got := Lines(tt.in); !equal(got, tt.want) {
			t.Errorf("%s: Lines(%q) =\n%q\nwant\n%q", tt.name, tt.in, got, tt.want)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestOneLine(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"1. Create user", "1. Create user"},
		{"---", "---"},
		{"# of items", "# of items"},
		{"**Bold** name <b>x</b>", "Bold name x"},
		{"a\n\nb  c", "a b c"},
		{"<ul><li>a</li><li>b</li></ul>", "- a - b"},
		{"/users/:id/<token>", "/users/:id/<token>"},
	} {
		if got := OneLine(tt.in); got != tt.want {
			t.Errorf("OneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncated(t *testing.T) {
	long := strings.Repeat("x", maxDocBytes-10) + "<a href=\"https://example.com/" + strings.Repeat("y", 100)
	got := PlainText(long)
	if !strings.HasSuffix(got, "… (truncated by postman2go)") || strings.Contains(got, "<a") {
		t.Errorf("PlainText of a long text ends %q", got[max(0, len(got)-80):])
	}
}

// collectionDescriptions are the descriptions of the testdata collections
// and the corpus.
func collectionDescriptions(tb testing.TB) []string {
	files, _ := filepath.Glob("../../testdata/*/collection.json")
	corpus, _ := filepath.Glob("../../../shared/corpus/*.json")
	seen := map[string]bool{}
	var out []string
	for _, f := range append(files, corpus...) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var doc any
		if json.Unmarshal(data, &doc) != nil {
			continue
		}
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for k, x := range v {
					if s, ok := x.(string); ok && (k == "description" || k == "content") && !seen[s] {
						seen[s] = true
						out = append(out, s)
					}
					walk(x)
				}
			case []any:
				for _, x := range v {
					walk(x)
				}
			}
		}
		walk(doc)
	}
	return out
}

// TestLinesAreCanonical: the lines of every description of the testdata
// and corpus collections are a doc comment as gofmt writes it
// (go/doc/comment's printer prints them back unchanged), so that what
// Lines means is what go doc shows.
func TestLinesAreCanonical(t *testing.T) {
	ds := collectionDescriptions(t)
	if len(ds) < 100 {
		t.Fatalf("only %d descriptions found", len(ds))
	}
	for _, d := range ds {
		lines := Lines(d)
		if len(lines) == 0 {
			continue
		}
		text := strings.Join(lines, "\n") + "\n"
		var p comment.Parser
		var pr comment.Printer
		if out := string(pr.Comment(p.Parse(text))); out != text {
			t.Errorf("Lines(%.80q) is not canonical:\n%s\ngofmt:\n%s", d, text, out)
		}
	}
}

// TestDeepQuotesAreBounded: Markdown parsers take time quadratic in how
// deep block quotes nest; 64 KB of ">" must not take seconds.
func TestDeepQuotesAreBounded(t *testing.T) {
	start := time.Now()
	Lines(strings.Repeat(">", maxDocBytes) + " x")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("64 KB of nested quotes took %v", d)
	}
	if got := Lines(strings.Repeat("> ", 20) + "x"); !equal(got, []string{"x"}) {
		t.Errorf("nested quotes: %q", got)
	}
}
