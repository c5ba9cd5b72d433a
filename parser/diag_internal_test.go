package parser

import (
	"strings"
	"testing"
)

// TestElide: shortening keeps short text as it is, bounds long text, and
// shortened text is not shortened again (Error shortens what the parser
// already stored shortened).
func TestElide(t *testing.T) {
	long := strings.Repeat("é", 1000)
	paths := []string{
		"", "item[0].item[3]", "request.body.formdata[1]",
		strings.Repeat("item[0].", 300) + "item[0]",
		"request.auth.apikey." + long,
		strings.Repeat("[0]", 500),
		strings.Repeat("a.", 20) + long,
		strings.Repeat(".", 50),
	}
	for _, p := range paths {
		e := elidePath(p)
		if len(p) < 60 && strings.Count(p, ".") < maxPathSegments && e != p {
			t.Errorf("elidePath(%q) = %q, want it unchanged", p, e)
		}
		if again := elidePath(e); again != e {
			t.Errorf("elidePath(%.40q) = %q, again %q", p, e, again)
		}
		if len(e) > maxPathSegments*maxSegmentRunes*4 {
			t.Errorf("elidePath(%.40q) is %d bytes", p, len(e))
		}
	}
	for _, names := range [][]string{{"A"}, {"A", "", "B"}, {"F", "G", "H", "I", "J"}} {
		if j := joinNames(names); j != strings.Join(names, "/") {
			t.Errorf("joinNames(%q) = %q, want them joined as before", names, j)
		}
	}
	if j := joinNames([]string{long, long, long, long, long, long}); len(j) > (2*namesKeep+1)*(2*maxNameRunes+1) {
		t.Errorf("joinNames of long names is %d bytes", len(j))
	}
	if got := joinNames([]string{"", "A"}); got != "A" {
		t.Errorf(`joinNames("", "A") = %q, want "A" as before`, got)
	}
	if got := joinNames([]string{"1", "2", "3", "4", "5", "6"}); got != "1/2/…/5/6" {
		t.Errorf("joinNames(1..6) = %q", got)
	}
	if got := capMiddle(long, maxItemBytes); len(got) > maxItemBytes || capMiddle(got, maxItemBytes) != got {
		t.Errorf("capMiddle: %d bytes", len(got))
	}
}
