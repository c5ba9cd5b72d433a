package doctext

import (
	"strings"
	"testing"
)

func TestPlainText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Scopes: `a`</br>Rate Limit", "Scopes: `a`\nRate Limit"},
		{"a<br/>b<BR>c", "a\nb\nc"},
		{"<aside>Note: OAuth only.</aside>", "\n\nNote: OAuth only.\n\n"},
		{"<blockquote class=\"x\">quoted</blockquote>", "\n\nquoted\n\n"},
		{"<strong>bold</strong> <a href=\"https://x\">link</a> <img src=\"y.png\"/>", "bold link "},
		{"before<script>alert(1)</script><style>p{}</style>after", "beforeafter"},
		{"a<!-- hidden -->b", "ab"},
		{"[![Run in Postman](https://run.pstmn.io/button.svg)](https://god.gw.postman.com/run)\nText", "\nText"},
		{"![diagram](https://x/y.png) and [docs](https://x/docs)", " and docs (https://x/docs)"},
		{"Authorization: Bearer <token>; a <string> value", "Authorization: Bearer <token>; a <string> value"},
		{"plan.<b", "plan."},
		{"**Scopes**: `x`", "Scopes: `x`"},
		{"the example [here]( https://x/y).", "the example here (https://x/y)."},
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
